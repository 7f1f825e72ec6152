// The website's pages and files as a browser receives them: headers, CSP, and nothing else served.
import { expect } from 'chai';
import { bundled } from '../helpers/bundledKb.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';
import { contentSecurityPolicy, webChatBundlePath } from '../../web/site.js';
import { textsOf } from './browserTexts.js';
import { startInProcess, tempDir } from './helpers.js';

describe('the website', function () {
  this.timeout(20_000);
  let base: string;
  let close: () => Promise<void>;

  before(async () => {
    ({ url: base, close } = await startInProcess({ dataDir: await tempDir(), embedOrigins: ['https://www.customer.example', 'https://shop.customer.example'] }));
  });
  after(() => close?.());

  it("serves the official Web Chat bundle from the npm package, found although its exports hide dist/", async () => {
    const bundle = webChatBundlePath();
    expect(bundle).to.match(/botframework-webchat[/\\]dist[/\\]webchat\.js$/);
    expect(existsSync(bundle)).to.equal(true);
    const res = await fetch(`${base}/assets/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
    expect(Number(res.headers.get('content-length'))).to.equal(statSync(bundle).size);
  });

  it('sends the bundle gzipped to browsers that accept it', async () => {
    const http = await import('node:http');
    const { status, encoding, body } = await new Promise<{ status?: number; encoding?: string; body: Buffer }>((resolve, reject) => {
      http.get(`${base}/assets/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(status).to.equal(200);
    expect(encoding).to.equal('gzip');
    expect(body.length).to.be.below(statSync(webChatBundlePath()).size / 2);
    expect(gunzipSync(body).length).to.equal(statSync(webChatBundlePath()).size);
  });

  it('serves the help page with a Content-Security-Policy: scripts from this server only, no eval', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).to.include("script-src 'self'").and.include("default-src 'none'").and.include("frame-ancestors 'self'");
    expect(csp).to.not.include('unsafe-eval');
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).to.not.include('unsafe-inline');
    const html = await res.text();
    expect(html).to.include('<script src="/assets/webchat.js" defer></script>');
    expect(html).to.not.match(/<script>(?!<\/script>)/); // no inline script
  });

  it('lets only the configured sites frame the chat page of the embed', async () => {
    const csp = (await fetch(`${base}/chat.html`)).headers.get('content-security-policy');
    expect(csp).to.include('frame-ancestors https://www.customer.example https://shop.customer.example');
  });

  it('has no placeholder link: every link of the help page leads to the assistant or to an article that exists', async () => {
    const page = await (await fetch(`${base}/`)).text();
    const hrefs = [...page.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs, 'placeholders').to.not.include('#');
    const ids = new Set((await bundled()).kb.articles.map((a) => a.id));
    for (const path of [...page.matchAll(/data-help-path="([^"]*)"/g)].map((m) => m[1]!)) {
      expect(path === '' || ids.has(path), `data-help-path="${path}"`).to.equal(true);
    }
    for (const href of hrefs.filter((h) => h.startsWith('/help/'))) {
      const id = /^\/help\/(?:fr|en)\/(.*)$/.exec(href)?.[1];
      expect(id === '' || (id !== undefined && ids.has(id)), href).to.equal(true);
    }
  });

  it('serves the embed snippet so that any site can load it', async () => {
    const res = await fetch(`${base}/embed.js`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).to.equal('cross-origin');
    expect(await res.text()).to.include("'/chat.html?embed=1&locale='");
  });

  it('serves the bot avatar and the demo page', async () => {
    const avatar = await fetch(`${base}/assets/avatar.svg`);
    expect(avatar.headers.get('content-type')).to.equal('image/svg+xml');
    expect(await avatar.text()).to.include('<svg');
    // demo.js adds the snippet with the server's real address, in the visitor's language.
    expect(await (await fetch(`${base}/demo.html`)).text()).to.include('<script type="module" src="/assets/demo.js"></script>');
    expect(await (await fetch(`${base}/assets/demo.js`)).text()).to.include("location.origin + '/embed.js'");
  });

  for (const path of ['/assets/../package.json', '/assets/site.ts', '/web/site.ts', '/.env', '/assets/%2e%2e/%2e%2e/package.json']) {
    it(`serves nothing else: ${path} is 404`, async () => {
      expect((await fetch(`${base}${path}`)).status).to.equal(404);
    });
  }
});

describe('the Content-Security-Policy of the chat pages', () => {
  it("lets the page call an Azure Direct Line endpoint when one is configured", () => {
    const csp = contentSecurityPolicy({ embedOrigins: ['*'], connectOrigins: ['https://europe.directline.botframework.com', 'wss://europe.directline.botframework.com'] }, 'embeddable');
    expect(csp).to.include("connect-src 'self' blob: https://europe.directline.botframework.com wss://europe.directline.botframework.com");
    expect(csp).to.include('frame-ancestors *');
  });

  it('lets only a page with a form post it, to this server (the help page\'s search)', () => {
    const options = { embedOrigins: ['*'], connectOrigins: [] };
    expect(contentSecurityPolicy(options, 'self', true)).to.include("form-action 'self'");
    expect(contentSecurityPolicy(options, 'embeddable')).to.include("form-action 'none'");
  });
});

describe('the texts of the chat pages', () => {
  it('exist in French and in English under the same keys, none empty', async () => {
    const { fr, en } = await textsOf('web/assets/texts.js');
    expect(Object.keys(fr).sort()).to.deep.equal(Object.keys(en).sort());
    expect([...Object.values(fr), ...Object.values(en)].filter((text) => !text.trim())).to.deep.equal([]);
  });

  it('cover every key the pages use', async () => {
    const { fr } = await textsOf('web/assets/texts.js');
    const used = ['index.html', 'chat.html']
      .map((page) => readFileSync(path.join(PROJECT_ROOT, 'web', page), 'utf8'))
      .flatMap((html) => [...html.matchAll(/data-i18n(?:-label)?="(\w+)"|data-ask="(\w+)"/g)].map((m) => m[1] ?? m[2]!));
    expect(used.filter((key) => !(key in fr))).to.deep.equal([]);
  });
});
