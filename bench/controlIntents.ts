// The control-intent classifier measured: its threshold chosen on a validation split of the training
// phrasings (never on the held-out set), then accuracy on held-out phrasings written by someone else
// (bench/data/control-heldout.yaml), and how often a knowledge question is taken for a command.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { buttonMeanings } from '../dialogs/conversation.js';
import { CONTROL_INTENTS, createControlClassifier, QUESTION, type ControlClassifier, type ControlLabel, type Phrasings } from '../dialogs/understand/controlIntents.js';
import { startLanguage } from '../dialogs/understand/language.js';
import { understand } from '../dialogs/understand/turn.js';
import { trainingTexts, type Matcher } from '../knowledge/matcher.js';
import { LANGS, type KnowledgeBase, type Lang } from '../knowledge/types.js';
import { bundledCases } from './bundled.js';
import { CONVERSATION_NOW } from './conversationRunner.js';
import { round } from './measure.js';

const DATA = resolve(import.meta.dirname, 'data');
/** Every fifth phrasing (and KB question) is validation when choosing the threshold. */
const VALIDATION_EVERY = 5;

interface Case {
  text: string;
  lang: Lang;
  label: ControlLabel;
}

const NotCommands = z.object({ names: z.array(z.string()), noise: z.array(z.coerce.string()) });

/** Names and keyboard noise: validation messages that must not read as commands. */
export function notCommands(): string[] {
  const data = NotCommands.parse(parse(readFileSync(resolve(DATA, 'not-commands.yaml'), 'utf8')));
  return [...data.names, ...data.noise];
}

export function chooseControlThreshold(phrasings: Phrasings, kb: KnowledgeBase): { threshold: number; accuracy: number; falseCommands: number } {
  const isVal = (i: number) => i % VALIDATION_EVERY === 2;
  const train = {} as Phrasings;
  const val: Case[] = [];
  for (const lang of LANGS) {
    train[lang] = {} as Phrasings[Lang];
    for (const [label, list] of Object.entries(phrasings[lang]) as Array<[ControlLabel, string[]]>) {
      train[lang][label] = list.filter((_, i) => !isVal(i));
      list.forEach((text, i) => isVal(i) && val.push({ text, lang, label }));
    }
  }
  const questions = trainingTexts(kb);
  const probe = createControlClassifier(train, { questions: questions.filter((_, i) => !isVal(i)), threshold: 0 });
  const others = notCommands();
  const kbVal = [...questions.filter((_, i) => isVal(i)), ...others.flatMap((text) => LANGS.map((lang) => ({ text, lang })))];
  const top = (text: string, lang: Lang) => probe.classify(text, lang).ranked[0];
  const scored = val.map((c) => ({ c, top: top(c.text, c.lang) }));
  const kbScores = kbVal.map((q) => top(q.text, q.lang)).map((t) => (t && t.label !== QUESTION ? t.score : 0));
  let best = { threshold: 0, accuracy: 0, falseCommands: 1, overall: -1 };
  for (let t = 0.05; t <= 0.951; t += 0.05) {
    const threshold = Math.round(t * 100) / 100;
    const right = scored.filter(({ c, top: x }) => (x && x.label !== QUESTION && x.score >= threshold ? x.label : QUESTION) === c.label).length;
    const wrongCommands = kbScores.filter((s) => s >= threshold).length;
    const overall = (right + kbScores.length - wrongCommands) / (scored.length + kbScores.length);
    if (overall > best.overall + 1e-12) best = { threshold, accuracy: right / scored.length, falseCommands: wrongCommands / kbScores.length, overall };
  }
  return { threshold: best.threshold, accuracy: round(best.accuracy, 4), falseCommands: round(best.falseCommands, 4) };
}

const HeldOut = z.record(z.enum(['fr', 'en']), z.record(z.string(), z.array(z.string())));

export function heldOutPhrasings(): Case[] {
  const data = HeldOut.parse(parse(readFileSync(resolve(DATA, 'control-heldout.yaml'), 'utf8')));
  const out: Case[] = [];
  for (const lang of LANGS) for (const [label, list] of Object.entries(data[lang] ?? {})) for (const text of list) out.push({ text, lang, label: label as ControlLabel });
  return out;
}

/** What the bot's turn understanding (classifier, knowledge veto, labels) makes of a message on its own. */
function intentOf(text: string, lang: Lang, matcher: Matcher, control: ControlClassifier): ControlLabel {
  const { understanding } = understand(text, { language: { ...startLanguage(undefined, lang), settled: true }, offered: [] }, {
    matcher,
    control,
    now: () => CONVERSATION_NOW,
    timeZone: 'Europe/Paris',
    labels: buttonMeanings(),
  });
  return understanding.intent ?? QUESTION;
}

export function evaluateControl(matcher: Matcher, control: ControlClassifier) {
  const cases = heldOutPhrasings();
  const commands = cases.filter((c) => c.label !== QUESTION);
  const byIntent: Record<string, { n: number; right: number }> = {};
  const confusions: Record<string, number> = {};
  let right = 0;
  for (const c of commands) {
    const got = intentOf(c.text, c.lang, matcher, control);
    const cell = (byIntent[c.label] ??= { n: 0, right: 0 });
    cell.n++;
    if (got === c.label) {
      right++;
      cell.right++;
    } else confusions[`${c.label} → ${got}`] = (confusions[`${c.label} → ${got}`] ?? 0) + 1;
  }
  // Knowledge questions: the held-out ones (many with command words) and the bundled KB's paraphrases,
  // except those of the article about contacting support, whose questions are requests for a person.
  const heldOutQuestions = cases.filter((c) => c.label === QUESTION);
  const paraphrases = [...bundledCases().val, ...bundledCases().test].filter((c) => c.id !== 'contact-support');
  const asCommand = (list: Array<{ text: string; lang: Lang }>) => list.filter((q) => intentOf(q.text, q.lang, matcher, control) !== QUESTION).length;
  const heldOutFalse = asCommand(heldOutQuestions);
  const paraphraseFalse = asCommand(paraphrases);
  return {
    accuracy: round(right / commands.length, 4),
    phrasings: commands.length,
    perIntent: Object.fromEntries(CONTROL_INTENTS.map((i) => [i, byIntent[i] ? round(byIntent[i].right / byIntent[i].n, 3) : null])),
    topConfusions: Object.entries(confusions).sort((a, b) => b[1] - a[1]).slice(0, 12),
    questionsAsCommands: {
      heldOut: round(heldOutFalse / heldOutQuestions.length, 4),
      heldOutCount: heldOutQuestions.length,
      paraphrases: round(paraphraseFalse / paraphrases.length, 4),
      paraphraseCount: paraphrases.length,
    },
  };
}
