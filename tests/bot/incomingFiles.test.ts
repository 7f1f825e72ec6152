// Files that arrive as links (Azure's Direct Line, Teams): fetched only from the channel's own hosts,
// never past 10 MB, then checked and kept like an upload.
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { createIncomingFiles, fileLinks } from '../../bot/incomingFiles.js';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { useTempDataDir } from '../tickets/helpers.js';

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(100, 3)]);

describe('files given as links by a channel', () => {
  const dirs = useTempDataDir();
  let server: Server;
  let host: string;
  const asked: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      asked.push(req.url ?? '');
      if (req.url === '/big.png') {
        res.write(png);
        // Streams on past the limit: the reader must stop, not hold it all.
        const chunk = Buffer.alloc(1024 * 1024);
        let sent = 0;
        const more = () => {
          while (sent < 12 && res.write(chunk)) sent++;
          if (sent < 12) res.once('drain', more);
          else res.end();
        };
        more();
        return;
      }
      if (req.url === '/capture.png') return void res.end(png);
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function turn(attachments: Activity['attachments']) {
    const activity = { type: 'message', channelId: 'directline', serviceUrl: 'https://directline.botframework.com/', conversation: { id: 'conv-azure' }, from: { id: 'u' }, recipient: { id: 'b' }, text: '', attachments } as unknown as Activity;
    return new TurnContext(new TestAdapter(), activity);
  }

  it('keeps a screenshot from an allowed host, refuses one over 10 MB, and does not fetch from any other host', async () => {
    const store = createLowdbStore({ dataDir: dirs.dataDir() });
    const warned: string[] = [];
    const received = createIncomingFiles({ files: store.files, extraHosts: [host], log: (_o, m) => warned.push(m) });
    const got = await received(turn([
      { contentType: 'image/png', contentUrl: `http://${host}/capture.png`, name: 'capture.png' },
      { contentType: 'image/png', contentUrl: `http://${host}/big.png`, name: 'big.png' },
      { contentType: 'image/png', contentUrl: 'http://169.254.169.254/latest/meta-data/', name: 'metadata.png' },
    ]));
    expect(got?.kept.map((f) => [f.name, f.contentType])).to.deep.equal([['capture.png', 'image/png']]);
    expect(got?.refused).to.deep.equal([{ name: 'big.png', reason: 'size' }, { name: 'metadata.png', reason: 'empty' }]);
    expect(asked).to.not.include('/latest/meta-data/');
    expect(warned).to.have.length(1);
    const [kept] = await store.files.filesOf('conv-azure');
    expect((await store.files.readFile('conv-azure', kept!.id))?.bytes.equals(png)).to.equal(true);
  });

  it('reads links from files and Teams downloads, never from cards', () => {
    expect(fileLinks([
      { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
      { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'journal.log', content: { downloadUrl: 'https://contoso.sharepoint.com/x' } },
      { contentType: 'text/html', content: '<p>hi</p>' },
      { contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/amer/v3/attachments/1/views/original', name: 'image.png' },
    ])).to.deep.equal([{ name: 'journal.log', url: 'https://contoso.sharepoint.com/x' }, { name: 'image.png', url: 'https://smba.trafficmanager.net/amer/v3/attachments/1/views/original' }]);
  });
});
