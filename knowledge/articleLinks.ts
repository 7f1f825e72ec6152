// Links from one article to another: the help centre's pages /help/{fr|en}/{id}. A link to an id
// no article has would send a customer to a "not found" page, so the knowledge check reports it
// with its file and line, like an unknown 'related' id.
import type { Problem } from './problems.js';
import type { Lang } from './types.js';

/** The path of an article's page on the help centre. */
export const articlePath = (lang: Lang, id: string): string => `/help/${lang}/${id}`;

// A Markdown link target on this site's help pages; the old absolute form is read too, so a
// pasted link from the former help site is checked the same way.
const ARTICLE_LINK = /\]\(\s*<?(?:https:\/\/help\.scriba\.example)?\/(?:help\/)?(fr|en)\/(?:articles\/)?([a-z0-9]+(?:-[a-z0-9]+)*)\/?(?:#[^\s)>]*)?>?(?:\s+"[^"]*")?\)/g;

export interface ArticleLink {
  lang: Lang;
  id: string;
  /** 1-based line in the text */
  line: number;
}

/** Every link to an article page in a file's text (front matter and answers). */
export function articleLinks(text: string): ArticleLink[] {
  const links: ArticleLink[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(ARTICLE_LINK)) links.push({ lang: m[1] as Lang, id: m[2]!, line: i + 1 });
  });
  return links;
}

/** A problem per link to an article id that is not in `knownIds`. */
export function deadArticleLinks(file: string, text: string, knownIds: ReadonlySet<string>): Problem[] {
  return articleLinks(text)
    .filter((link) => !knownIds.has(link.id))
    .map((link) => ({ file, line: link.line, message: `the link ${articlePath(link.lang, link.id)} names unknown article '${link.id}'` }));
}
