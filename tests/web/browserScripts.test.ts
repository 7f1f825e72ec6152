// Our browser scripts as the pages load them: every one an ES module checked by TypeScript
// (`// @ts-check`, tsconfig.browser.json) but the embed snippet, the classic script other sites
// paste; the vendor bundles (Web Chat, Chart.js) classic scripts the modules reach through window;
// every module served with a JavaScript type, which browsers require of a module.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import restify from 'restify';
import ts from 'typescript';
import { mountWebSite } from '../../web/site.js';
import { mountStaffPages } from '../../web/staffSite.js';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';

/** The classic script other sites paste with a plain <script src>. */
const SNIPPET = 'web/embed.js';
/** Bundles from node_modules: classic scripts (UMD), not ours. */
const VENDOR = ['/assets/webchat.js', '/staff/assets/chart.umd.js'];

const filesUnder = (dir: string, ext: string): string[] => readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith(ext))
  .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
  .sort();
const scripts = filesUnder('web', '.js');
const modules = scripts.filter((f) => f !== SNIPPET);
const pages = filesUnder('web', '.html');
const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
/** web/staff/assets/dom.js → /staff/assets/dom.js */
const urlOf = (file: string) => `/${path.posix.relative('web', file)}`;

describe('the browser scripts', function () {
  this.timeout(30_000);
  let base: string;
  let server: restify.Server;

  before(async () => {
    server = restify.createServer();
    mountWebSite(server, { embedOrigins: ['*'], connectOrigins: [], log: () => undefined });
    mountStaffPages(server, { log: () => undefined });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('are the chat pages\', the demo\'s, the console\'s and the snippet', () => {
    expect(scripts).to.include.members(['web/assets/chat.js', 'web/assets/texts.js', 'web/assets/demo.js', SNIPPET, 'web/staff/assets/inbox.js', 'web/staff/assets/requestDetails.js']);
    expect(pages).to.include.members(['web/index.html', 'web/chat.html', 'web/demo.html', 'web/staff/index.html', 'web/staff/dashboard.html']);
  });

  it('each start with // @ts-check and are all in the browser\'s TypeScript program', () => {
    expect(scripts.filter((file) => read(file).split('\n')[0] !== '// @ts-check')).to.deep.equal([]);
    const config = ts.readConfigFile(path.join(PROJECT_ROOT, 'tsconfig.browser.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, PROJECT_ROOT);
    expect(parsed.options.checkJs, 'checkJs').to.equal(true);
    expect(parsed.options.strict, 'strict').to.equal(true);
    const checked = new Set(parsed.fileNames.map((f) => path.relative(PROJECT_ROOT, f).split(path.sep).join('/')));
    expect(scripts.filter((file) => !checked.has(file))).to.deep.equal([]);
  });

  it('are loaded by every page as modules, the vendor bundles as classic scripts before them', () => {
    for (const page of pages) {
      const tags = [...read(page).matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(tags.length, page).to.be.greaterThan(0);
      let moduleSeen = false;
      for (const tag of tags) {
        const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
        expect(src, `${page}: a script without src`).to.be.a('string');
        if (VENDOR.includes(src!)) {
          // Deferred scripts and modules run in document order: the bundle is there when ours run.
          expect(moduleSeen, `${page}: ${src} after a module`).to.equal(false);
          expect(tag, `${page}: ${src}`).to.not.match(/type="module"/);
          expect(tag, `${page}: ${src}`).to.match(/\sdefer\b/);
        } else {
          moduleSeen = true;
          expect(tag, `${page}: ${src} is one of ours, loaded as a classic script`).to.match(/^\s*type="module"\s+src="[^"]+"\s*$/);
          expect(modules.map(urlOf), `${page}: ${src}`).to.include(src);
        }
      }
    }
  });

  it('import one another by relative .js paths, and share nothing through window', () => {
    for (const file of modules) {
      const code = read(file);
      for (const [, specifier] of code.matchAll(/^import\s[^;]*?from\s+'([^']+)';/gm)) {
        expect(specifier, `${file} imports ${specifier}`).to.match(/^\.\.?\/.*\.js$/);
        expect(modules, `${file} imports ${specifier}`).to.include(path.posix.join(path.posix.dirname(file), specifier!));
      }
      expect(code, file).to.not.match(/\bwindow\.\w+\s*=[^=]/);
      expect(code, file).to.not.match(/window\.(Staff|StaffTexts|ScribaTexts)\b/);
    }
  });

  it('are served with a JavaScript type, as a module must be', async () => {
    for (const file of modules) {
      const res = await fetch(`${base}${urlOf(file)}`);
      expect([res.status, res.headers.get('content-type')], file).to.deep.equal([200, 'text/javascript; charset=utf-8']);
      expect(res.headers.get('x-content-type-options'), file).to.equal('nosniff');
      await res.arrayBuffer();
    }
  });

  it('keep the embed snippet a classic script, which the demo page adds as a customer\'s page does', () => {
    const snippet = read(SNIPPET);
    expect(snippet).to.not.match(/^\s*(import|export)\b/m);
    expect(snippet).to.match(/^\(function \(\) \{$/m);
    const demo = read('web/assets/demo.js');
    expect(demo).to.include("document.createElement('script')");
    expect(demo).to.not.match(/\.type\s*=/);
  });
});
