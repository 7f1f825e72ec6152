// Wordings are grouped by their stems, one language at a time, so the same question asked in French
// and in English made two groups. The article a group's question is about says it is the same
// question: groups the matcher is sure are about one article become one group, whatever their
// language ("mot de passe oublié impossible de me connecter" with "forgot my password cant log in",
// languages [fr, en]), and staff see how often it is really asked.
import type { MatchedArticle } from '../knowledge/matcher.js';
import type { Thresholds } from '../knowledge/matching/thresholds.js';
import { LANGS, type Lang } from '../knowledge/types.js';
import type { UnansweredGroup } from './unansweredGroups.js';

/**
 * The article a wording is about: the matcher's first, when it is as sure of it as of an answer
 * given outright. Its `score`, not its `answerScore`: that one also asks the article to know every
 * word, and an unanswered wording often has words no article has ("impossible de me connecter").
 */
export function confidentArticle(matches: readonly Pick<MatchedArticle, 'id' | 'score'>[], thresholds: Pick<Thresholds, 'answer'>): string | undefined {
  const top = matches[0];
  return top && top.score >= thresholds.answer ? top.id : undefined;
}

/**
 * One group per article, for the groups whose question `articleOf` places (asked in the group's
 * first language: the matcher still detects the wording's own). The biggest group of an article
 * lends the merged one its key and question; its wordings come first.
 */
export function mergeByArticle(groups: readonly UnansweredGroup[], articleOf: (question: string, lang: Lang) => string | undefined): UnansweredGroup[] {
  const out: UnansweredGroup[] = [];
  const byArticle = new Map<string, number>();
  const biggestFirst = [...groups].sort((a, b) => b.count - a.count);
  for (const group of biggestFirst) {
    const article = articleOf(group.question, group.languages[0] ?? 'fr');
    const at = article === undefined ? undefined : byArticle.get(article);
    if (at === undefined) {
      if (article !== undefined) byArticle.set(article, out.length);
      out.push(group);
      continue;
    }
    out[at] = merged(out[at]!, group);
  }
  return out.sort((x, y) => y.count - x.count || Date.parse(y.lastSeen) - Date.parse(x.lastSeen));
}

function merged(into: UnansweredGroup, other: UnansweredGroup): UnansweredGroup {
  const seen = new Set(into.questions.map((q) => q.toLowerCase()));
  const kinds = { ...into.kinds };
  for (const kind of Object.keys(kinds) as Array<keyof typeof kinds>) kinds[kind] += other.kinds[kind];
  return {
    ...into,
    questions: [...into.questions, ...other.questions.filter((q) => !seen.has(q.toLowerCase()))],
    count: into.count + other.count,
    lastSeen: Date.parse(other.lastSeen) > Date.parse(into.lastSeen) ? other.lastSeen : into.lastSeen,
    languages: LANGS.filter((l) => into.languages.includes(l) || other.languages.includes(l)),
    kinds,
  };
}
