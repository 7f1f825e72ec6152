// The help centre in a real Chromium against `npm start` (bot/main.ts), at desktop and phone
// sizes: a customer searches with typos and finds the article, says it helped (and the staff
// dashboard counts it), and nothing on the page is wider than a phone. Screenshots go to
// tests/screenshots/help-*.png.
import { expect } from 'chai';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS, startBot, tempDir, type RunningBot } from './helpers.js';

const TOKEN = 'a-staff-token-for-the-help-centre-test-0123456789';
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `help-${name}.png`), fullPage: true });
}

/**
 * Elements whose right edge passes the viewport's (a page that scrolls sideways on a phone). Web
 * Chat's live region is left out: screen readers read it, it is clipped to nothing on screen.
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type El = { getBoundingClientRect(): { right: number; width: number }; tagName: string; className: string; closest(s: string): unknown };
    const doc = (globalThis as unknown as { document: { documentElement: { clientWidth: number }; querySelectorAll(s: string): ArrayLike<El> } }).document;
    const width = doc.documentElement.clientWidth;
    return Array.from(doc.querySelectorAll('body *'))
      .filter((el) => !el.closest('[class*="live-region"]'))
      .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`);
  });
}

async function dashboardPageFigures(url: string, articleId: string): Promise<{ views: number; pageHelpful: number }> {
  const res = await fetch(`${url}/api/staff/dashboard?lang=fr`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(res.status).to.equal(200);
  const body = (await res.json()) as { perArticle: Array<{ id: string; views: number; pageHelpful: number }> };
  const row = body.perArticle.find((a) => a.id === articleId);
  return { views: row?.views ?? 0, pageHelpful: row?.pageHelpful ?? 0 };
}

describe('the help centre in Chromium', function () {
  this.timeout(120_000);
  let bot: RunningBot;
  let browser: BrowserContext | undefined;

  before(async () => {
    bot = await startBot({ DATA_DIR: await tempDir(), STAFF_TOKEN: TOKEN });
  });
  after(async () => {
    await browser?.close();
    bot?.child.kill();
  });

  for (const size of SIZES) {
    describe(`at ${size.width}×${size.height}`, () => {
      let page: Page;
      before(async () => {
        await browser?.close();
        browser = await launchChromium({ locale: 'fr-FR', viewport: { width: size.width, height: size.height } });
        page = await browser.newPage();
      });

      it('finds the article from a search typed with typos, from the index page', async () => {
        await page.goto(`${bot.url}/help/fr/`);
        expect(await overflowing(page), 'elements wider than the viewport (index)').to.deep.equal([]);
        await shot(page, `index-${size.name}`);
        await page.fill('input[name="q"]', 'mot de pase oublie');
        await Promise.all([page.waitForURL(/\/help\/fr\/search\?q=/), page.click('.help-search button[type="submit"]')]);
        expect(await overflowing(page), 'elements wider than the viewport (results)').to.deep.equal([]);
        await shot(page, `search-${size.name}`);
        await Promise.all([page.waitForURL(/\/help\/fr\/reset-password$/), page.click('.help-results a[href="/help/fr/reset-password"]')]);
        expect(await page.textContent('h1')).to.include('mot de passe');
        expect(await overflowing(page), 'elements wider than the viewport').to.deep.equal([]);
        await shot(page, `article-${size.name}`);
      });

      it('counts "helpful: yes" on the staff dashboard', async () => {
        const before = await dashboardPageFigures(bot.url, 'reset-password');
        await page.goto(`${bot.url}/help/fr/reset-password`);
        await Promise.all([page.waitForURL(/feedback=thanks/), page.click('.help-feedback-form button[value="yes"] >> nth=0')]);
        expect(await page.textContent('.help-thanks')).to.include('Merci');
        const after = await dashboardPageFigures(bot.url, 'reset-password');
        expect(after.pageHelpful).to.equal(before.pageHelpful + 1);
        expect(after.views).to.equal(before.views + 1);
      });

      it('a short answer in the chat links to its article, and "Read the full article" opens the page', async () => {
        await page.goto(`${bot.url}/`);
        const box = page.locator('[data-id="webchat-sendbox-input"]');
        await box.fill('mon antivirus a mis scriba en quarantaine');
        await box.press('Enter');
        const link = page.locator('.webchat__bubble a', { hasText: /Lire l.article complet/ }).first();
        await link.waitFor({ timeout: 20_000 });
        expect(await link.getAttribute('href')).to.match(/\/help\/fr\/antivirus-blocked$/);
        expect(await overflowing(page), 'elements wider than the viewport (chat)').to.deep.equal([]);
        await shot(page, `short-answer-${size.name}`);
        // Web Chat opens links in a new tab: the full article, the chat left where it was.
        const [opened] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
        await opened.waitForLoadState();
        expect(new URL(opened.url()).pathname).to.equal('/help/fr/antivirus-blocked');
        expect(await opened.textContent('h1')).to.match(/antivirus/i);
        await opened.close();
      });

      it('offers the assistant when a search finds nothing, and fits the screen', async () => {
        await page.goto(`${bot.url}/help/fr/search?q=${encodeURIComponent('recette des crêpes bretonnes')}`);
        expect(await page.locator('a.help-button[href="/?locale=fr"]').count()).to.be.at.least(1);
        expect(await overflowing(page), 'elements wider than the viewport').to.deep.equal([]);
        await shot(page, `nothing-${size.name}`);
      });
    });
  }

  it('searches from the help page\'s own box, typos and all, and the page still shows the send box', async () => {
    await browser?.close();
    browser = await launchChromium({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await browser.newPage();
    await page.goto(`${bot.url}/`);
    // The page's links lead to the help centre in the visitor's language.
    expect(await page.getByRole('link', { name: 'Pricing' }).getAttribute('href')).to.equal('/help/en/pricing-plans');
    expect(await page.getByRole('link', { name: 'Contact us' }).getAttribute('href')).to.equal('/help/en/contact-support');
    const box = page.locator('.hero-search input[name="q"]');
    expect(await box.getAttribute('placeholder')).to.equal('Search the help: password, DATEV…');
    await box.fill('forgot my pasword');
    await Promise.all([page.waitForURL(/\/help\/en\/search\?q=/), page.click('.hero-search button[type="submit"]')]);
    expect(await page.locator('.help-results a[href="/help/en/reset-password"]').count()).to.be.at.least(1);
    await page.goto(`${bot.url}/`);
    const send = await page.locator('[data-id="webchat-sendbox-input"]').boundingBox({ timeout: 20_000 });
    expect(send && send.y + send.height, 'the send box on the first screen').to.be.at.most(800);
  });

  it('"Talk to a human" on an article opens the chat on a request that already knows the article', async () => {
    await browser?.close();
    browser = await launchChromium({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    const page = await browser.newPage();
    await page.goto(`${bot.url}/help/fr/reset-password`);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('link', { name: 'Parler à un conseiller' }).first().click()]);
    await page.getByText(/Vous lisiez « Réinitialiser votre mot de passe » dans le centre d.aide/).first().waitFor({ timeout: 20_000 });
    // The address no longer asks: a reload goes on with the same conversation, without a second request.
    await page.waitForURL((url) => !url.search.includes('contact='));
    const box = page.locator('[data-id="webchat-sendbox-input"]');
    await box.fill('par mail svp');
    await box.press('Enter');
    await page.getByText("En une phrase, pour quoi avez-vous besoin d’aide ?").first().waitFor({ timeout: 20_000 }).catch(async (err) => {
      throw new Error(`the chat ends with: ${(await page.locator('.webchat__basic-transcript').innerText()).slice(-700)}`, { cause: err });
    });
    await box.fill('le lien de reinitialisation arrive jamais');
    await box.press('Enter');
    await page.getByText('Quel est votre nom ?').first().waitFor({ timeout: 20_000 }).catch(async (err) => {
      throw new Error(`the chat ends with: ${(await page.locator('.webchat__basic-transcript').innerText()).slice(-700)}`, { cause: err });
    });
    await page.reload();
    await page.getByText('Quel est votre nom ?').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.webchat__bubble', { hasText: /Vous lisiez « Réinitialiser/ }).count(), 'asked once').to.equal(1);
    await shot(page, 'talk-to-human-phone');
  });
});
