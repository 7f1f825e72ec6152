// The chat as a new customer first sees it, in a real Chromium at laptop and phone sizes: the send
// box on screen without scrolling, nothing wider than the screen, a header that fits, and the embed
// widget's launcher, Escape key, unread badge and language; long answers open at their start.
import { expect } from 'chai';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS, startInProcess, tempDir } from './helpers.js';

const SEND_BOX = '[data-id="webchat-sendbox-input"]';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const PHONE = { width: 390, height: 844 };

type Rect = { top: number; bottom: number; left: number; right: number; height: number };
type Doc = {
  documentElement: { scrollWidth: number };
  querySelector(selector: string): { getBoundingClientRect(): Rect; scrollWidth: number; clientWidth: number; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ getBoundingClientRect(): Rect; textContent: string | null }>;
  activeElement: { id: string } | null;
};
/** The page's own globals, typed by hand: no DOM library in this project's tsconfig. */
type Win = { document: Doc; innerWidth: number; innerHeight: number };

async function see(surface: Page | FrameLocator, text: string | RegExp): Promise<void> {
  await surface.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

/** Where the page's furthest element ends, against the screen's width. */
function widths(page: Page) {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    return { scrollWidth: w.document.documentElement.scrollWidth, innerWidth: w.innerWidth };
  });
}

describe('the chat as a new customer first sees it (Chromium, laptop and phone)', function () {
  this.timeout(60_000);
  let base: string;
  let close: () => Promise<void>;
  let browser: BrowserContext | undefined;

  before(async () => {
    ({ url: base, close } = await startInProcess({ dataDir: await tempDir() }));
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  after(() => close?.());

  for (const size of SIZES) {
    for (const locale of ['fr-FR', 'en-US']) {
      it(`help page at ${size.width}×${size.height} (${locale}): the send box is on screen at first view, nothing overflows, the status line fits`, async () => {
        browser = await launchChromium({ locale, viewport: size });
        const page = await browser.newPage();
        await page.goto(`${base}/`);
        await see(page, locale === 'fr-FR' ? /Bonjour ! Je suis l.assistant Scriba/ : /Hello! I.m the Scriba assistant/);
        const box = await page.locator(SEND_BOX).boundingBox();
        expect(box, 'the send box').to.not.equal(null);
        expect(box!.y, 'send box top').to.be.at.least(0);
        expect(box!.y + box!.height, `send box bottom (viewport ${size.height})`).to.be.at.most(size.height);
        const { scrollWidth, innerWidth } = await widths(page);
        expect(scrollWidth, 'page width').to.be.at.most(innerWidth);
        // The status line under the title: one line (13 px text), not four.
        const status = await page.locator('.assistant-head .online').boundingBox();
        expect(status!.height, 'status line height').to.be.below(26);
        const title = await page.locator('.assistant-head h2').evaluate((el) => {
          const e = el as unknown as { scrollWidth: number; clientWidth: number };
          return e.scrollWidth <= e.clientWidth;
        });
        expect(title, 'the title is not cut').to.equal(true);
        // Suggested actions: every label whole (wrapped if need be, never cut), every button on screen.
        const buttons = await page.locator('.webchat__suggested-actions__button').evaluateAll((all) => all.map((el) => {
          const b = el as unknown as { getBoundingClientRect(): Rect; querySelector(s: string): { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number } | null; textContent: string | null };
          const text = b.querySelector('.webchat__suggested-actions__button-text');
          return { label: (b.textContent ?? '').trim(), right: b.getBoundingClientRect().right, cut: !!text && (text.scrollWidth > text.clientWidth || text.scrollHeight > text.clientHeight + 1) };
        }));
        expect(buttons.length, 'the welcome offers popular questions').to.be.greaterThan(0);
        expect(buttons.filter((b) => b.cut || b.right > size.width).map((b) => b.label), 'cut buttons').to.deep.equal([]);
        console.log(`      ${size.width}×${size.height} ${locale}: send box ${Math.round(box!.y)}–${Math.round(box!.y + box!.height)} of ${size.height}, scrollWidth ${scrollWidth}/${innerWidth}`);
        await screenshot(page, `widget-help-${size.width}x${size.height}-${locale.slice(0, 2)}.png`);
      });
    }
  }

  it('a long answer opens at its start: its first line is in view', async () => {
    browser = await launchChromium({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await see(page, /Bonjour ! Je suis l.assistant Scriba/);
    const box = page.locator(SEND_BOX);
    await box.fill('configuration requise');
    await box.press('Enter');
    await see(page, 'Cette réponse a-t-elle répondu à votre question ?');
    await page.waitForTimeout(1500); // Web Chat scrolls smoothly: let it come to rest
    const seen = await page.evaluate(() => {
      const doc = (globalThis as unknown as Win).document;
      const list = doc.querySelector('.webchat__basic-transcript__scrollable')!.getBoundingClientRect();
      // The answer: the activity right after the question.
      const activities = Array.from(doc.querySelectorAll('.webchat__basic-transcript__activity'));
      const asked = activities.findIndex((a) => /configuration requise/.test(a.textContent ?? ''));
      const answer = activities[asked + 1]!.getBoundingClientRect();
      return { listTop: list.top, listBottom: list.bottom, answerTop: answer.top, answerHeight: answer.height };
    });
    console.log(`      answer ${Math.round(seen.answerHeight)} px tall, top at ${Math.round(seen.answerTop)} in a transcript ${Math.round(seen.listTop)}–${Math.round(seen.listBottom)}`);
    expect(seen.answerTop, "the answer's top").to.be.at.least(seen.listTop - 1);
    expect(seen.answerTop + 40, "the answer's first line").to.be.at.most(seen.listBottom);
    await screenshot(page, 'widget-long-answer.png');
  });

  it('demo site on a phone: in the browser language, the real address in the snippet, nothing overflows, the launcher on screen', async () => {
    browser = await launchChromium({ locale: 'en-US', viewport: PHONE });
    const page = await browser.newPage();
    await page.goto(`${base}/demo.html`);
    const button = page.locator('#scriba-chat-button');
    await button.waitFor();
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    expect(await page.locator('#demo-snippet').textContent()).to.equal(`<script src="${base}/embed.js" data-locale="en" async></script>`);
    const { scrollWidth, innerWidth } = await widths(page);
    console.log(`      demo at 390×844: scrollWidth ${scrollWidth}/${innerWidth}`);
    expect(scrollWidth).to.be.at.most(innerWidth);
    const launcher = (await button.boundingBox())!;
    expect(launcher.x + launcher.width).to.be.at.most(PHONE.width);
    expect(launcher.y + launcher.height).to.be.at.most(PHONE.height);
    await screenshot(page, 'widget-demo-phone.png');

    // The panel's header fits: the title whole, the status on one line.
    await button.click();
    const chat = page.frameLocator('#scriba-chat-panel iframe');
    await see(chat, /Hello! I.m the Scriba assistant/);
    const head = await chat.locator('.chat-head').evaluate((el) => {
      const h = el as unknown as { querySelector(s: string): { scrollWidth: number; clientWidth: number; getBoundingClientRect(): Rect } };
      return { titleWhole: h.querySelector('h1').scrollWidth <= h.querySelector('h1').clientWidth, statusHeight: h.querySelector('p').getBoundingClientRect().height };
    });
    expect(head.titleWhole, 'the title is whole').to.equal(true);
    expect(head.statusHeight, 'status on one line').to.be.below(22);
    await screenshot(page, 'widget-demo-phone-open.png');

    // The switch: the same page in French.
    await page.goto(`${base}/demo.html?locale=fr`);
    expect(await page.locator('html').getAttribute('lang')).to.equal('fr');
    await see(page, 'Votre espace documentaire, propulsé par Scriba');
    expect(await page.locator('#demo-snippet').textContent()).to.include('data-locale="fr"');
  });

  it('Escape in the chat input closes the panel and gives the focus back to the launcher', async () => {
    browser = await launchChromium({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await browser.newPage();
    await page.goto(`${base}/demo.html`);
    const button = page.locator('#scriba-chat-button');
    await button.click();
    const chat = page.frameLocator('#scriba-chat-panel iframe');
    await see(chat, /Bonjour ! Je suis l.assistant Scriba/);
    await chat.locator(SEND_BOX).click();
    await chat.locator(SEND_BOX).press('Escape');
    await page.locator('#scriba-chat-panel').waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).to.equal('false');
    expect(await page.evaluate(() => (globalThis as unknown as Win).document.activeElement?.id)).to.equal('scriba-chat-button');
  });

  it('an answer arriving while the panel is closed shows an unread badge, cleared on open', async () => {
    browser = await launchChromium({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await browser.newPage();
    await page.goto(`${base}/demo.html`);
    const button = page.locator('#scriba-chat-button');
    const badge = page.locator('#scriba-chat-unread');
    await button.click();
    const chat = page.frameLocator('#scriba-chat-panel iframe');
    await see(chat, /Hello! I.m the Scriba assistant/);
    expect(await badge.isVisible()).to.equal(false);
    await chat.locator(SEND_BOX).press('Escape');
    await page.locator('#scriba-chat-panel').waitFor({ state: 'hidden' });
    // With the panel closed, a question reaches the bot through Direct Line (as from another tab
    // of the same conversation): the chat in the hidden panel receives the answer.
    const session = JSON.parse(String(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('scriba-chat-session')))) as { conversationId: string; token: string };
    const posted = await fetch(`${base}/v3/directline/conversations/${session.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'visitor' }, locale: 'en-US', text: 'how do I reset my pasword' }),
    });
    expect(posted.status).to.equal(200);
    await badge.waitFor({ state: 'visible', timeout: 20_000 });
    expect(Number(await badge.textContent())).to.be.at.least(1);
    expect(await button.getAttribute('aria-label')).to.match(/^Open the Scriba assistant \(\d+ new messages?\)$/);
    await screenshot(page, 'widget-unread-badge.png');
    await button.click();
    expect(await badge.isVisible()).to.equal(false);
    expect(await button.getAttribute('aria-label')).to.equal('Close the Scriba assistant');
  });
});
