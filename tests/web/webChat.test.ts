// The customer's website chat in a real Chromium: the official Web Chat on the help page, talking
// to the bot through the local Direct Line of `npm start`, from the welcome to a reference number,
// and the same conversation after a reload.
import { expect } from 'chai';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS, startBot, tempDir, type RunningBot } from './helpers.js';

const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const SUGGESTED = '.webchat__suggested-actions button';

type Surface = Page | FrameLocator;

const exactly = (label: string) => new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Text appears twice (the message and Web Chat's live region): the first is the message. */
async function see(surface: Surface, text: string | RegExp): Promise<void> {
  await surface.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function type(surface: Surface, text: string): Promise<void> {
  const box = surface.locator(SEND_BOX);
  await box.fill(text);
  await box.press('Enter');
}

/** Clicks a suggested action once it is shown; the old buttons go when the user answers. */
async function click(surface: Surface, label: string): Promise<void> {
  const button = surface.locator(SUGGESTED).filter({ hasText: exactly(label) });
  await button.first().click({ timeout: 20_000 });
}

async function referenceOn(page: Page, level: 'L1' | 'L2'): Promise<string> {
  const pattern = new RegExp(`${level}-\\d{8}-\\d{4,}`);
  const text = await page.getByText(pattern).first().textContent({ timeout: 20_000 });
  const reference = pattern.exec(text ?? '')?.[0];
  expect(reference, `a ${level} reference in "${text}"`).to.be.a('string');
  return reference!;
}

/** Page errors and console errors (a Content-Security-Policy violation is one). */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message} ${err.stack ?? ''}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  return problems;
}

type Scrollable = { scrollHeight: number; clientHeight: number; scrollTop: number };

/** Web Chat scrolls to the newest message, smoothly: waits until the transcript rests at its end. */
async function scrolledToEnd(page: Page): Promise<void> {
  // A function, not a string: the page's CSP forbids eval. Typed by hand: no DOM library here.
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { querySelector(selector: string): Scrollable | null } }).document;
    const list = doc.querySelector('.webchat__basic-transcript__scrollable');
    return !!list && list.scrollHeight - list.clientHeight - list.scrollTop < 2;
  }, undefined, { timeout: 10_000 });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

describe('the website chat in Chromium (Web Chat on the local Direct Line)', function () {
  this.timeout(60_000);
  let bot: RunningBot;
  let browser: BrowserContext | undefined;

  before(async function () {
    this.timeout(30_000);
    bot = await startBot({ DATA_DIR: await tempDir() });
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  after(() => bot?.child.kill());

  it('a French visitor gets an answer despite the typos, books a callback, and finds it again after a reload', async () => {
    browser = await launchChromium({ locale: 'fr-FR' });
    const page = await browser.newPage();
    const problems = problemsOf(page);
    await page.goto(`${bot.url}/`);
    expect(await page.title()).to.equal("Centre d'aide Scriba");
    // The welcome comes before the visitor types anything, in French.
    await see(page, /Bonjour ! Je suis l.assistant Scriba/);

    await type(page, 'exproter mes facturs vers datev');
    await see(page, /export DATEV/);
    await see(page, 'Cette réponse a-t-elle répondu à votre question ?');
    await click(page, 'Non');
    await see(page, /Qu.est-ce qui manquait/);
    await click(page, 'Passer');
    await click(page, 'Être rappelé');
    // The question becomes the reason, said back with the first question of the request.
    await see(page, /Un technicien va vous rappeler au sujet de « exproter mes facturs vers datev/);
    await see(page, 'Quel est votre nom ?');
    await type(page, 'Marie Martin');
    await see(page, /À quel numéro/);
    await type(page, '06 12 34 56 78');
    await see(page, 'Quand souhaitez-vous être rappelé ?');
    await page.locator(SUGGESTED).first().click({ timeout: 20_000 }); // the first slot offered
    await click(page, 'Oui, appelez-moi');
    await click(page, 'Envoyer');
    const reference = await referenceOn(page, 'L2');
    await scrolledToEnd(page);
    await screenshot(page, 'webchat-fr-callback.png');

    // A reload resumes the same conversation (id and token in sessionStorage): the history is back.
    await page.reload();
    await see(page, reference);
    await see(page, 'exproter mes facturs vers datev');
    // …once: resuming does not greet again.
    expect(await page.locator('.webchat__basic-transcript__activity').filter({ hasText: /Bonjour ! Je suis l.assistant Scriba/ }).count()).to.equal(1);
    // …and the visitor sees its end, where they left off.
    await scrolledToEnd(page);
    await screenshot(page, 'webchat-fr-after-reload.png');
    expect(problems).to.deep.equal([]);
  });

  it('an English visitor opens a ticket and keeps it after a reload', async () => {
    browser = await launchChromium({ locale: 'en-US' });
    const page = await browser.newPage();
    const problems = problemsOf(page);
    await page.goto(`${bot.url}/`);
    expect(await page.title()).to.equal('Scriba Help Center');
    await see(page, /Hello! I.m the Scriba assistant/);

    await type(page, 'how do I reset my pasword');
    await see(page, 'Did this answer your question?');
    await click(page, 'No');
    await see(page, 'What was missing?');
    await click(page, 'Skip');
    await click(page, 'Contact support');
    await click(page, 'By email (ticket)');
    await see(page, /I.ll open a ticket for the support desk about .how do I reset my pasword/);
    await see(page, 'What is your name?');
    await type(page, 'Jane Smith');
    await see(page, /What email address/);
    await type(page, 'jane.smith@example.com');
    await click(page, 'Send');
    const reference = await referenceOn(page, 'L1');
    await scrolledToEnd(page);
    await screenshot(page, 'webchat-en-ticket.png');

    await page.reload();
    await see(page, reference);
    await see(page, 'how do I reset my pasword');
    await scrolledToEnd(page);
    await screenshot(page, 'webchat-en-after-reload.png');
    expect(problems).to.deep.equal([]);
  });

  it('asks the assistant about a topic card clicked on the help page', async () => {
    browser = await launchChromium({ locale: 'fr-FR' });
    const page = await browser.newPage();
    await page.goto(`${bot.url}/`);
    await see(page, /Bonjour ! Je suis l.assistant Scriba/);
    await page.getByRole('button', { name: /Compte et connexion/ }).click();
    await see(page, /J.ai oublié mon mot de passe/);
    await see(page, 'Cette réponse a-t-elle répondu à votre question ?');
  });

  it('starts a new conversation when the saved one cannot be resumed, or when the visitor asks for one', async () => {
    browser = await launchChromium({ locale: 'fr-FR' });
    const page = await browser.newPage();
    const problems = problemsOf(page);
    const saved = () => page.evaluate(`JSON.parse(sessionStorage.getItem('scriba-chat-session')).conversationId`) as Promise<string>;
    await page.goto(`${bot.url}/`);
    await see(page, /Bonjour ! Je suis l.assistant Scriba/);
    const first = await saved();

    // As after a restart with a new token secret: the saved token is refused (401). Written before
    // the page's scripts run, once: the page saves its live session when it unloads.
    await page.addInitScript(`if (!sessionStorage.getItem('forged')) {
      sessionStorage.setItem('forged', '1');
      sessionStorage.setItem('scriba-chat-session', JSON.stringify({ mode: 'local', domain: '/v3/directline', conversationId: '${first}', token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.forged' }));
    }`);
    await page.reload();
    await see(page, /Bonjour ! Je suis l.assistant Scriba/);
    const second = await saved();
    expect(second).to.not.equal(first);

    await type(page, 'mdp oublié');
    await see(page, 'Cette réponse a-t-elle répondu à votre question ?');
    await page.getByRole('button', { name: 'Nouvelle conversation' }).click();
    await page.getByText('mdp oublié').first().waitFor({ state: 'detached' });
    await see(page, /Bonjour ! Je suis l.assistant Scriba/);
    expect(await saved()).to.not.equal(second);
    // The refused reconnect is the only error the page logs.
    expect(problems.filter((p) => !/401 \(Unauthorized\)/.test(p))).to.deep.equal([]);
  });

  it('the embed snippet on a customer site opens the chat in a panel, in the language it was given', async () => {
    // The browser is English, the demo's language switch says French: the snippet gets
    // data-locale="fr" and the chat is in French.
    browser = await launchChromium({ locale: 'en-US' });
    const page = await browser.newPage();
    const problems = problemsOf(page);
    await page.goto(`${bot.url}/demo.html?locale=fr`);
    const button = page.locator('#scriba-chat-button');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).to.equal('true');
    const chat = page.frameLocator('#scriba-chat-panel iframe');
    await see(chat, /Bonjour ! Je suis l.assistant Scriba/);
    await type(chat, 'mdp oublié');
    await see(chat, 'Cette réponse a-t-elle répondu à votre question ?');
    await screenshot(page, 'embed-demo.png');

    // The chat page's own close button closes the panel around it.
    await chat.locator('#chat-close').click();
    await page.locator('#scriba-chat-panel').waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).to.equal('false');
    expect(problems).to.deep.equal([]);
  });
});
