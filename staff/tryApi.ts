// POST /api/staff/try: ask the bot's own live matcher, as `npm run ask` does, and see why.
import { z } from 'zod';
import type { TryAnswer } from '../web/apiTypes.js';
import type { StaffContext } from './context.js';
import { bodyOf, guard, json, parse } from './http.js';

const tryBody = z.object({
  question: z.string().max(5000),
  /** assumed when the question does not tell its language (default fr) */
  lang: z.enum(['fr', 'en']).optional(),
});

export function mountTryApi({ server, live, auth, log }: StaffContext): void {
  server.post('/api/staff/try', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const { question, lang } = parse(tryBody, bodyOf(req), 'question');
    const result = live.matcher.match(question, { fallbackLanguage: lang ?? 'fr' });
    const { answer, clarify } = live.matcher.thresholds;
    return json({ ...result, thresholds: { answer, clarify } } satisfies TryAnswer);
  }));
}
