// The support staff's console in a real Chromium, against `npm start` (bot/main.ts) with its staff
// API: an agent signs in, finds the ticket a customer just opened through the bot, takes it in hand
// (and the customer sees it), teaches the bot a question it could not answer, and never runs the
// HTML a customer typed. Screenshots of every page go to tests/screenshots/staff-*.png.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';
import { channelMessage } from '../helpers/channelMessage.js';
import { launchChromium, SCREENSHOTS, startBot, tempDir, type RunningBot } from './helpers.js';

const AGENT = 'agent@example.com';
const VIEWER = 'viewer@example.com';
const PASSWORD = 'a long test password for the agent';
const XSS = '<script>window.__xss=1</script> <img src=x onerror="window.__xss=1"> my scanner smokes';
const UNKNOWN = 'le tampon encreur numérique refuse de signer';

interface BotActivity {
  type?: string;
  text?: string;
  suggestedActions?: { actions?: Array<{ title?: string }> };
}

/** One message to the bot over HTTP; its replies come back in the response (expectReplies). */
async function say(url: string, conversation: string, text: string, locale: string): Promise<string[]> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(channelMessage(text, { locale, from: { id: `user-${conversation}`, name: 'Customer' }, conversation: { id: conversation } })),
  });
  expect(res.status, `POST /api/messages "${text}"`).to.equal(200);
  const body = (await res.json()) as { activities?: BotActivity[] };
  return (body.activities ?? []).filter((a) => a.type === 'message').map((a) => [a.text ?? '', ...(a.suggestedActions?.actions ?? []).map((b) => `[${b.title}]`)].join(' '));
}

const joined = (replies: string[]) => replies.join('\n');

/** A copy of the bundled knowledge base: the test adds a question to an article, never to the repository's. */
async function knowledgeCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'staff-kb-'));
  await cp(path.join(PROJECT_ROOT, 'knowledge', 'articles'), path.join(dir, 'articles'), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'knowledge', 'synonyms.yaml'), path.join(dir, 'synonyms.yaml'));
  return dir;
}

async function addAccount(dataDir: string, email: string, role: string): Promise<void> {
  await promisify(execFile)('npm', ['run', '--silent', 'staff:add', '--', email, '--role', role], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, STAFF_PASSWORD: PASSWORD },
  });
}

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  // A whole page from its top: scrolled, the sticky top bar would show in the middle of it.
  if (fullPage) await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage });
}

/**
 * Page errors, console errors (a Content-Security-Policy or Trusted Types violation is one) and
 * missing texts. The 401 of GET /api/staff/me before signing in is expected, as are the 401s of
 * wrong passwords, the 409 and 422 of the refused article drafts, and the 429 of too many.
 */
function watch(page: Page): { problems: string[]; posts: Array<{ url: string; csrf: string | undefined }> } {
  const problems: string[] = [];
  const posts: Array<{ url: string; csrf: string | undefined }> = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|409|422|429)/.test(text)) problems.push(`console: ${text}`);
    if (/no text for/.test(text)) problems.push(`missing text: ${text}`);
  });
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/staff/')) {
      posts.push({ url: new URL(request.url()).pathname, csrf: request.headers()['x-csrf-token'] });
    }
  });
  return { problems, posts };
}

async function signIn(page: Page, url: string, password = PASSWORD, email = AGENT): Promise<void> {
  await page.goto(`${url}/staff/`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form.signin-card button[type=submit]').click();
}

const xssRan = (page: Page) => page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss);
const injectedImages = (page: Page) => page.locator('img[src="x"]').count();

describe('the staff console in Chromium (npm start with the staff API)', function () {
  this.timeout(120_000);
  let bot: RunningBot;
  let browser: BrowserContext;
  let page: Page;
  let watched: ReturnType<typeof watch>;
  let reference = '';

  before(async function () {
    this.timeout(90_000);
    const dataDir = await tempDir();
    await addAccount(dataDir, AGENT, 'agent');
    await addAccount(dataDir, VIEWER, 'viewer');
    bot = await startBot({ DATA_DIR: dataDir, KNOWLEDGE_DIR: await knowledgeCopy() });
    // Without it, every page below only says "Console unavailable (404)".
    const me = await fetch(`${bot.url}/api/staff/me`);
    expect(me.status, 'GET /api/staff/me before signing in: the staff API (mountStaff) must be mounted by bot/main.ts').to.equal(401);
    expect((await fetch(`${bot.url}/staff/`)).status, 'GET /staff/: the console pages (mountStaffPages) must be mounted by bot/main.ts').to.equal(200);
    browser = await launchChromium({ locale: 'en-US' });
    page = await browser.newPage();
    watched = watch(page);
  });
  after(async () => {
    await browser?.close();
    bot?.child.kill();
  });

  it('shows the sign-in form, says clearly when the password is wrong, then signs the agent in', async () => {
    await page.goto(`${bot.url}/staff/`);
    expect(await page.locator('h1').textContent()).to.equal('Sign in');
    await signIn(page, bot.url, 'not the password at all');
    await page.getByText('Wrong email address or password.').waitFor();
    await screenshot(page, 'staff-signin.png', false);

    await signIn(page, bot.url);
    await page.locator('.topbar').waitFor();
    expect(await page.locator('.nav a[aria-current=page]').textContent()).to.equal('Requests');
    expect(await page.locator('.who').getAttribute('title')).to.equal(AGENT);
  });

  it('lists the ticket a customer opened through the bot, and a status change reaches the customer', async () => {
    // The customer tries an answer first, says what was missing, then asks for a human.
    const conversation = `staff-ticket-${Date.now()}`;
    expect(joined(await say(bot.url, conversation, 'how do I reset my pasword', 'en-US'))).to.include('Did this answer your question?');
    expect(joined(await say(bot.url, conversation, 'No', 'en-US'))).to.include('What was missing?');
    await say(bot.url, conversation, 'The reset email never arrives', 'en-US');
    expect(joined(await say(bot.url, conversation, 'talk to a human', 'en-US'))).to.include('[By email (ticket)]');
    expect(joined(await say(bot.url, conversation, 'By email (ticket)', 'en-US'))).to.include('What is your name?');
    expect(joined(await say(bot.url, conversation, 'Jane Smith', 'en-US'))).to.include('What email address');
    expect(joined(await say(bot.url, conversation, 'jane.smith@example.com', 'en-US'))).to.include('[Send]');
    const sent = joined(await say(bot.url, conversation, 'Send', 'en-US'));
    reference = /L1-\d{8}-\d{4,}/.exec(sent)?.[0] ?? '';
    expect(reference, `a reference in "${sent}"`).to.match(/^L1-/);

    await page.goto(`${bot.url}/staff/`);
    const row = page.locator('li.req', { hasText: reference });
    await row.locator('.req-summary').click();
    await row.getByText('jane.smith@example.com').waitFor();
    // The reason carries what the customer said the answer was missing.
    expect(await row.locator('.req-reason').textContent()).to.equal('how do I reset my pasword (missing from the answer: The reset email never arrives)');
    expect(await row.locator('.req-status').textContent()).to.equal('Open');
    // What was tried: the article, its confidence, the feedback and what was missing.
    const tried = row.locator('.tried-list li', { hasText: 'reset-password' });
    await tried.waitFor();
    expect(await tried.locator('.badge').textContent()).to.equal('Not helpful');
    expect(await tried.locator('.quote').textContent()).to.equal('What was missing: The reset email never arrives');
    expect(Number(await tried.locator('.meter-value').textContent())).to.be.greaterThan(0.5);
    expect(await row.getByRole('link', { name: 'Read the conversation' }).getAttribute('href')).to.equal(`/staff/transcripts?id=${encodeURIComponent(conversation)}`);

    await row.locator('select[name=status]').selectOption('in-progress');
    await row.locator('textarea[name=note]').fill('Picked up: checking the mail server logs');
    await row.getByRole('button', { name: 'Update status' }).click();
    await row.locator('.req-status', { hasText: 'In progress' }).waitFor();
    await row.getByText('Picked up: checking the mail server logs').waitFor();
    await row.getByText(`by ${AGENT}`).waitFor();
    await screenshot(page, 'staff-inbox.png');

    // The customer asks the bot: the same store answers.
    const status = `staff-status-${Date.now()}`;
    expect(joined(await say(bot.url, status, `where is my ticket ${reference}`, 'en-US'))).to.include('what email address');
    const told = joined(await say(bot.url, status, 'jane.smith@example.com', 'en-US'));
    expect(told).to.include(reference).and.include('in progress');

    // The filters ask the API: a resolved-only list does not show it.
    await page.locator('form.filters select[name=status]').selectOption('resolved');
    await page.locator('.empty, .req-list').first().waitFor();
    expect(await page.locator('li.req', { hasText: reference }).count()).to.equal(0);
    expect(page.url()).to.include('status=resolved');
  });

  it('adds an unanswered question to an article, and the bot answers it at once', async () => {
    const before = joined(await say(bot.url, `staff-unknown-${Date.now()}`, UNKNOWN, 'fr-FR'));
    expect(before).to.include("je n'ai pas compris");

    await page.goto(`${bot.url}/staff/unanswered`);
    const group = page.locator('li.group', { hasText: UNKNOWN });
    await group.getByRole('button', { name: 'Add to an article' }).click();
    const form = group.locator('form.panel-form');
    expect(await form.locator('input[name=question]').inputValue()).to.equal(UNKNOWN);
    await form.locator('select[name=lang]').selectOption('fr');
    await form.locator('input[name=q]').fill('approval');
    // The search's answer replaces the first list (the matcher's suggestions, starred, then all articles).
    await form.locator('.article-option--suggested').first().waitFor({ state: 'detached' });
    await form.locator('label.article-option', { hasText: 'approval-workflow' }).click();
    await screenshot(page, 'staff-unanswered.png');
    await form.getByRole('button', { name: 'Add the question' }).click();
    await form.getByText('Question added to the article approval-workflow.').waitFor();
    await group.getByText('✓ Added to the article approval-workflow').waitFor();

    const after = joined(await say(bot.url, `staff-known-${Date.now()}`, UNKNOWN, 'fr-FR'));
    expect(after).to.not.include("je n'ai pas compris");
    expect(after).to.include('Les circuits de validation font partie de **Scriba Plus**');
  });

  it('drafts a new article from an unanswered question and shows the KB checker’s problems verbatim', async () => {
    await page.goto(`${bot.url}/staff/unanswered`);
    const group = page.locator('li.group', { hasText: UNKNOWN });
    await group.getByRole('button', { name: 'New article draft' }).click();
    const form = group.locator('form.panel-form');
    expect(await form.locator('textarea[name=questions-fr]').inputValue()).to.include(UNKNOWN);
    await form.locator('input[name=id]').fill('approval-workflow');
    await form.getByRole('button', { name: 'Create the article' }).click();
    await form.getByText('Fill in before creating the article: Title (French), Answer (French), Title (English), Answer (English).').waitFor();

    await form.locator('input[name=title-fr]').fill('Tampon encreur numérique');
    await form.locator('input[name=title-en]').fill('Digital ink stamp');
    await form.locator('textarea[name=answer-fr]').fill('Le tampon numérique signe depuis **Documents › Signer**.');
    await form.locator('textarea[name=answer-en]').fill('The digital stamp signs from **Documents › Sign**.');
    await form.getByRole('button', { name: 'Create the article' }).click();
    await form.getByText('An article approval-workflow already exists').waitFor();

    // One French question and no English one: the checker refuses, and says so in its own words.
    await form.locator('input[name=id]').fill('digital-ink-stamp');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/staff/articles'),
      form.getByRole('button', { name: 'Create the article' }).click(),
    ]);
    expect(response.status()).to.equal(422);
    const { problems } = (await response.json()) as { problems: string[] };
    await form.locator('.problems li').first().waitFor();
    expect(await form.locator('.problems li').allTextContents()).to.deep.equal(problems);
    expect(problems.join('\n')).to.include('digital-ink-stamp');
    await screenshot(page, 'staff-unanswered-draft.png');
  });

  it('shows the question added in the knowledge history, and reverting it takes the answer back', async () => {
    await page.goto(`${bot.url}/staff/history`);
    const edit = page.locator('li.edit', { hasText: UNKNOWN }).first();
    await edit.waitFor();
    expect(await edit.locator('.badge--action').textContent()).to.equal('Question added');
    expect(await edit.textContent()).to.include(`By ${AGENT}`);
    await edit.getByRole('button', { name: 'Show the changes' }).click();
    expect(await edit.locator('.diff-line--add').allTextContents()).to.deep.equal([`+    - ${UNKNOWN}`]);
    await edit.getByRole('button', { name: 'Revert this edit' }).click();
    expect(await edit.getByRole('button', { name: 'Revert this edit' }).isVisible()).to.equal(false);
    await screenshot(page, 'staff-history.png');
    await edit.getByRole('button', { name: 'Yes, revert' }).click();
    await page.locator('li.edit--reverted', { hasText: UNKNOWN }).waitFor();
    expect(await page.locator('li.edit').first().locator('.badge--action').textContent()).to.equal('Revert');

    expect(joined(await say(bot.url, `staff-reverted-${Date.now()}`, UNKNOWN, 'fr-FR'))).to.include("je n'ai pas compris");
  });

  it('shows HTML typed by a customer as text on the Unanswered and Transcripts pages, never running it', async () => {
    expect(joined(await say(bot.url, `staff-xss-${Date.now()}`, XSS, 'en-US'))).to.include("didn't understand");

    await page.goto(`${bot.url}/staff/unanswered`);
    await page.locator('.group-question', { hasText: XSS }).first().waitFor();
    expect(await page.locator('.group-question', { hasText: XSS }).first().textContent()).to.equal(XSS);
    expect(await xssRan(page)).to.equal(undefined);
    expect(await injectedImages(page)).to.equal(0);

    await page.goto(`${bot.url}/staff/transcripts`);
    await page.locator('input[name=q]').fill('scanner smokes');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.convo', { hasText: 'my scanner smokes' }).first().click();
    const bubble = page.locator('.msg--user .bubble-text', { hasText: 'my scanner smokes' });
    await bubble.waitFor();
    expect(await bubble.textContent()).to.equal(XSS);
    await page.locator('.msg--bot .bubble-text').first().waitFor();
    expect(await xssRan(page)).to.equal(undefined);
    expect(await injectedImages(page)).to.equal(0);
    await screenshot(page, 'staff-transcripts-xss.png');
  });

  it('reads the ticket conversation as a chat: user right, bot left, buttons as chips, the confirmation with its reference', async () => {
    await page.goto(`${bot.url}/staff/transcripts`);
    await page.locator('input[name=reference]').fill(reference);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.convo').first().click();
    await page.locator('.msg--user .bubble-text', { hasText: 'talk to a human' }).waitFor();
    await page.locator('.msg--bot .chip', { hasText: 'Send' }).first().waitFor();
    await page.locator('.msg--bot .chip', { hasText: 'By email (ticket)' }).first().waitFor();
    await page.locator('.chat-requests a', { hasText: reference }).waitFor();
    const card = page.locator('.msg--bot .chat-card', { hasText: reference });
    await card.waitFor();
    expect(await card.locator('.chat-card-ref strong').textContent()).to.equal(reference);
    const userSide = await page.locator('.msg--user').first().boundingBox();
    const botSide = await page.locator('.msg--bot').first().boundingBox();
    expect(userSide!.x).to.be.greaterThan(botSide!.x);
    // The bot's Markdown shows as it did in the chat, not as asterisks.
    expect(await page.locator('.msg--bot .bubble-text strong', { hasText: reference }).count()).to.equal(1);
    // The conversation scrolls inside its panel: show its end, the confirmation.
    await page.locator('.chat').evaluate((chat) => {
      const list = chat as unknown as { scrollTop: number; scrollHeight: number };
      list.scrollTop = list.scrollHeight;
    });
    await screenshot(page, 'staff-transcripts.png', false);
  });

  it('draws the dashboard charts with the formula of each figure, in English and in French', async () => {
    // An answer the customer found helpful: the per-article chart has a bar.
    const helped = `staff-helped-${Date.now()}`;
    expect(joined(await say(bot.url, helped, 'how do I reset my pasword', 'en-US'))).to.include('Did this answer your question?');
    await say(bot.url, helped, 'Yes', 'en-US');

    await page.goto(`${bot.url}/staff/dashboard`);
    await page.locator('.kpis').waitFor();
    await page.locator('canvas').first().waitFor();
    expect(await page.locator('canvas').count()).to.be.at.least(3);
    // Drawn, not only placed: the canvases have coloured pixels.
    const painted = await page.locator('canvas').evaluateAll((canvases) => canvases.map((c) => {
      const canvas = c as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]) n++;
      return n;
    }));
    expect(painted.every((n) => n > 100), `painted pixels ${painted.join(', ')}`).to.equal(true);
    const conversations = Number((await page.locator('[data-kpi=conversations] .kpi-value').textContent())?.replace(/\D/g, ''));
    expect(conversations).to.be.at.least(1);
    const englishFormula = await page.locator('[data-kpi=escalated] .formula').textContent();
    expect(englishFormula).to.match(/ticket|callback/i);
    expect(await page.locator('.formula').count()).to.be.at.least(7);
    await screenshot(page, 'staff-dashboard.png');

    await page.getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.locator('[data-kpi=escalated] .formula').waitFor();
    const frenchFormula = await page.locator('[data-kpi=escalated] .formula').textContent();
    expect(frenchFormula).to.not.equal(englishFormula);
    expect(await page.locator('html').getAttribute('lang')).to.equal('fr');
    await screenshot(page, 'staff-dashboard-fr.png');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  it('tries a question against the live matcher', async () => {
    await page.goto(`${bot.url}/staff/try`);
    await page.locator('textarea[name=question]').fill('how do I reset my pasword');
    await page.getByRole('button', { name: 'Try it' }).click();
    await page.locator('.decision').waitFor();
    expect(await page.locator('.decision').textContent()).to.equal('Answers');
    expect(await page.locator('.match code').first().textContent()).to.equal('reset-password');
    expect(await page.locator('.threshold').count()).to.be.at.least(2);
    await screenshot(page, 'staff-try.png');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${bot.url}/staff/`);
    await page.locator('li.req').first().waitFor();
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).to.be.at.most(390);
    await screenshot(page, 'staff-inbox-mobile.png', false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('sent the CSRF header with every POST, and had no script, CSP or text errors', () => {
    const needing = watched.posts.filter((p) => p.url !== '/api/staff/login');
    expect(needing.length).to.be.at.least(3);
    expect(needing.filter((p) => !p.csrf)).to.deep.equal([]);
    expect(watched.problems).to.deep.equal([]);
  });

  it('signs out, and then the API refuses the page', async () => {
    await page.goto(`${bot.url}/staff/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/staff/me')).status);
    expect(status).to.equal(401);
    await page.reload();
    await page.locator('form.signin-card').waitFor();
  });

  it('shows a viewer the same pages without the buttons that change anything', async () => {
    await signIn(page, bot.url, PASSWORD, VIEWER);
    await page.locator('.topbar').waitFor();
    expect(await page.locator('.role').textContent()).to.equal('Read only');
    const row = page.locator('li.req', { hasText: reference });
    await row.locator('.req-summary').click();
    await row.getByText('Read only: your role cannot change requests.').waitFor();
    expect(await row.locator('select[name=status]').count()).to.equal(0);
    await page.goto(`${bot.url}/staff/unanswered`);
    await page.locator('li.group').first().waitFor();
    expect(await page.getByRole('button', { name: 'Add to an article' }).count()).to.equal(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('form.signin-card').waitFor();
  });

  // Last: the limit also counts this IP, so nobody could sign in from here afterwards.
  it('says when there were too many sign-in attempts', async () => {
    let seen = '';
    for (let attempt = 0; attempt < 8 && !/Too many attempts/.test(seen); attempt++) {
      await page.locator('input[name=email]').fill('someone@example.com');
      await page.locator('input[name=password]').fill(`wrong password ${attempt}`);
      await page.locator('form.signin-card button[type=submit]').click();
      await page.locator('.signin-message .alert').waitFor();
      await page.waitForFunction(() => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): { disabled: boolean } | null } }).document;
        return doc.querySelector('form.signin-card button[type=submit]')?.disabled === false;
      });
      seen = (await page.locator('.signin-message .alert').textContent()) ?? '';
    }
    expect(seen).to.match(/^Too many attempts\. Try again in \d+ min\.$/);
    await screenshot(page, 'staff-signin-429.png', false);
  });
});
