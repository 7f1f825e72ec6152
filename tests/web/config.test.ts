// The website chat's variables in bot/config.ts.
import { expect } from 'chai';
import { ConfigError, DEFAULT_DIRECT_LINE_ENDPOINT, loadConfig } from '../../bot/config.js';

const appId = '00000000-0000-0000-0000-000000000001';

describe('website chat configuration', () => {
  it('runs the local Direct Line in local mode, framable by any site, with no Azure', () => {
    expect(loadConfig({}).webChat).to.deep.equal({ localDirectLine: true, embedOrigins: ['*'] });
  });

  it('turns the anonymous local Direct Line off once a MicrosoftAppId is set, unless LOCAL_DIRECTLINE=true', () => {
    expect(loadConfig({ MicrosoftAppId: appId }).webChat.localDirectLine).to.equal(false);
    expect(loadConfig({ MicrosoftAppId: appId, LOCAL_DIRECTLINE: 'true' }).webChat.localDirectLine).to.equal(true);
    expect(loadConfig({ LOCAL_DIRECTLINE: 'false' }).webChat.localDirectLine).to.equal(false);
  });

  it('uses Azure Direct Line with DIRECT_LINE_SECRET, at the public endpoint unless told otherwise', () => {
    expect(loadConfig({ DIRECT_LINE_SECRET: 's3cret' }).webChat.azure).to.deep.equal({ secret: 's3cret', endpoint: DEFAULT_DIRECT_LINE_ENDPOINT });
    expect(loadConfig({ DIRECT_LINE_SECRET: 's3cret', DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline/' }).webChat.azure?.endpoint)
      .to.equal('https://europe.directline.botframework.com/v3/directline');
  });

  it('reads the token secret and the sites allowed to frame the chat', () => {
    const web = loadConfig({ DIRECT_LINE_LOCAL_SECRET: 'x'.repeat(40), WEB_EMBED_ORIGINS: 'https://www.customer.example, http://localhost:8080' }).webChat;
    expect(web.localSecret).to.equal('x'.repeat(40));
    expect(web.embedOrigins).to.deep.equal(['https://www.customer.example', 'http://localhost:8080']);
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ LOCAL_DIRECTLINE: 'yes' }, /^LOCAL_DIRECTLINE must be 'true' or 'false' \(got 'yes'\)$/],
    [{ DIRECT_LINE_ENDPOINT: 'directline.botframework.com' }, /^DIRECT_LINE_ENDPOINT must be an http\(s\) URL/],
    [{ WEB_EMBED_ORIGINS: 'https://ok.example www.customer.example/path' }, /^WEB_EMBED_ORIGINS: 'www.customer.example\/path' is not an origin/],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)} with a message naming the variable`, () => {
      expect(() => loadConfig(env)).to.throw(ConfigError, message);
    });
  }

  it('refuses a short token secret without printing it', () => {
    expect(() => loadConfig({ DIRECT_LINE_LOCAL_SECRET: 'hunter2' })).to.throw(ConfigError, /^DIRECT_LINE_LOCAL_SECRET must be at least 32 characters.*\(got 7 characters\)$/);
    try {
      loadConfig({ DIRECT_LINE_LOCAL_SECRET: 'hunter2' });
    } catch (err) {
      expect((err as Error).message).to.not.include('hunter2');
    }
  });
});
