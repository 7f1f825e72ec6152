// A support agent answers a customer from the console, in real Chromium windows against `npm
// start`: the customer opened a ticket by typing in the website chat; the agent takes it, replies;
// the reply appears in the customer's open chat and arrives by mail (a real SMTP server in the
// test); the customer's answer lands on the ticket. Screenshots: tests/screenshots/reply-*.png.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';
import { createTestSmtp } from '../helpers/smtpServer.js';
import { until } from '../helpers/until.js';
import { launchChromium, SCREENSHOTS, startBot, tempDir, type RunningBot } from './helpers.js';

const AGENT = 'anne.martin@example.com';
const PASSWORD = 'a long test password for the agent';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function type(page: Page, text: string): Promise<void> {
  const box = page.locator(SEND_BOX);
  await box.fill(text);
  await box.press('Enter');
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  // A whole page from its top: scrolled, the sticky top bar would show in the middle of it.
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: name.startsWith('reply-console') });
}

describe('a staff reply, from the console to the customer\'s chat and mailbox (Chromium)', function () {
  this.timeout(120_000);
  const smtp = createTestSmtp();
  let bot: RunningBot;
  let customer: BrowserContext;
  let staff: BrowserContext;

  before(async function () {
    this.timeout(90_000);
    await smtp.start();
    const dataDir = await tempDir();
    await promisify(execFile)('npm', ['run', '--silent', 'staff:add', '--', AGENT, '--role', 'agent'], { cwd: PROJECT_ROOT, env: { ...process.env, DATA_DIR: dataDir, STAFF_PASSWORD: PASSWORD } });
    bot = await startBot({ DATA_DIR: dataDir, SMTP_URL: smtp.url(), MAIL_FROM: 'Scriba support <support@scriba.example>' });
    customer = await launchChromium({ locale: 'en-US' });
    staff = await launchChromium({ locale: 'en-US' });
  });
  after(async () => {
    await customer?.close();
    await staff?.close();
    bot?.child.kill();
    await smtp.stop();
  });

  it('the agent assigns and replies; the chat and the mailbox show it; the customer\'s answer reaches the ticket', async () => {
    const chat = await customer.newPage();
    await chat.goto(`${bot.url}/`);
    await see(chat, /Hello! I.m the Scriba assistant/);
    await type(chat, 'can a real person look at it? by email pls');
    await see(chat, /what do you need help with/);
    await type(chat, 'pdf export freezes at 99% since the update');
    await see(chat, 'What is your name?');
    await type(chat, 'jane smith');
    await see(chat, /What email address/);
    await type(chat, 'jane.smith@example.com');
    await see(chat, /Send/);
    await type(chat, 'ok send it');
    const pattern = /L1-\d{8}-\d{4,}/;
    const reference = pattern.exec((await chat.getByText(pattern).first().textContent({ timeout: 20_000 })) ?? '')?.[0] ?? '';
    expect(reference).to.match(pattern);
    await until(() => smtp.received.length === 1, 15_000);
    expect(smtp.received[0]).to.deep.include({ to: 'jane.smith@example.com', subject: `[${reference}] We have your request` });

    const console_ = await staff.newPage();
    await console_.goto(`${bot.url}/staff/`);
    await console_.locator('input[name=email]').fill(AGENT);
    await console_.locator('input[name=password]').fill(PASSWORD);
    await console_.locator('form.signin-card button[type=submit]').click();
    // The inbox searches as the agent types (after a pause): the row is the search's.
    const searched = console_.waitForResponse((res) => res.url().includes('/api/staff/requests?') && res.url().includes('q=pdf+export'));
    await console_.locator('form.filters input[name=q]').fill('pdf export');
    await searched;
    const row = console_.locator('li.req', { hasText: reference });
    await row.waitFor();
    expect(await row.locator('.req-owner').textContent()).to.equal('Nobody');
    expect(await row.locator('.req-due').textContent()).to.match(/^due /);
    await row.locator('.req-summary').click();
    await row.getByRole('button', { name: 'Assign to me' }).click();
    await row.locator('.req-owner', { hasText: 'Me' }).waitFor();
    await row.locator('textarea[name=reply]').fill('Hello Jane, which version of Scriba do you have? (Help › About)');
    await row.getByRole('button', { name: 'Send to the customer' }).click();
    await row.locator('.thread-item--public', { hasText: 'which version of Scriba' }).waitFor();
    await screenshot(console_, 'reply-console-request.png');

    // The customer's chat, still open, shows it without a reload; the mail arrives too.
    await see(chat, `The support team answered your request ${reference}:`);
    await see(chat, /which version of Scriba do you have/);
    await screenshot(chat, 'reply-customer-chat.png');
    await until(() => smtp.received.length === 2, 15_000);
    expect(smtp.received[1]!.subject).to.equal(`[${reference}] Reply to your request`);
    expect(smtp.received[1]!.text).to.include('> Hello Jane, which version of Scriba do you have? (Help › About)');
    const mail = smtp.received[1]!;
    await writeFile(path.join(SCREENSHOTS, 'reply-mail.txt'), `From: ${mail.from}\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}`);

    await type(chat, 'its 4.1.2 on windows 11');
    await see(chat, new RegExp(`Added to request ${reference}`));
    await console_.reload();
    await console_.locator('form.filters select[name=assignee]').selectOption('me');
    const mine = console_.locator('li.req', { hasText: reference });
    await mine.locator('.req-summary').click();
    await mine.locator('.thread-item--customer', { hasText: 'its 4.1.2 on windows 11' }).waitFor();
    await screenshot(console_, 'reply-console-customer-answer.png');
  });
});
