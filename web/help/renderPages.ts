// The help centre's pages as HTML: the index by category, an article, search results and "not
// found". Pure functions of the knowledge base's data; the routes (web/helpSite.ts) fetch and count.
import { articlePath } from '../../knowledge/articleLinks.js';
import type { Article, Lang } from '../../knowledge/types.js';
import { categoryOf, groupByCategory } from './categories.js';
import { page, searchForm } from './layout.js';
import { escapeHtml as esc, renderMarkdown } from './markdown.js';
import { relatedArticles } from './related.js';
import { HELP_TEXTS } from './texts.js';

type Listed = Pick<Article, 'id' | 'title' | 'tags'>;

const indexPath = (lang: Lang) => `/help/${lang}/`;

function articleList(articles: readonly Pick<Article, 'id' | 'title'>[], lang: Lang): string {
  return `<ul class="help-list">${articles.map((a) => `<li><a href="${articlePath(lang, a.id)}">${esc(a.title[lang])}</a></li>`).join('')}</ul>`;
}

/**
 * Where to turn when the article is not enough: the chat, and for level 2 a callback. From an
 * article, the chat opens on a request that already knows the article (chat.js, `contact=`).
 */
export function contactBlock(level: Article['level'], lang: Lang, articleId?: string): string {
  const t = HELP_TEXTS[lang];
  const chat = (kind?: 'callback') => `/?locale=${lang}${articleId ? `&amp;contact=${encodeURIComponent(articleId)}${kind ? `&amp;kind=${kind}` : ''}` : ''}`;
  return `<aside class="help-contact" aria-labelledby="help-contact-title">
      <h2 id="help-contact-title">${esc(t.contactTitle)}</h2>
      <p>${esc(t.contactText(level))}</p>
      <p class="help-actions"><a class="help-button" href="${chat()}">${esc(t.talkToHuman)}</a>${level === 2 ? ` <a class="help-button help-button--secondary" href="${chat('callback')}">${esc(t.callback)}</a>` : ''}</p>
    </aside>`;
}

export function renderIndex(articles: readonly Listed[], lang: Lang, origin = ''): string {
  const t = HELP_TEXTS[lang];
  const groups = groupByCategory(articles, lang)
    .map(({ category, articles: listed }) => `<section class="help-category" id="${category.id}"><h2>${esc(category.title[lang])}</h2>${articleList(listed, lang)}</section>`)
    .join('\n');
  return page({
    lang,
    title: t.indexTitle,
    paths: { fr: indexPath('fr'), en: indexPath('en') },
    origin,
    body: `<section class="help-hero"><h1>${esc(t.helpCentre)}</h1><p>${esc(t.indexLead)}</p></section>
    <div class="help-categories">${groups}</div>`,
  });
}

export interface ArticleView {
  article: Article;
  all: readonly Article[];
  lang: Lang;
  /** what the reader said on this page just before (after the feedback form's redirect) */
  feedback?: 'thanks' | 'missing';
  origin?: string;
}

export function renderArticle({ article, all, lang, feedback, origin = '' }: ArticleView): string {
  const t = HELP_TEXTS[lang];
  const category = categoryOf(article);
  const related = relatedArticles(article, all, lang);
  const path = articlePath(lang, article.id);
  const ask = feedback
    ? `<p class="help-thanks" role="status">${esc(feedback === 'missing' ? t.thanksMissing : t.thanks)}</p>`
    : `<form class="help-feedback-form" method="post" action="${path}/feedback">
        <p class="help-question">${esc(t.helpfulQuestion)}</p>
        <p class="help-actions"><button type="submit" name="helpful" value="yes">${esc(t.yes)}</button> <button type="submit" name="helpful" value="no">${esc(t.no)}</button></p>
        <details><summary>${esc(t.missingLabel)}</summary>
          <label for="help-missing" class="help-visually-hidden">${esc(t.missingLabel)}</label>
          <textarea id="help-missing" name="missing" rows="3" maxlength="1000"></textarea>
          <p class="help-actions"><button type="submit" name="helpful" value="no">${esc(t.send)}</button></p>
        </details>
      </form>`;
  return page({
    lang,
    title: article.title[lang],
    paths: { fr: articlePath('fr', article.id), en: articlePath('en', article.id) },
    origin,
    body: `<nav class="help-crumbs" aria-label="${esc(t.helpCentre)}"><a href="${indexPath(lang)}">${esc(t.backToIndex)}</a> › <a href="${indexPath(lang)}#${category.id}">${esc(category.title[lang])}</a></nav>
    <div class="help-article-layout">
      <article class="help-article">
        <h1>${esc(article.title[lang])}</h1>
        <div class="help-body">${renderMarkdown(article.answer[lang])}</div>
        <section class="help-feedback" id="feedback" aria-label="${esc(t.helpfulQuestion)}">${ask}</section>
      </article>
      <div class="help-side">
        ${related.length ? `<nav class="help-related" aria-labelledby="help-related-title"><h2 id="help-related-title">${esc(t.related)}</h2>${articleList(related, lang)}</nav>` : ''}
        ${contactBlock(article.level, lang, article.id)}
      </div>
    </div>`,
  });
}

export type SearchOutcome =
  | { kind: 'empty' }
  | { kind: 'found'; articles: Listed[] }
  | { kind: 'did-you-mean'; articles: Listed[] }
  | { kind: 'nothing' };

export function renderSearch(query: string, outcome: SearchOutcome, lang: Lang, origin = ''): string {
  const t = HELP_TEXTS[lang];
  const q = query.trim();
  let body: string;
  if (outcome.kind === 'empty') body = `<p>${esc(t.emptySearch)}</p>`;
  else if (outcome.kind === 'found') body = `<h1>${esc(t.resultsFor(q, outcome.articles.length))}</h1>${articleList(outcome.articles, lang)}`;
  else if (outcome.kind === 'did-you-mean') body = `<h1>${esc(t.didYouMean)}</h1>${articleList(outcome.articles, lang)}`;
  else body = `<h1>${esc(t.nothingFound(q))}</h1><p>${esc(t.nothingFoundHelp)}</p><p class="help-actions"><a class="help-button" href="/?locale=${lang}">${esc(t.askAssistant)}</a></p>${contactBlock(1, lang)}`;
  const search = (l: Lang) => `/help/${l}/search?q=${encodeURIComponent(q)}`;
  return page({ lang, title: q ? t.searchTitle(q) : t.searchButton, paths: { fr: search('fr'), en: search('en') }, origin, query: q, noindex: true, body: `<section class="help-results">${body}</section>` });
}

/** A short page that only says something (no such article, too many searches), with the way back. */
function noticePage(lang: Lang, origin: string, title: string, inner: string): string {
  return page({
    lang,
    title,
    paths: { fr: indexPath('fr'), en: indexPath('en') },
    origin,
    noindex: true,
    body: `<section class="help-results"><h1>${esc(title)}</h1>${inner}<p><a href="${indexPath(lang)}">${esc(HELP_TEXTS[lang].backToIndex)}</a></p></section>`,
  });
}

/** A search or an answer refused by the traffic limit: when to try again, and the assistant meanwhile. */
export function renderTooMany(lang: Lang, seconds: number, origin = ''): string {
  const t = HELP_TEXTS[lang];
  return noticePage(lang, origin, t.tooManyTitle, `<p>${esc(t.tooManyText(seconds))}</p><p class="help-actions"><a class="help-button" href="/?locale=${lang}">${esc(t.askAssistant)}</a></p>`);
}

export function renderNotFound(lang: Lang, origin = ''): string {
  const t = HELP_TEXTS[lang];
  return noticePage(lang, origin, t.notFoundTitle, `<p>${esc(t.notFoundText)}</p>${searchForm(lang, '', 'help-q-again')}`);
}
