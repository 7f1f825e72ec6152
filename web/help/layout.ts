// The frame every help-centre page shares: the site's header and footer (site.css), the search
// box, the language switch to the same page in the other language, and the head a search engine
// reads (title, canonical, hreflang alternates). Pure: a page's parts in, HTML out.
import { LANGS, type Lang } from '../../knowledge/types.js';
import { escapeHtml as esc } from './markdown.js';
import { HELP_TEXTS } from './texts.js';

export interface Frame {
  lang: Lang;
  title: string;
  /** this page's path in each language (the same page, translated); absent: no alternate */
  paths: Partial<Record<Lang, string>>;
  /** absolute origin for canonical links, e.g. https://help.scriba.example ('' = relative) */
  origin: string;
  /** the search box's text */
  query?: string;
  /** no canonical and no indexing (search results, not-found pages) */
  noindex?: boolean;
  body: string;
}

export function searchForm(lang: Lang, query = '', id = 'help-q'): string {
  const t = HELP_TEXTS[lang];
  return `<form class="help-search" role="search" method="get" action="/help/${lang}/search">
      <label for="${id}" class="help-visually-hidden">${esc(t.searchLabel)}</label>
      <input id="${id}" type="search" name="q" value="${esc(query)}" placeholder="${esc(t.searchPlaceholder)}" maxlength="200" autocomplete="off">
      <button type="submit">${esc(t.searchButton)}</button>
    </form>`;
}

export function page(frame: Frame): string {
  const { lang } = frame;
  const t = HELP_TEXTS[lang];
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const own = frame.paths[lang];
  const alternates = LANGS.filter((l) => frame.paths[l]).map((l) => `<link rel="alternate" hreflang="${l}" href="${esc(frame.origin + frame.paths[l]!)}">`);
  // French is the site's default language: the version for a reader whose language is neither.
  if (frame.paths.fr) alternates.push(`<link rel="alternate" hreflang="x-default" href="${esc(frame.origin + frame.paths.fr)}">`);
  const head = [
    frame.noindex ? '<meta name="robots" content="noindex">' : own ? `<link rel="canonical" href="${esc(frame.origin + own)}">` : '',
    ...(frame.noindex ? [] : alternates),
  ].filter(Boolean);
  const switchTo = frame.paths[other];
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(frame.title)} · ${esc(t.helpCentre)} ${esc(t.siteName)}</title>
  ${head.join('\n  ')}
  <link rel="icon" href="/assets/avatar.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/assets/site.css">
  <link rel="stylesheet" href="/assets/help.css">
</head>
<body class="help-page">
  <header class="topbar">
    <a class="brand" href="/?locale=${lang}"><img src="/assets/avatar.svg" alt="" width="32" height="32"><span>${esc(t.siteName)}</span></a>
    <nav class="topnav" aria-label="${esc(t.siteName)}">
      <a href="/help/${lang}/" aria-current="page">${esc(t.helpCentre)}</a>
      <a href="/?locale=${lang}">${esc(t.askAssistant)}</a>
    </nav>
    ${switchTo ? `<a class="help-lang" href="${esc(switchTo)}" hreflang="${other}" lang="${other}">${esc(t.otherLanguage)}</a>` : ''}
  </header>
  <main class="help-main">
    <div class="help-bar">${searchForm(lang, frame.query)}</div>
    ${frame.body}
  </main>
  <footer class="footer"><p>${esc(t.footer)}</p></footer>
</body>
</html>
`;
}
