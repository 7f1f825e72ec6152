// The staff console's pages and files as a browser receives them: a fixed list, a strict
// Content-Security-Policy, Chart.js from node_modules, and page scripts that never parse data as
// HTML. Its texts: the same keys in French and English.
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import restify from 'restify';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';
import { chartJsBundlePath, mountStaffPages } from '../../web/staffSite.js';
import { textsOf } from './browserTexts.js';

const STAFF_DIR = path.join(PROJECT_ROOT, 'web', 'staff');
const ASSETS_DIR = path.join(STAFF_DIR, 'assets');
const PAGES = ['/staff/', '/staff/transcripts', '/staff/unanswered', '/staff/dashboard', '/staff/try', '/staff/history'];
const scripts = () => readdirSync(ASSETS_DIR).filter((f) => f.endsWith('.js'));

const texts = () => textsOf('web/staff/assets/texts.js');

describe('the staff console pages', function () {
  this.timeout(20_000);
  let base: string;
  let server: restify.Server;

  before(async () => {
    server = restify.createServer();
    mountStaffPages(server, { log: () => undefined });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const page of PAGES) {
    it(`serves ${page} with a strict Content-Security-Policy: scripts from this server only, no inline script, no eval, Trusted Types`, async () => {
      const res = await fetch(`${base}${page}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      const directives = new Map((res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values.join(' ')] as const;
      }));
      expect(directives.get('default-src')).to.equal("'none'");
      expect(directives.get('script-src')).to.equal("'self'");
      expect(directives.get('style-src')).to.equal("'self'");
      expect(directives.get('connect-src')).to.equal("'self'");
      expect(directives.get('frame-ancestors')).to.equal("'none'");
      expect(directives.get('require-trusted-types-for')).to.equal("'script'");
      expect(res.headers.get('x-frame-options')).to.equal('DENY');
      expect(res.headers.get('cache-control')).to.equal('no-store');
      const html = await res.text();
      expect(html).to.not.match(/<script(?![^>]*\ssrc=)[^>]*>/); // every script has a src
      expect(html).to.not.match(/\son[a-z]+=/i); // no inline handler
      expect(html).to.not.match(/\sstyle=/i);
    });
  }

  it('serves every script, style sheet and icon the pages ask for, with its type', async () => {
    const wanted = new Set<string>();
    for (const page of PAGES) {
      const html = await (await fetch(`${base}${page}`)).text();
      for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) wanted.add(m[1]!);
    }
    expect(wanted.size).to.be.greaterThan(8);
    for (const url of wanted) {
      const res = await fetch(`${base}${url}`);
      expect(res.status, url).to.equal(200);
      expect(res.headers.get('x-content-type-options'), url).to.equal('nosniff');
      expect(res.headers.get('content-type'), url).to.match(/^(text\/javascript|text\/css|image\/svg\+xml)/);
    }
  });

  it('serves Chart.js from its npm package, not from a CDN', async () => {
    expect(chartJsBundlePath()).to.match(/node_modules[/\\]chart\.js[/\\]dist[/\\]chart\.umd\.min\.js$/);
    const res = await fetch(`${base}/staff/assets/chart.umd.js`);
    expect(res.status).to.equal(200);
    expect(Number(res.headers.get('content-length'))).to.equal(statSync(chartJsBundlePath()).size);
    const dashboard = await (await fetch(`${base}/staff/dashboard`)).text();
    expect(dashboard).to.include('<script src="/staff/assets/chart.umd.js" defer></script>');
    expect(dashboard).to.not.match(/https?:\/\//);
  });

  it('sends /staff to /staff/', async () => {
    const res = await fetch(`${base}/staff`, { redirect: 'manual' });
    expect(res.status).to.equal(308);
    expect(res.headers.get('location')).to.equal('/staff/');
  });

  for (const url of ['/staff/index.html', '/staff/assets/../../staffSite.ts', '/staff/assets/%2e%2e/%2e%2e/staffSite.ts', '/staff/assets/chart.js', '/staff/assets/staff.ts', '/staff/../package.json', '/staff/nothing']) {
    it(`serves nothing else: ${url} is 404`, async () => {
      expect((await fetch(`${base}${url}`)).status).to.equal(404);
    });
  }
});

describe('the staff console scripts', () => {
  for (const file of ['texts.js', 'i18n.js', 'dom.js', 'api.js', 'shell.js', 'inbox.js', 'requestDetails.js', 'requestWork.js', 'transcripts.js', 'unanswered.js', 'articleForms.js', 'dashboard.js', 'try.js', 'history.js']) {
    it(`${file} never parses text as HTML or code`, () => {
      const code = readFileSync(path.join(ASSETS_DIR, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
      expect(code).to.not.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\s*\(|new Function|createContextualFragment|DOMParser/);
    });
  }

  it('are all served (none forgotten in the fixed list)', () => {
    const site = readFileSync(path.join(PROJECT_ROOT, 'web', 'staffSite.ts'), 'utf8');
    expect(scripts().filter((f) => !site.includes(`'/staff/assets/${f}'`))).to.deep.equal([]);
  });

  it('send the CSRF token with every request that is not a GET', () => {
    const api = readFileSync(path.join(ASSETS_DIR, 'api.js'), 'utf8');
    expect(api).to.match(/if \(method !== 'GET'\) \{[^}]*headers\['X-CSRF-Token'\] = session\.csrfToken/);
    // …and no page calls fetch itself, around api.js.
    expect(scripts().filter((f) => f !== 'api.js' && /\bfetch\(/.test(readFileSync(path.join(ASSETS_DIR, f), 'utf8')))).to.deep.equal([]);
  });
});

describe('the texts of the staff console', () => {
  it('exist in French and in English under the same keys, none empty', async () => {
    const { fr, en } = await texts();
    expect(Object.keys(fr).sort()).to.deep.equal(Object.keys(en).sort());
    expect(Object.entries({ ...fr }).concat(Object.entries(en)).filter(([, text]) => typeof text !== 'string' || !text.trim())).to.deep.equal([]);
  });

  it('use the same {placeholders} in both languages', async () => {
    const { fr, en } = await texts();
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(fr).filter((key) => JSON.stringify(holes(fr[key]!)) !== JSON.stringify(holes(en[key]!)))).to.deep.equal([]);
  });

  it('cover every key the scripts ask for', async () => {
    const { fr } = await texts();
    const used = new Set<string>();
    for (const file of scripts()) {
      const code = readFileSync(path.join(ASSETS_DIR, file), 'utf8');
      for (const m of code.matchAll(/(?<![\w.])t\('(\w+)'\s*[,)]/g)) used.add(m[1]!);
      // Keys picked from a table: { open: 'statusOpen', … }, ['inbox', '/staff/', 'navInbox'], …
      for (const m of code.matchAll(/'((?:status|feedback|role|decision|reason|kind|nav|outcome|kpi|err|lang|kbAction)[A-Z]\w*)'/g)) used.add(m[1]!);
    }
    for (const n of [1, 2, 3, 4]) used.add(`level${n}`);
    for (const n of [0, 1, 2, 3, 4]) used.add(`articleLevel${n}`);
    expect(used.size).to.be.greaterThan(150);
    expect([...used].filter((key) => !(key in fr))).to.deep.equal([]);
  });
});
