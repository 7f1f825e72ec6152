// The articles a page suggests next: the ones its writer named (front matter 'related', then the
// links in its answer), then the ones sharing most tags with it; never itself, never twice.
import { articleLinks } from '../../knowledge/articleLinks.js';
import type { Article, Lang } from '../../knowledge/types.js';

export const MAX_RELATED = 5;

export function relatedArticles(article: Article, all: readonly Article[], lang: Lang, max = MAX_RELATED): Article[] {
  const byId = new Map(all.map((a) => [a.id, a]));
  const named = [...article.related, ...articleLinks(article.answer[lang]).map((l) => l.id)];
  const shared = (other: Article) => other.tags.filter((t) => article.tags.includes(t)).length;
  const byTags = all
    .filter((other) => shared(other) > 0)
    .sort((a, b) => shared(b) - shared(a) || (a.id < b.id ? -1 : 1))
    .map((a) => a.id);
  const ids = [...new Set([...named, ...byTags])].filter((id) => id !== article.id && byId.has(id));
  return ids.slice(0, max).map((id) => byId.get(id)!);
}
