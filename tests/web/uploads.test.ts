// Files sent from Web Chat through the local Direct Line, as botframework-directlinejs posts them
// (multipart: the activity as a part named "activity", one "file" part per file): kept with the
// conversation and shown back, refused ones explained, and the ticket typed next takes them.
import { expect } from 'chai';
import { MAX_FILE_BYTES } from '../../tickets/filePolicy.js';
import { startInProcess, tempDir } from './helpers.js';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';

interface Listed {
  id: string;
  type: string;
  text?: string;
  from: { role?: string };
  attachments?: Array<{ contentType: string; name: string; contentUrl: string }>;
}

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 1)]);
const exe = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(200)]);

async function startChat(base: string, locale = 'fr-FR') {
  const issued = (await (await fetch(`${base}/api/directline/token`, { method: 'POST' })).json()) as { conversationId: string; token: string };
  const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ locale }) });
  expect(started.status).to.equal(201);
  return { conversationId: issued.conversationId, token: issued.token, dl: `${base}/v3/directline/conversations/${issued.conversationId}` };
}

/** What DirectLineJS's postMessageWithAttachments sends. */
function uploadBody(files: Array<{ name: string; bytes: Buffer; type?: string }>, text = '', extra: Record<string, unknown> = {}): FormData {
  const form = new FormData();
  const activity = { type: 'message', text, locale: 'fr-FR', from: { id: 'x', role: 'user' }, attachments: files.map((f) => ({ contentType: f.type ?? 'application/octet-stream', name: f.name })), channelData: { clientActivityID: `c-${Math.random()}` }, ...extra };
  form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }), 'blob');
  for (const f of files) form.append('file', new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name);
  return form;
}

async function upload(chat: { dl: string; token: string }, files: Array<{ name: string; bytes: Buffer; type?: string }>, text = '') {
  return fetch(`${chat.dl}/upload?userId=x`, { method: 'POST', headers: { authorization: `Bearer ${chat.token}` }, body: uploadBody(files, text) });
}

async function say(chat: { dl: string; token: string }, text: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${chat.dl}/activities`, { method: 'POST', headers: { authorization: `Bearer ${chat.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text, from: { id: 'x' }, ...extra }) });
  expect(res.status).to.equal(200);
}

async function listed(chat: { dl: string; token: string }): Promise<Listed[]> {
  const res = await fetch(`${chat.dl}/activities?watermark=`, { headers: { authorization: `Bearer ${chat.token}` } });
  return ((await res.json()) as { activities: Listed[] }).activities;
}

const botSaid = async (chat: { dl: string; token: string }) => (await listed(chat)).filter((a) => a.from.role === 'bot' && a.text).map((a) => a.text!);

describe('files sent from Web Chat', function () {
  this.timeout(30_000);
  let base: string;
  let store: HelpdeskStore;
  let close: () => Promise<void>;

  before(async () => {
    ({ url: base, close, store } = await startInProcess({ dataDir: await tempDir() }));
  });
  after(() => close?.());

  it('keeps a screenshot sent alone, shows it back in the chat, and asks what the problem is', async () => {
    const chat = await startChat(base);
    const res = await upload(chat, [{ name: 'capture écran.png', bytes: png, type: 'image/png' }]);
    expect(res.status).to.equal(200);
    const mine = (await listed(chat)).find((a) => a.from.role === 'user')!;
    expect(mine.attachments).to.have.length(1);
    expect(mine.attachments![0]).to.deep.include({ contentType: 'image/png', name: 'capture écran.png' });
    expect((await botSaid(chat)).at(-1)).to.include('Bien reçu : « capture écran.png »').and.include('Dites-moi en quelques mots ce qui ne va pas');
    const shown = await fetch(`${base}${mine.attachments![0]!.contentUrl}`);
    expect(shown.status).to.equal(200);
    expect(shown.headers.get('content-type')).to.equal('image/png');
    expect(shown.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(Buffer.from(await shown.arrayBuffer()).equals(png)).to.equal(true);
    expect((await store.files.filesOf(chat.conversationId)).map((f) => f.name)).to.deep.equal(['capture écran.png']);
  });

  it('takes "voila la capture" with a file as presenting it, asks what is wrong, and answers the problem typed next', async () => {
    const chat = await startChat(base);
    await upload(chat, [{ name: 'erreur.png', bytes: png, type: 'image/png' }], "voila la capture de l'erreur");
    expect((await botSaid(chat)).at(-1)).to.include('Dites-moi en quelques mots ce qui ne va pas');
    await say(chat, 'je narrive plus a me connecter');
    expect((await botSaid(chat)).slice(-3).join('\n'), (await botSaid(chat)).join(' | ')).to.match(/connect/i);
  });

  it('answers about files in the language the customer switched to, not the page\'s', async () => {
    const chat = await startChat(base);
    await say(chat, 'in english pls');
    await upload(chat, [{ name: 'screen.png', bytes: png, type: 'image/png' }, { name: 'fix.exe', bytes: exe }], 'heres the screenshot');
    const said = (await botSaid(chat)).at(-1)!;
    expect(said).to.include('I couldn\'t accept "fix.exe"').and.include('Got it: "screen.png"').and.include('Tell me in a few words what is wrong');
    expect(said).to.not.match(/Bien reçu|Je n.ai pas pu/);
  });

  it('explains a refused program and a file over 10 MB, and keeps neither', async () => {
    const chat = await startChat(base);
    expect((await upload(chat, [{ name: 'setup.exe', bytes: exe }, { name: 'video.png', bytes: Buffer.concat([png, Buffer.alloc(MAX_FILE_BYTES)]) }])).status).to.equal(200);
    const said = (await botSaid(chat)).at(-1)!;
    expect(said).to.include("Je n'ai pas pu accepter « setup.exe »").and.include('PDF');
    expect(said).to.include('« video.png » dépasse 10 Mo');
    expect(await store.files.filesOf(chat.conversationId)).to.deep.equal([]);
  });

  it("does not believe a client that claims files were kept, nor fetches the links it posts", async () => {
    const chat = await startChat(base);
    await say(chat, 'voila', { channelData: { scribaFiles: { kept: [{ id: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'forged.png', contentType: 'image/png', size: 3 }], refused: [] } }, attachments: [{ contentType: 'image/png', contentUrl: 'http://169.254.169.254/latest/meta-data', name: 'x.png' }] });
    expect((await botSaid(chat)).join('\n')).to.not.include('forged.png').and.not.include('Bien reçu');
    expect(await store.files.filesOf(chat.conversationId)).to.deep.equal([]);
  });

  it('refuses an upload without a valid token (401) and to another conversation (403)', async () => {
    const chat = await startChat(base);
    const other = await startChat(base);
    expect((await fetch(`${chat.dl}/upload`, { method: 'POST', body: uploadBody([{ name: 'a.png', bytes: png }]) })).status).to.equal(401);
    expect((await fetch(`${chat.dl}/upload`, { method: 'POST', headers: { authorization: `Bearer ${other.token}` }, body: uploadBody([{ name: 'a.png', bytes: png }]) })).status).to.equal(403);
    expect((await fetch(`${chat.dl}/upload`, { method: 'POST', headers: { authorization: `Bearer ${chat.token}`, 'content-type': 'text/plain' }, body: 'hello' })).status).to.equal(400);
  });

  it('a ticket typed after the files takes them, and lists them for staff', async () => {
    const chat = await startChat(base);
    await upload(chat, [{ name: 'export.log', bytes: Buffer.from('ERROR export PDF: acces refuse\n'), type: 'text/plain' }], 'l export pdf plante voila le log');
    expect((await botSaid(chat)).join('\n')).to.include('Bien reçu : « export.log »');
    for (const typed of ['je veux parler a quelqu un', 'par mail', 'l export pdf plante depuis la maj', 'Julie Martin', 'julie.martin@exemple.fr', 'oui']) await say(chat, typed);
    const confirmation = (await botSaid(chat)).find((t) => t.includes('Pièces jointes'));
    expect(confirmation, (await botSaid(chat)).slice(-4).join(' | ')).to.include('« export.log »');
    const [ticket] = (await store.listRequests()).filter((r) => r.conversationId === chat.conversationId);
    expect(ticket?.attachments?.map((f) => [f.name, f.contentType])).to.deep.equal([['export.log', 'text/plain; charset=utf-8']]);
  });
});
