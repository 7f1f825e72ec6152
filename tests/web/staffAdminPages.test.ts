// The Accounts and Audit pages of the staff console as a browser receives them: served like the
// other pages (strict CSP), scripts that never parse data as HTML, shown in the menu to admins
// only, and a label in both languages for every action of the audit's one list.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import restify from 'restify';
import { STAFF_AUDIT_ACTIONS } from '../../tickets/types.js';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';
import { mountStaffPages, STAFF_CSP } from '../../web/staffSite.js';
import { textsOf } from './browserTexts.js';

const ASSETS_DIR = path.join(PROJECT_ROOT, 'web', 'staff', 'assets');
const asset = (name: string) => readFileSync(path.join(ASSETS_DIR, name), 'utf8');

const texts = () => textsOf('web/staff/assets/texts.js');

describe('the Accounts and Audit pages', function () {
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

  for (const [page, script] of [['/staff/accounts', 'accounts.js'], ['/staff/audit', 'audit.js']] as const) {
    it(`serves ${page} with the console's Content-Security-Policy and its own script`, async () => {
      const res = await fetch(`${base}${page}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-security-policy')).to.equal(STAFF_CSP);
      expect(res.headers.get('x-frame-options')).to.equal('DENY');
      const html = await res.text();
      expect(html).to.include(`<script type="module" src="/staff/assets/${script}"></script>`);
      expect(html).to.not.match(/<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=|\sstyle=/i);
      const js = await fetch(`${base}/staff/assets/${script}`);
      expect([js.status, js.headers.get('content-type')]).to.deep.equal([200, 'text/javascript; charset=utf-8']);
    });

    it(`${script} never parses text as HTML or code`, () => {
      const code = asset(script).replace(/^\s*\/\/.*$/gm, '');
      expect(code).to.not.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\s*\(|new Function|createContextualFragment|DOMParser|\bfetch\(/);
    });
  }

  it('lists the pages in the menu for admins only', () => {
    const shell = asset('shell.js');
    expect(shell).to.include("['accounts', '/staff/accounts', 'navAccounts', 'admin']");
    expect(shell).to.include("['audit', '/staff/audit', 'navAudit', 'admin']");
    expect(shell).to.match(/NAV\.filter\(function \(item\) \{\s*return !item\[3\] \|\| session\.role === item\[3\];/);
  });

  it('labels every action of STAFF_AUDIT_ACTIONS, in French and in English', async () => {
    const table = /const ACTION_KEYS = \{([^}]*)\}/.exec(asset('audit.js'))?.[1] ?? '';
    const pairs = [...table.matchAll(/'([\w-]+)':\s*'(\w+)'/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(pairs.map(([action]) => action)).to.deep.equal([...STAFF_AUDIT_ACTIONS]);
    const { fr, en } = await texts();
    for (const [action, key] of pairs) {
      expect(fr[key], `${action} in French`).to.be.a('string').and.not.equal('');
      expect(en[key], `${action} in English`).to.be.a('string').and.not.equal('');
    }
  });

  it('has every text the two pages ask for, in both languages', async () => {
    const { fr, en } = await texts();
    const used = new Set<string>();
    for (const file of ['accounts.js', 'audit.js', 'shell.js']) {
      for (const m of asset(file).matchAll(/(?<![\w.])t\('(\w+)'/g)) used.add(m[1]!);
      for (const m of asset(file).matchAll(/'((?:nav|accounts|audit|role)[A-Z]\w*)'/g)) used.add(m[1]!);
    }
    expect([...used].filter((key) => !(key in fr) || !(key in en))).to.deep.equal([]);
  });
});
