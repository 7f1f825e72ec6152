// Turns a confidence into a decision, and chooses the two thresholds from a validation split
// (never by hand, never on the test split).

export type Decision = 'answer' | 'clarify' | 'none';

export interface Thresholds {
  /** at or above: answer with the top article */
  answer: number;
  /** at or above (and below `answer`): ask "did you mean…"; below: out of scope */
  clarify: number;
}

/**
 * `confidence`: how plausible the top label is ("did you mean" needs no more); `answerConfidence`:
 * whether it can be given outright, which also asks that the label know what was asked (never above
 * `confidence`).
 */
export function decide(confidence: number, t: Thresholds, answerConfidence = confidence): Decision {
  if (answerConfidence >= t.answer) return 'answer';
  if (confidence >= t.clarify) return 'clarify';
  return 'none';
}

/** One validation question: its top confidence (and answer confidence) and whether the top label was right. */
export interface Scored {
  score: number;
  /** the confidence `decide` compares with `answer` (default: `score`) */
  answerScore?: number;
  correct: boolean;
}

/** An out-of-scope validation question: its top confidence, or both confidences. */
export type OutOfScopeScore = number | { score: number; answerScore?: number };

export interface ThresholdChoice extends Thresholds {
  /** on the validation split, at the chosen `clarify` threshold */
  validation: { accuracy: number; oosRecall: number; answerPrecision: number; answerCoverage: number };
}

export interface ChooseOptions {
  /** the answers given without asking must be right at least this often on validation */
  answerPrecision: number;
}

// 0.98: a wrong answer given outright costs the customer more than a "did you mean…" (the target
// for answers given without asking is 98 % right).
export const DEFAULT_CHOICE: ChooseOptions = { answerPrecision: 0.98 };

function candidates(scores: number[]): number[] {
  const unique = [...new Set(scores.map((s) => Math.round(s * 1000) / 1000))].sort((a, b) => a - b);
  return [0, ...unique, 1];
}

/**
 * `clarify` maximises the accuracy over every validation question, in scope or not, each counting
 * once: an in-scope question is right when its top label is right and not rejected, an out-of-scope
 * one when it is rejected. (Weighting the two classes equally instead rejected a tenth of the in-scope
 * questions on CLINC150 to catch the rare out-of-scope ones.) `answer` is the lowest threshold at which the answers given outright are
 * right at least `answerPrecision` of the time (out-of-scope questions answered count as wrong).
 */
export function chooseThresholds(inScope: readonly Scored[], outOfScopeScores: readonly OutOfScopeScore[], options = DEFAULT_CHOICE): ThresholdChoice {
  const outOfScope = outOfScopeScores.map((o) => (typeof o === 'number' ? { score: o } : o));
  const grid = candidates([...inScope, ...outOfScope].flatMap((s) => [s.score, s.answerScore ?? s.score]));
  const n = Math.max(inScope.length, 1);
  const m = Math.max(outOfScope.length, 1);

  /** What happens at threshold t, reading each question's `score`, or its `answerScore` for answers. */
  const at = (t: number, forAnswer = false) => {
    const value = (s: { score: number; answerScore?: number }) => (forAnswer ? (s.answerScore ?? s.score) : s.score);
    let correctKept = 0;
    let kept = 0;
    for (const s of inScope) {
      if (value(s) >= t) {
        kept++;
        if (s.correct) correctKept++;
      }
    }
    const oosKept = outOfScope.filter((s) => value(s) >= t).length;
    return {
      accuracy: correctKept / n,
      oosRecall: outOfScope.length ? 1 - oosKept / m : 1,
      precision: kept + oosKept === 0 ? 1 : correctKept / (kept + oosKept),
      coverage: kept / n,
    };
  };

  let clarify = 0;
  let best = -1;
  for (const t of grid) {
    const r = at(t);
    const overall = (r.accuracy * inScope.length + r.oosRecall * outOfScope.length) / Math.max(inScope.length + outOfScope.length, 1);
    if (overall > best + 1e-12) {
      best = overall;
      clarify = t;
    }
  }

  let answer = 1;
  for (const t of grid) {
    if (t < clarify) continue;
    if (at(t, true).precision >= options.answerPrecision) {
      answer = t;
      break;
    }
  }

  const chosen = at(clarify);
  const answered = at(answer, true);
  return {
    clarify,
    answer,
    validation: {
      accuracy: chosen.accuracy,
      oosRecall: chosen.oosRecall,
      answerPrecision: answered.precision,
      answerCoverage: answered.coverage,
    },
  };
}
