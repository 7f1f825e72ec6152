// The help centre's categories, from the articles' tags: an article belongs to the category of its
// first tag that one names (writers put the main subject first), else to "other topics". A short
// fixed list, so the index stays readable with 150 tags mostly used once.
import type { Article, Bilingual } from '../../knowledge/types.js';

export interface Category {
  id: string;
  title: Bilingual<string>;
  tags: readonly string[];
}

export const CATEGORIES: readonly Category[] = [
  { id: 'account', title: { fr: 'Compte et sécurité', en: 'Account and security' }, tags: ['account', 'sign-in', 'password', 'users', 'permissions', 'security', 'gdpr'] },
  { id: 'installation', title: { fr: 'Installation et mises à jour', en: 'Installation and updates' }, tags: ['installation', 'update', 'uninstall', 'migration', 'start-up', 'terminal-server', 'language', 'mobile'] },
  { id: 'billing', title: { fr: 'Licences et facturation', en: 'Licences and billing' }, tags: ['licence', 'billing', 'subscription', 'pricing'] },
  { id: 'documents', title: { fr: 'Documents et automatisation', en: 'Documents and automation' }, tags: ['scanning', 'import', 'search', 'metadata', 'versions', 'sharing', 'folders', 'email', 'ocr', 'recycle-bin', 'classification', 'workflow', 'accounting', 'api', 'regex'] },
  { id: 'data', title: { fr: 'Données et serveurs', en: 'Data and servers' }, tags: ['database', 'backup', 'storage', 'nas', 'performance'] },
];

export const OTHER: Category = { id: 'other', title: { fr: 'Autres sujets', en: 'Other topics' }, tags: [] };

export function categoryOf(article: Pick<Article, 'tags'>): Category {
  for (const tag of article.tags) {
    const found = CATEGORIES.find((c) => c.tags.includes(tag));
    if (found) return found;
  }
  return OTHER;
}

/** The categories that have articles, in the list's order, each with its articles by title. */
export function groupByCategory<A extends Pick<Article, 'tags' | 'title'>>(articles: readonly A[], lang: 'fr' | 'en'): Array<{ category: Category; articles: A[] }> {
  return [...CATEGORIES, OTHER]
    .map((category) => ({ category, articles: articles.filter((a) => categoryOf(a) === category).sort((a, b) => a.title[lang].localeCompare(b.title[lang], lang)) }))
    .filter((group) => group.articles.length > 0);
}
