// Account management in a real Chromium, against `npm start`: an admin disables an agent who is
// working in another browser; the agent's next request fails, their sign-in is refused, and the
// admin's audit page lists the refused sign-in. Screenshots: tests/screenshots/staff-accounts.png,
// staff-audit.png.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';
import { launchChromium, SCREENSHOTS, startBot, tempDir, type RunningBot } from './helpers.js';

const ADMIN = 'admin@example.com';
const AGENT = 'agent@example.com';
const PASSWORD = 'a long test password for the console';

async function addAccount(dataDir: string, email: string, role: string): Promise<void> {
  await promisify(execFile)('npm', ['run', '--silent', 'staff:add', '--', email, '--role', role], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, STAFF_PASSWORD: PASSWORD },
  });
}

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/staff/`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('form.signin-card button[type=submit]').click();
}

/** Page errors and console errors other than the refusals this test provokes (401, 403, 409). */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|403|409)/.test(text)) problems.push(`console: ${text}`);
    if (/no text for/.test(text)) problems.push(`missing text: ${text}`);
  });
  return problems;
}

describe('managing accounts in Chromium (npm start with the staff API)', function () {
  this.timeout(120_000);
  let bot: RunningBot;
  let adminBrowser: BrowserContext;
  let agentBrowser: BrowserContext;
  let admin: Page;
  let agent: Page;
  let problems: string[][] = [];

  before(async function () {
    this.timeout(90_000);
    const dataDir = await tempDir();
    await addAccount(dataDir, ADMIN, 'admin');
    await addAccount(dataDir, AGENT, 'agent');
    bot = await startBot({ DATA_DIR: dataDir });
    // Two people, two browsers: their cookies are apart.
    adminBrowser = await launchChromium({ locale: 'en-US' });
    agentBrowser = await launchChromium({ locale: 'en-US' });
    admin = await adminBrowser.newPage();
    agent = await agentBrowser.newPage();
    problems = [problemsOf(admin), problemsOf(agent)];
  });
  after(async () => {
    await adminBrowser?.close();
    await agentBrowser?.close();
    bot?.child.kill();
  });

  it('shows Accounts and Audit in the menu of an admin, not of an agent', async () => {
    await signIn(agent, bot.url, AGENT);
    await agent.locator('.topbar').waitFor();
    const agentMenu = await agent.locator('.nav a').allTextContents();
    expect(agentMenu).to.include('Requests');
    expect(agentMenu).to.not.include('Accounts').and.not.include('Audit');

    await signIn(admin, bot.url, ADMIN);
    await admin.locator('.topbar').waitFor();
    expect(await admin.locator('.nav a').allTextContents()).to.include.members(['Accounts', 'Audit']);
  });

  it('disables the agent: the agent’s next request fails and their sign-in is refused', async () => {
    await admin.getByRole('link', { name: 'Accounts' }).click();
    const row = admin.locator('tr.account[data-email="agent@example.com"]');
    await row.waitFor();
    expect(await row.locator('select[name=role]').inputValue()).to.equal('agent');
    expect(await row.locator('.pill').textContent()).to.equal('Active');
    expect(await admin.locator('tr.account[data-email="admin@example.com"] .badge--you').textContent()).to.equal('you');
    // Signed in minutes ago: the list says when.
    expect(await row.locator('td').nth(2).textContent()).to.not.equal('never');

    await row.getByRole('button', { name: 'Disable' }).click();
    await admin.locator('tr.account--disabled[data-email="agent@example.com"]').waitFor();
    expect(await row.locator('.pill').textContent()).to.equal('Disabled');
    await admin.mouse.move(0, 0);
    await mkdir(SCREENSHOTS, { recursive: true });
    await admin.screenshot({ path: path.join(SCREENSHOTS, 'staff-accounts.png'), fullPage: true });

    // The agent, still on the inbox, changes a filter: the API refuses, the sign-in form comes back.
    await agent.locator('form.filters select[name=status]').selectOption('resolved');
    await agent.getByText('Your session has ended: please sign in again.').waitFor();
    await agent.locator('input[name=email]').fill(AGENT);
    await agent.locator('input[name=password]').fill(PASSWORD);
    await agent.locator('form.signin-card button[type=submit]').click();
    await agent.getByText('This account is disabled. Ask an administrator to enable it again.').waitFor();
    expect(await agent.locator('.topbar').count()).to.equal(0);
  });

  it('lists the refused sign-in on the audit page, with the email and where it came from', async () => {
    await admin.getByRole('link', { name: 'Audit' }).click();
    await admin.locator('tr.audit-entry').first().waitFor();
    // Newest first: the refused sign-in heads the list, after the disabling.
    const first = admin.locator('tr.audit-entry').first();
    expect(await first.getAttribute('data-action')).to.equal('sign-in-failed');
    expect(await first.locator('td').allTextContents()).to.deep.include.members([AGENT, 'Sign-in refused', 'account disabled', '127.0.0.1']);
    expect(await admin.locator('tr.audit-entry[data-action=account-disabled]').first().locator('td').allTextContents()).to.include.members([ADMIN, 'Account disabled', AGENT]);

    await admin.locator('form.filters select[name=action]').selectOption('sign-in-failed');
    await admin.locator('.count', { hasText: '1–1 of 1' }).waitFor();
    expect(await admin.locator('tr.audit-entry').count()).to.equal(1);
    expect(admin.url()).to.include('action=sign-in-failed');
    await admin.locator('form.filters select[name=action]').selectOption('');
    await admin.locator('tr.audit-entry[data-action=sign-in]').first().waitFor();
    await admin.screenshot({ path: path.join(SCREENSHOTS, 'staff-audit.png'), fullPage: true });
  });

  it('says so when the admin would disable the last active admin, themselves', async () => {
    await admin.getByRole('link', { name: 'Accounts' }).click();
    const me = admin.locator('tr.account[data-email="admin@example.com"]');
    await me.getByRole('button', { name: 'Disable' }).click();
    await me.getByText('This is the only active admin: make another account admin first, or nobody could manage accounts any more.').waitFor();
    expect(await me.locator('.pill').textContent()).to.equal('Active');
  });

  it('enables the agent again, who can then sign in, and removes an account after a confirmation', async () => {
    const row = admin.locator('tr.account[data-email="agent@example.com"]');
    await row.getByRole('button', { name: 'Enable' }).click();
    await admin.locator('tr.account:not(.account--disabled)[data-email="agent@example.com"]').waitFor();
    await signIn(agent, bot.url, AGENT);
    await agent.locator('.topbar').waitFor();

    await row.getByRole('button', { name: 'Remove' }).click();
    await row.getByText('Remove the account agent@example.com for good?').waitFor();
    await row.getByRole('button', { name: 'Yes, remove' }).click();
    await admin.locator('tr.account[data-email="agent@example.com"]').waitFor({ state: 'detached' });
    expect(await admin.locator('tr.account').count()).to.equal(1);
  });

  it('had no script, CSP or text errors', () => {
    expect(problems.flat()).to.deep.equal([]);
  });
});
