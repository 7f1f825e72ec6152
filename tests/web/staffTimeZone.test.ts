// Staff read the console from anywhere; the business keeps its hours in one zone. In a Chromium set
// to New York, against a business in Paris, every time the console shows is Paris time and says so,
// a callback slot has both ends in that zone, and the days of the date filters are Paris days.
import { expect } from 'chai';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import restify from 'restify';
import { openLiveKnowledge, type LiveKnowledge } from '../../knowledge/liveKnowledge.js';
import { DEFAULT_THRESHOLDS } from '../../knowledge/matching/defaultThresholds.js';
import { createAccountStore } from '../../staff/accounts.js';
import { mountStaff } from '../../staff/routes.js';
import { createLowdbStore, type HelpdeskStore } from '../../tickets/helpdeskStore.js';
import { createFileStaffRecords } from '../../tickets/staffRecords.js';
import { mountStaffPages } from '../../web/staffSite.js';
import { bundled } from '../helpers/bundledKb.js';
import { copyOfKnowledge } from '../staff/helpers.js';
import { sampleCallback, sampleTicket } from '../tickets/helpers.js';
import { launchChromium, SCREENSHOTS, tempDir } from './helpers.js';

const AGENT = 'agent@example.com';
const PASSWORD = 'a long test password for the agent';

describe('times in the staff console, for a browser in another zone than the business', function () {
  this.timeout(60_000);
  let server: restify.Server;
  let live: LiveKnowledge;
  let store: HelpdeskStore;
  let url = '';
  let browser: BrowserContext;
  let page: Page;
  let clock = new Date('2026-12-01T09:00:00Z');
  const refs = { ticket: '', callback: '', foreignCallback: '', lateTicket: '' };

  before(async function () {
    this.timeout(60_000);
    const root = await tempDir();
    const dataDir = path.join(root, 'data');
    store = createLowdbStore({ dataDir, now: () => clock });
    live = await openLiveKnowledge(await copyOfKnowledge(root), DEFAULT_THRESHOLDS, { root, trained: (await bundled()).matcher });
    const records = createFileStaffRecords(dataDir);
    await createAccountStore({ records }).upsert(AGENT, PASSWORD, 'agent');
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
    mountStaff(server, { store, live, records, timeZone: 'Europe/Paris', log: () => undefined });
    mountStaffPages(server, { log: () => undefined });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // 09:00 UTC on 1 December is 10:00 in Paris and 04:00 in New York.
    refs.ticket = (await store.createTicket(sampleTicket({ reason: 'ticket opened at ten in Paris' }))).reference;
    refs.callback = (await store.createCallback(sampleCallback({
      reason: 'callback booked in Paris',
      slot: { start: '2026-12-01T09:00:00Z', end: '2026-12-01T09:30:00Z' },
      timeZone: 'Europe/Paris',
    }))).reference;
    refs.foreignCallback = (await store.createCallback(sampleCallback({
      reason: 'callback booked from New York',
      slot: { start: '2026-12-01T15:00:00Z', end: '2026-12-01T16:00:00Z' },
      timeZone: 'America/New_York',
    }))).reference;
    clock = new Date('2026-12-01T13:15:00Z');
    await store.updateStatus(refs.ticket, 'in-progress', 'taken at a quarter past two', AGENT);
    await store.recordUnanswered({ at: '2026-12-01T17:45:00Z', conversationId: 'c-1', question: 'le tampon encreur refuse de signer', language: 'fr', kind: 'none' });
    // 23:30 UTC on 1 December is already 2 December in Paris, still 1 December in New York.
    clock = new Date('2026-12-01T23:30:00Z');
    refs.lateTicket = (await store.createTicket(sampleTicket({ reason: 'ticket opened after midnight in Paris' }))).reference;

    browser = await launchChromium({ locale: 'en-GB', timezoneId: 'America/New_York' });
    page = await browser.newPage();
    await page.goto(`${url}/staff/`);
    await page.locator('input[name=email]').fill(AGENT);
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.locator('form.signin-card button[type=submit]').click();
    await page.locator('.topbar').waitFor();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    await live?.close();
  });

  async function openRequest(reference: string) {
    const row = page.locator('li.req', { hasText: reference });
    await row.locator('.req-summary').click();
    await row.locator('.facts').first().waitFor();
    return row;
  }

  const fact = (row: ReturnType<Page['locator']>, label: string) => row.locator('.facts dt').getByText(label, { exact: true }).locator('xpath=following-sibling::dd[1]').textContent();

  it('runs in a browser that really is in New York', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).to.equal('America/New_York');
  });

  it('shows when a ticket was created, and its status history, in Paris time with the zone named', async () => {
    const row = await openRequest(refs.ticket);
    expect(await row.locator('.req-date').textContent()).to.equal('1 Dec 2026, 10:00 (Europe/Paris)');
    expect(await fact(row, 'Created')).to.equal('1 Dec 2026, 10:00 (Europe/Paris)');
    expect(await row.locator('.timeline time').allTextContents()).to.deep.equal(['1 Dec 2026, 14:15 (Europe/Paris)', '1 Dec 2026, 10:00 (Europe/Paris)']);
  });

  it('shows a callback slot with both ends in Paris time', async () => {
    const row = await openRequest(refs.callback);
    expect(await fact(row, 'Callback slot')).to.equal('1 Dec 2026, 10:00 – 10:30 (Europe/Paris)');
  });

  it('adds the customer’s own hours when they booked the callback in another zone', async () => {
    const row = await openRequest(refs.foreignCallback);
    expect(await fact(row, 'Callback slot')).to.equal('1 Dec 2026, 16:00 – 17:00 (Europe/Paris) · customer’s time: 1 Dec 2026, 10:00 – 11:00 (America/New_York)');
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-times.png'), fullPage: true });
  });

  it('says the same in French', async () => {
    await page.locator('.lang-button[lang=fr]').click();
    try {
      const row = await openRequest(refs.callback);
      expect(await fact(row, 'Créneau de rappel')).to.equal('1 déc. 2026, 10:00 – 10:30 (Europe/Paris)');
    } finally {
      await page.locator('.lang-button[lang=en]').click();
    }
  });

  it('reads the days of the inbox filter as Paris days', async () => {
    await page.goto(`${url}/staff/?from=2026-12-01&to=2026-12-01`);
    await page.locator('li.req', { hasText: refs.ticket }).waitFor();
    const shown = await page.locator('li.req .req-ref').allTextContents();
    expect(shown).to.include.members([refs.ticket, refs.callback, refs.foreignCallback]);
    expect(shown, 'created on 2 December in Paris').to.not.include(refs.lateTicket);
  });

  it('shows the dashboard’s range as Paris days, labelled once', async () => {
    await page.goto(`${url}/staff/dashboard?from=2026-12-01&to=2026-12-01`);
    const range = page.locator('p.count', { hasText: 'From' });
    await range.waitFor();
    expect(await range.textContent()).to.equal('From 1 Dec 2026, 00:00 to 2 Dec 2026, 00:00 (Europe/Paris)');
  });

  it('shows when an unanswered question was last asked in Paris time', async () => {
    await page.goto(`${url}/staff/unanswered`);
    const group = page.locator('li.group', { hasText: 'le tampon encreur refuse de signer' });
    await group.waitFor();
    expect(await group.locator('time').textContent()).to.equal('1 Dec 2026, 18:45 (Europe/Paris)');
  });
});
