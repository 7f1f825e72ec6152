// A customer sends a screenshot from the website chat on a phone, in real Chromium against `npm
// start`: the file reaches the ticket they type next, a program is refused with the reason, and an
// agent signed in to the console downloads the screenshot from the ticket (same bytes); signed out,
// nobody does. Screenshots: tests/screenshots/attachment-*.png.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';
import { launchChromium, SCREENSHOTS, startBot, tempDir, type RunningBot } from './helpers.js';

const AGENT = 'anne.martin@example.com';
const PASSWORD = 'a long test password for the agent';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const FILE_INPUT = '.webchat__upload-button input[type=file]';

// A real PNG (1×1, red): what a phone's screenshot starts like.
const SCREENSHOT = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082', 'hex');
const PROGRAM = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(512)]);

async function see(page: Page, text: string | RegExp): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
  } catch (err) {
    const said = await page.locator('.webchat__basic-transcript').innerText().catch(() => '');
    throw new Error(`${String(text)} not shown; the chat ends with: ${said.slice(-600)}`, { cause: err });
  }
}

async function type(page: Page, text: string): Promise<void> {
  const box = page.locator(SEND_BOX);
  await box.fill(text);
  await box.press('Enter');
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage });
}

describe('a customer\'s screenshot, from the phone chat to the agent\'s download (Chromium)', function () {
  this.timeout(120_000);
  let bot: RunningBot;
  let customer: BrowserContext;
  let staff: BrowserContext;

  before(async function () {
    this.timeout(90_000);
    const dataDir = await tempDir();
    await promisify(execFile)('npm', ['run', '--silent', 'staff:add', '--', AGENT, '--role', 'agent'], { cwd: PROJECT_ROOT, env: { ...process.env, DATA_DIR: dataDir, STAFF_PASSWORD: PASSWORD } });
    bot = await startBot({ DATA_DIR: dataDir });
    customer = await launchChromium({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    staff = await launchChromium({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  });
  after(async () => {
    await customer?.close();
    await staff?.close();
    bot?.child.kill();
  });

  it('the screenshot goes with the ticket, a program is refused with why, and the agent downloads the screenshot', async () => {
    const chat = await customer.newPage();
    await chat.goto(`${bot.url}/`);
    await see(chat, /Bonjour ! Je suis l.assistant Scriba/);
    // The upload button sits in the send box, which still fits the phone's width.
    expect(await chat.locator('.webchat__upload-button').isVisible()).to.equal(true);
    expect(await chat.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth), 'page width').to.be.at.most(390);

    // Web Chat sends picked files with the next message: the customer says what it shows.
    await chat.locator(FILE_INPUT).setInputFiles({ name: 'erreur export.png', mimeType: 'image/png', buffer: SCREENSHOT });
    await type(chat, "l'export pdf bloque a 99% depuis la maj, voila la capture");
    await see(chat, /Bien reçu : « erreur export\.png »/);
    // Their own bubble shows the picture, served back by the server.
    await chat.locator('.webchat__bubble--from-user img').first().waitFor();
    expect(await chat.locator('.webchat__bubble--from-user img').first().evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).to.equal(1);
    await chat.locator(FILE_INPUT).setInputFiles({ name: 'correctif.exe', mimeType: 'application/octet-stream', buffer: PROGRAM });
    await chat.locator(SEND_BOX).press('Enter');
    await see(chat, /Je n.ai pas pu accepter « correctif\.exe » : j.accepte les images/);
    // Over 10 MB: left out at once, with why, before any upload (the server would refuse it too).
    const uploads: string[] = [];
    chat.on('request', (r) => { if (r.url().includes('/upload')) uploads.push(r.url()); });
    await chat.locator(FILE_INPUT).setInputFiles({ name: 'video ecran.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
    await see(chat, 'Pas joint : « video ecran.mp4 » (10 Mo et 5 fichiers par message au plus).');
    await chat.locator(SEND_BOX).press('Enter');
    expect(uploads, 'nothing uploaded').to.deep.equal([]);
    await screenshot(chat, 'attachment-chat-phone.png');

    await type(chat, 'ca marche pas, je voudrais parler a un humain par mail svp');
    await see(chat, /Quel est votre nom/);
    await type(chat, 'julie martin');
    await see(chat, /À quelle adresse e-mail/);
    await type(chat, 'julie.martin@exemple.fr');
    await see(chat, /Envoyer/);
    await type(chat, 'ok envoie');
    await see(chat, /Pièces jointes : « erreur export\.png »/);
    const pattern = /L1-\d{8}-\d{4,}/;
    const reference = pattern.exec((await chat.getByText(pattern).first().textContent({ timeout: 20_000 })) ?? '')?.[0] ?? '';
    expect(reference).to.match(pattern);
    await screenshot(chat, 'attachment-ticket-chat-phone.png');

    const console_ = await staff.newPage();
    await console_.goto(`${bot.url}/staff/`);
    await console_.locator('input[name=email]').fill(AGENT);
    await console_.locator('input[name=password]').fill(PASSWORD);
    await console_.locator('form.signin-card button[type=submit]').click();
    const row = console_.locator('li.req', { hasText: reference });
    await row.locator('.req-summary').click();
    const link = row.locator('.file-list a', { hasText: 'erreur export.png' });
    await link.waitFor();
    expect(await row.locator('.file-list').textContent()).to.not.include('correctif.exe');
    await screenshot(console_, 'attachment-on-ticket.png', true);
    const [download] = await Promise.all([console_.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).to.equal('erreur export.png');
    expect((await readFile((await download.path())!)).equals(SCREENSHOT), 'the same bytes').to.equal(true);

    // Signed out (no session cookie), the same address is refused.
    const href = await link.getAttribute('href');
    expect((await fetch(`${bot.url}${href}`)).status).to.equal(401);
  });
});
