// The bundled knowledge base measured on paraphrases written apart from the articles
// (bench/data/bundled-paraphrases.yaml) and on out-of-scope questions (bundled-out-of-scope.yaml).
// Split: per article and language, the first 2 paraphrases are validation (they choose the bot's
// default thresholds), the rest are test; out-of-scope questions alternate validation / test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import { createMatcher } from '../knowledge/matcher.js';
import { chooseThresholds } from '../knowledge/matching/thresholds.js';
import { LANGS, type KnowledgeBase, type Lang } from '../knowledge/types.js';
import { round } from './measure.js';

const DATA = resolve(import.meta.dirname, 'data');
const VALIDATION_PER_ARTICLE = 2;

const Paraphrases = z.record(z.string(), z.object({ fr: z.array(z.string()).min(3), en: z.array(z.string()).min(3) }));
const OutOfScope = z.object({ fr: z.array(z.string()), en: z.array(z.string()) });

export interface Case {
  text: string;
  lang: Lang;
  id?: string;
}

export function bundledCases() {
  const paraphrases = Paraphrases.parse(parse(readFileSync(resolve(DATA, 'bundled-paraphrases.yaml'), 'utf8')));
  const oos = OutOfScope.parse(parse(readFileSync(resolve(DATA, 'bundled-out-of-scope.yaml'), 'utf8')));
  const val: Case[] = [];
  const test: Case[] = [];
  for (const [id, byLang] of Object.entries(paraphrases)) {
    for (const lang of LANGS) byLang[lang].forEach((text, i) => (i < VALIDATION_PER_ARTICLE ? val : test).push({ text, lang, id }));
  }
  const oosVal: Case[] = [];
  const oosTest: Case[] = [];
  for (const lang of LANGS) oos[lang].forEach((text, i) => (i % 2 === 0 ? oosVal : oosTest).push({ text, lang }));
  return { val, test, oosVal, oosTest };
}

/** The bot's default thresholds: chosen on the validation split with the matcher the bot uses. */
export function chooseBundledThresholds(kb: KnowledgeBase, cases = bundledCases()) {
  const probe = createMatcher(kb);
  // One match per question: its top article's two confidences (and whether it was right).
  const scored = (c: Case) => {
    const top = probe.match(c.text, { fallbackLanguage: 'fr' }).matches[0];
    return { score: top?.score ?? 0, answerScore: top?.answerScore ?? 0, correct: top?.id === c.id };
  };
  return chooseThresholds(cases.val.map(scored), cases.oosVal.map(scored));
}

export async function evaluateBundled() {
  const kb = await loadKnowledge(resolve(import.meta.dirname, '../knowledge'));
  const cases = bundledCases();
  const choice = chooseBundledThresholds(kb, cases);
  const matcher = createMatcher(kb, { answer: choice.answer, clarify: choice.clarify });

  const decisions = { answer: 0, clarify: 0, none: 0 };
  let correct = 0;
  let answered = 0;
  let answeredRight = 0;
  const perLang: Record<Lang, { n: number; ok: number }> = { fr: { n: 0, ok: 0 }, en: { n: 0, ok: 0 } };
  const misses: string[] = [];
  for (const c of cases.test) {
    const r = matcher.match(c.text, { fallbackLanguage: 'fr' });
    decisions[r.decision]++;
    const right = r.decision !== 'none' && r.matches[0]?.id === c.id;
    if (right) correct++;
    else misses.push(`${c.id} <- "${c.text}" (${r.decision} ${r.matches[0]?.id ?? '-'} ${r.matches[0]?.score ?? ''})`);
    if (r.decision === 'answer') {
      answered++;
      if (r.matches[0]?.id === c.id) answeredRight++;
    }
    perLang[c.lang].n++;
    if (right) perLang[c.lang].ok++;
  }
  let oosAnswered = 0;
  let oosRejected = 0;
  const oosNotRejected: string[] = [];
  for (const c of cases.oosTest) {
    const r = matcher.match(c.text, { fallbackLanguage: 'fr' });
    if (r.decision === 'none') oosRejected++;
    else oosNotRejected.push(`"${c.text}" (${r.decision} ${r.matches[0]?.id} ${r.matches[0]?.score})`);
    if (r.decision === 'answer') oosAnswered++;
  }

  const all = [...cases.val, ...cases.test];
  let languageRight = 0;
  for (const c of all) if (matcher.detectLanguage(c.text, c.lang === 'fr' ? 'en' : 'fr').lang === c.lang) languageRight++;

  return {
    bundled: {
      articles: kb.articles.length,
      testQuestions: cases.test.length,
      accuracy: round(correct / cases.test.length),
      accuracyFr: round(perLang.fr.ok / perLang.fr.n),
      accuracyEn: round(perLang.en.ok / perLang.en.n),
      decisions: `${decisions.answer}/${decisions.clarify}/${decisions.none}`,
      // Answered outright (no "did you mean"), and how many of those answers were right, counting
      // an out-of-scope question answered as a wrong answer.
      answeredShare: round(answered / cases.test.length),
      answerPrecision: round(answeredRight / Math.max(answered + oosAnswered, 1)),
      oosRecall: round(oosRejected / cases.oosTest.length),
      thresholds: { answer: round(choice.answer, 3), clarify: round(choice.clarify, 3) },
      misses,
      oosNotRejected,
    },
    // The fallback given is always the wrong language, so a guess never counts as right.
    language: { accuracy: round(languageRight / all.length), questions: all.length },
  };
}
