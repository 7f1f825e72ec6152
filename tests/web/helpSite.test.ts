import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { mountHelpPages } from '../../web/helpSite.js';
import { createLowdbStore, type HelpdeskStore } from '../../tickets/helpdeskStore.js';
import type { KnowledgeBase } from '../../knowledge/types.js';
import { bundled } from '../helpers/bundledKb.js';
import { tempDir } from './helpers.js';
import { createTrafficLimiter, DEFAULT_TRAFFIC_LIMITS } from '../../bot/trafficLimits.js';

describe('the help centre over HTTP', () => {
  let url = '';
  let server: restify.Server;
  let store: HelpdeskStore;
  let current: KnowledgeBase;

  before(async () => {
    const { kb, matcher } = await bundled();
    current = kb;
    store = createLowdbStore({ dataDir: await tempDir() });
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ maxBodySize: 64 * 1024, mapParams: false }));
    mountHelpPages(server, { live: { kb: () => current, matcher }, store, origin: 'https://help.scriba.example', log: () => undefined });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string) => fetch(url + path, { redirect: 'manual' });

  it('shows the index by category in each language, with the search box', async () => {
    for (const [lang, title] of [['fr', 'Compte et sécurité'], ['en', 'Account and security']] as const) {
      const res = await get(`/help/${lang}/`);
      expect(res.status).to.equal(200);
      const page = await res.text();
      expect(page).to.include(`<html lang="${lang}">`).and.include(title).and.include(`action="/help/${lang}/search"`);
      expect(page).to.include(`href="/help/${lang}/reset-password"`);
    }
  });

  it('shows an article with its title, canonical and hreflang links, related articles, contact and the feedback form, and counts the view', async () => {
    const before = (await store.listAnswersShown()).length;
    const res = await get('/help/fr/reset-password');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-security-policy')).to.include("script-src 'none'").and.include("form-action 'self'");
    const page = await res.text();
    expect(page).to.match(/<title>Réinitialiser votre mot de passe · /);
    expect(page).to.include('<link rel="canonical" href="https://help.scriba.example/help/fr/reset-password">');
    expect(page).to.include('<link rel="alternate" hreflang="en" href="https://help.scriba.example/help/en/reset-password">');
    expect(page).to.include('<link rel="alternate" hreflang="x-default" href="https://help.scriba.example/help/fr/reset-password">');
    expect(page).to.include('href="/help/en/reset-password"'); // the language switch
    expect(page).to.include('Articles liés').and.include('Parler à un conseiller').and.include('Cet article vous a-t-il aidé ?');
    const shown = await store.listAnswersShown();
    expect(shown).to.have.length(before + 1);
    expect(shown.at(-1)).to.deep.include({ articleId: 'reset-password', source: 'help-page', language: 'fr' });
  });

  it('offers a callback on a level-2 article only', async () => {
    const { kb } = await bundled();
    const level2 = kb.articles.find((a) => a.level === 2)!;
    expect(await (await get(`/help/en/${level2.id}`)).text()).to.include('Request a callback');
    expect(await (await get('/help/en/reset-password')).text()).to.not.include('Request a callback');
  });

  it('answers 404 with a search box for an unknown article or language', async () => {
    const res = await get('/help/en/no-such-article');
    expect(res.status).to.equal(404);
    expect(await res.text()).to.include('Article not found').and.include('name="q"');
    expect((await get('/help/de/reset-password')).status).to.equal(404);
  });

  it('keeps "was this article helpful?" in the store, then says thanks without counting a second view', async () => {
    const views = (await store.listAnswersShown()).length;
    const res = await fetch(`${url}/help/en/install/feedback`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'helpful=no&missing=the+Mac+version' });
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal('/help/en/install?feedback=missing#feedback');
    const feedback = (await store.listFeedback()).at(-1);
    expect(feedback).to.deep.include({ articleId: 'install', helpful: false, missing: 'the Mac version', source: 'help-page', language: 'en' });
    expect(await (await get('/help/en/install?feedback=missing')).text()).to.include('we will improve this article');
    expect(await store.listAnswersShown()).to.have.length(views);
    const bad = await fetch(`${url}/help/en/install/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'helpful=maybe' });
    expect(bad.status).to.equal(400);
  });

  const searches = [
    { lang: 'fr', q: 'mot de pase oublie', shows: 'href="/help/fr/reset-password"' },
    { lang: 'en', q: 'forgot my pasword', shows: 'href="/help/en/reset-password"' },
    { lang: 'en', q: 'mot de passe oublié', shows: 'href="/help/en/reset-password"' }, // French typed on the English pages
  ];
  for (const { lang, q, shows } of searches) {
    it(`finds the article for "${q}" on the ${lang} pages`, async () => {
      const res = await get(`/help/${lang}/search?q=${encodeURIComponent(q)}`);
      expect(res.status).to.equal(200);
      expect(await res.text()).to.include(shows);
    });
  }

  it('offers the assistant for a search that finds nothing, and records it for staff', async () => {
    const page = await (await get('/help/fr/search?q=recette+des+crêpes+bretonnes')).text();
    expect(page).to.include('Aucun article ne répond').and.include('Poser la question à l&#39;assistant').and.include('Parler à un conseiller');
    expect((await store.listUnanswered()).at(-1)).to.deep.include({ question: 'recette des crêpes bretonnes', kind: 'none', source: 'help-page' });
  });

  it("sends a search without a language to the pages of the language it is typed in", async () => {
    expect((await get('/help/search?q=mot+de+passe+oubli%C3%A9')).headers.get('location')).to.equal('/help/fr/search?q=mot%20de%20passe%20oubli%C3%A9');
    const res = await fetch(`${url}/help/search?q=forgot+my+password`, { redirect: 'manual', headers: { 'Accept-Language': 'fr-FR' } });
    expect(res.headers.get('location')).to.equal('/help/en/search?q=forgot%20my%20password');
  });

  it('serves its stylesheet', async () => {
    const res = await get('/assets/help.css');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.include('text/css');
  });

  it("shows the live knowledge base: a staff edit is on the page at the next request", async () => {
    const bundledKb = current;
    try {
      current = { ...bundledKb, articles: bundledKb.articles.map((a) => (a.id === 'install' ? { ...a, answer: { ...a.answer, en: 'Edited by staff: run **setup.exe**.' } } : a)) };
      expect(await (await get('/help/en/install')).text()).to.include('Edited by staff: run <strong>setup.exe</strong>.');
    } finally {
      current = bundledKb;
    }
  });

  it('escapes the query it shows back', async () => {
    const page = await (await get('/help/en/search?q=%3Cscript%3Ealert(1)%3C/script%3E')).text();
    expect(page).to.not.include('<script>alert(1)</script>');
    expect(page).to.include('&lt;script&gt;');
  });
});

describe('the help centre under a flood of searches', () => {
  it('answers a search past the limit with 429, when to try again in the page\'s language, and keeps nothing', async () => {
    const { kb, matcher } = await bundled();
    const store = createLowdbStore({ dataDir: await tempDir() });
    const server = restify.createServer();
    server.use(restify.plugins.bodyParser({ maxBodySize: 64 * 1024, mapParams: false }));
    mountHelpPages(server, { live: { kb: () => kb, matcher }, store, limits: createTrafficLimiter({ ...DEFAULT_TRAFFIC_LIMITS, helpPerMinute: 3 }), log: () => undefined });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < 3; i++) expect((await fetch(`${url}/help/fr/search?q=zzqx+introuvable+${i}`)).status).to.equal(200);
      const refused = await fetch(`${url}/help/fr/search?q=zzqx+introuvable+4`);
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
      expect(await refused.text()).to.include('Beaucoup de recherches viennent de votre connexion');
      expect((await store.listUnanswered()).map((r) => r.question)).to.not.include('zzqx introuvable 4');
      const feedback = await fetch(`${url}/help/en/reset-password/feedback`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'helpful=yes', redirect: 'manual' });
      expect(feedback.status).to.equal(429);
      expect(await feedback.text()).to.include('Many searches are coming from your connection');
      expect((await fetch(`${url}/help/fr/reset-password`)).status, 'reading goes on').to.equal(200);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
