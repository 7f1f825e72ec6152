import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Article } from '../../knowledge/types.js';
import { categoryOf } from '../../web/help/categories.js';
import { MARKDOWN_OPTIONS, renderMarkdown, SANITIZE_OPTIONS } from '../../web/help/markdown.js';
import { relatedArticles } from '../../web/help/related.js';
import { contactBlock, renderArticle } from '../../web/help/renderPages.js';
import { searchOutcome } from '../../web/help/search.js';
import { packageFile } from '../../web/staticFiles.js';

const article = (id: string, over: Partial<Article> = {}): Article => ({
  id,
  level: 1,
  tags: ['account'],
  related: [],
  title: { fr: `Titre ${id}`, en: `Title ${id}` },
  questions: { fr: ['q'], en: ['q'] },
  answer: { fr: `Réponse ${id}`, en: `Answer ${id}` },
  file: `knowledge/articles/${id}.md`,
  ...over,
});

describe("the help centre's Markdown, as the chat renders it", () => {
  const cases: { markdown: string; has: string[]; hasNot: string[] }[] = [
    { markdown: 'Cliquez sur **Mot de passe oublié**.', has: ['<strong>Mot de passe oublié</strong>'], hasNot: [] },
    { markdown: '<script>alert(1)</script>Bonjour', has: ['Bonjour'], hasNot: ['<script', 'alert(1)</'] },
    { markdown: '<img src=x onerror="alert(1)">', has: [], hasNot: ['onerror'] },
    { markdown: '[cliquez](javascript:alert(1))', has: [], hasNot: ['href="javascript:'] },
    { markdown: 'voir [Installer](/help/fr/install)', has: ['<a href="/help/fr/install">Installer</a>'], hasNot: ['target='] },
    { markdown: "l'espace [client](https://account.scriba.example)", has: ['href="https://account.scriba.example"', 'rel="noopener noreferrer"', 'target="_blank"'], hasNot: [] },
    { markdown: '| Version | Date |\n|---|---|\n| 12.4 | 2026 |', has: ['<table>', '<th>Version</th>'], hasNot: [] },
    { markdown: '<div style="position:fixed" onclick="x()">a</div>', has: ['<div>a</div>'], hasNot: ['style=', 'onclick'] },
  ];
  for (const { markdown, has, hasNot } of cases) {
    it(`renders ${JSON.stringify(markdown)}`, () => {
      const html = renderMarkdown(markdown);
      for (const part of has) expect(html).to.include(part);
      for (const part of hasNot) expect(html).to.not.include(part);
    });
  }

  it("uses Web Chat's own options and allow-list (checked against the installed Web Chat)", () => {
    const source = readFileSync(packageFile('botframework-webchat', 'lib/markdown/renderMarkdown.js'), 'utf8');
    const tags = /allowedTags: \[([^\]]*)\]/.exec(source)![1]!.match(/'([^']+)'/g)!.map((s) => s.slice(1, -1));
    expect(tags).to.deep.equal(SANITIZE_OPTIONS.allowedTags);
    const schemes = /allowedSchemes: \[([^\]]*)\]/.exec(source)![1]!.match(/'([^']+)'/g)!.map((s) => s.slice(1, -1));
    expect(schemes).to.deep.equal(SANITIZE_OPTIONS.allowedSchemes);
    expect(source).to.match(/breaks: false,\s*html: [^\n]*: true,\s*linkify: true,\s*typographer: true,\s*xhtmlOut: true/);
    expect(MARKDOWN_OPTIONS).to.deep.equal({ breaks: false, html: true, linkify: true, typographer: true, xhtmlOut: true });
  });

  it('never lets a <script> of an article reach its page', () => {
    const page = renderArticle({ article: article('x', { answer: { fr: 'Avant <script>document.cookie</script> après', en: 'x' } }), all: [], lang: 'fr' });
    expect(page).to.not.match(/<script/i);
    expect(page).to.include('Avant');
  });
});

describe('categories from tags', () => {
  const cases: { tags: string[]; category: string }[] = [
    { tags: ['account', 'password', 'sign-in'], category: 'account' },
    { tags: ['licence', 'activation', 'seats', 'account'], category: 'billing' }, // the first tag that names one wins
    { tags: ['sign-in', 'login', 'licence'], category: 'account' },
    { tags: ['database', 'sql-server'], category: 'data' },
    { tags: ['support', 'contact'], category: 'other' },
  ];
  for (const { tags, category } of cases) {
    it(`puts [${tags.join(', ')}] under ${category}`, () => expect(categoryOf({ tags }).id).to.equal(category));
  }
});

describe('related articles', () => {
  const all = [
    article('reset-password', { tags: ['account', 'password'], related: ['two-factor-auth'], answer: { fr: 'voir [connexion](/help/fr/login-problem)', en: 'x' } }),
    article('two-factor-auth', { tags: ['security'] }),
    article('login-problem', { tags: ['sign-in'] }),
    article('create-user', { tags: ['account'] }),
    article('locked', { tags: ['account', 'password'] }),
    article('install', { tags: ['installation'] }),
  ];
  it("lists the writer's related ids, then its links, then the articles sharing most tags; never itself", () => {
    expect(relatedArticles(all[0]!, all, 'fr').map((a) => a.id)).to.deep.equal(['two-factor-auth', 'login-problem', 'locked', 'create-user']);
  });
  it('stops at the limit', () => expect(relatedArticles(all[0]!, all, 'fr', 2)).to.have.length(2));
});

describe("the search's outcome from the matcher's decision", () => {
  const thresholds = { answer: 0.7, clarify: 0.3 };
  const byId = (id: string) => article(id);
  const match = (decision: 'answer' | 'clarify' | 'none', scores: number[], reason?: 'empty' | 'low-confidence') => ({
    question: 'q', language: 'fr' as const, languageReliable: true, decision, ...(reason ? { reason } : {}),
    matches: scores.map((score, i) => ({ id: `a${i}`, title: `a${i}`, score, answerScore: score })),
  });
  const cases = [
    { name: 'an answer lists the top article and the plausible others', result: match('answer', [0.9, 0.4, 0.1]), expected: 'found:a0,a1' },
    { name: 'a clarification is a "did you mean"', result: match('clarify', [0.5, 0.35, 0.2]), expected: 'did-you-mean:a0,a1' },
    { name: 'nothing matched is nothing', result: match('none', [0.1], 'low-confidence'), expected: 'nothing:' },
    { name: 'an empty query asks for words, and is not recorded', result: match('none', [], 'empty'), expected: 'empty:' },
  ];
  for (const { name, result, expected } of cases) {
    it(name, () => {
      const outcome = searchOutcome(result, thresholds, byId);
      expect(`${outcome.kind}:${'articles' in outcome ? outcome.articles.map((a) => a.id).join(',') : ''}`).to.equal(expected);
    });
  }
});

describe('the contact box of an article', () => {
  it('opens the chat on a request about the article; a level-2 article also offers a callback', () => {
    const box = contactBlock(2, 'fr', 'export-datev');
    expect(box).to.include('href="/?locale=fr&amp;contact=export-datev"').and.include('href="/?locale=fr&amp;contact=export-datev&amp;kind=callback"');
    expect(contactBlock(1, 'en')).to.include('href="/?locale=en"').and.not.include('contact=');
  });
});
