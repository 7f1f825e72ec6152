import type { Thresholds } from './thresholds.js';

/**
 * Chosen on the bundled KB's validation split (bench/data, first two paraphrases per article and
 * language, even-numbered out-of-scope questions) by `npm run bench:matching -- --only bundled`,
 * which prints the thresholds it picks. Re-run it after large KB edits and copy the figures here.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.619, clarify: 0.336 };
