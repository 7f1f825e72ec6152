// Turns a confidence into a decision, and chooses the two thresholds from a validation split
// (never by hand, never on the test split).

export type Decision = 'answer' | 'clarify' | 'none';

export interface Thresholds {
  /** at or above: answer with the top article */
  answer: number;
  /** at or above (and below `answer`): ask "did you mean…"; below: out of scope */
  clarify: number;
}

export function decide(confidence: number, t: Thresholds): Decision {
  if (confidence >= t.answer) return 'answer';
  if (confidence >= t.clarify) return 'clarify';
  return 'none';
}

/** One validation question: its top confidence and whether the top label was right. */
export interface Scored {
  score: number;
  correct: boolean;
}

export interface ThresholdChoice extends Thresholds {
  /** on the validation split, at the chosen `clarify` threshold */
  validation: { accuracy: number; oosRecall: number; answerPrecision: number; answerCoverage: number };
}

export interface ChooseOptions {
  /** the answers given without asking must be right at least this often on validation */
  answerPrecision: number;
}

export const DEFAULT_CHOICE: ChooseOptions = { answerPrecision: 0.95 };

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
export function chooseThresholds(inScope: readonly Scored[], outOfScope: readonly number[], options = DEFAULT_CHOICE): ThresholdChoice {
  const all = [...inScope.map((s) => s.score), ...outOfScope];
  const grid = candidates(all);
  const n = Math.max(inScope.length, 1);
  const m = Math.max(outOfScope.length, 1);

  const at = (t: number) => {
    let correctKept = 0;
    let kept = 0;
    for (const s of inScope) {
      if (s.score >= t) {
        kept++;
        if (s.correct) correctKept++;
      }
    }
    const oosKept = outOfScope.filter((s) => s >= t).length;
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
    if (at(t).precision >= options.answerPrecision) {
      answer = t;
      break;
    }
  }

  const chosen = at(clarify);
  const answered = at(answer);
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
