// The article picker's search box: fuse.js over ids, titles and example questions, rebuilt only
// when the live knowledge base changes (a reload gives a new KnowledgeBase object).
import Fuse from 'fuse.js';
import type { Article, KnowledgeBase, Lang } from '../knowledge/types.js';
import type { ArticleListing } from '../web/apiTypes.js';

export type { ArticleListing };

const indexes = new WeakMap<KnowledgeBase, Map<string, Fuse<Article>>>();

function indexFor(kb: KnowledgeBase, lang: Lang | undefined): Fuse<Article> {
  const perLang = indexes.get(kb) ?? new Map<string, Fuse<Article>>();
  indexes.set(kb, perLang);
  const name = lang ?? 'both';
  let fuse = perLang.get(name);
  if (!fuse) {
    const langs: Lang[] = lang ? [lang] : ['fr', 'en'];
    fuse = new Fuse(kb.articles, {
      keys: [
        { name: 'id', weight: 2 },
        ...langs.map((l) => ({ name: ['title', l], weight: 2 })),
        ...langs.map((l) => ({ name: ['questions', l], weight: 1 })),
      ],
      // Without token search a multi-word query with a typo finds nothing (STACK-NOTES.md).
      useTokenSearch: true,
      ignoreDiacritics: true,
      ignoreLocation: true,
      threshold: 0.4,
    });
    perLang.set(name, fuse);
  }
  return fuse;
}

export function searchArticles(kb: KnowledgeBase, q: string | undefined, lang?: Lang): ArticleListing[] {
  const text = q?.trim() ?? '';
  const found = text === '' ? [...kb.articles].sort((a, b) => (a.id < b.id ? -1 : 1)) : indexFor(kb, lang).search(text).map((r) => r.item);
  return found.map((a) => ({
    id: a.id,
    title: { fr: a.title.fr, en: a.title.en },
    level: a.level,
    questions: lang ? a.questions[lang].length : a.questions.fr.length + a.questions.en.length,
  }));
}
