// The shape of an article's front matter. Strict objects, so a misspelt field ('qestions')
// is reported instead of silently ignored. Checks that need line numbers or several fields
// at once (duplicates, flow links, id = file name) live in articleChecks.ts and flowChecks.ts.
import { z } from 'zod';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, "must be lower-case letters, digits and single dashes, like 'reset-password'");
const text = z.string().trim().min(1);
const bilingual = <T extends z.ZodType>(schema: T) => z.strictObject({ fr: schema, en: schema });

export const FLOW_ENDINGS = ['resolved', 'escalate'] as const;

const choiceSchema = z.strictObject({
  label: bilingual(text),
  // A step id, 'resolved' or 'escalate'; whether the step exists is checked by flowChecks.
  next: z.string().trim().min(1),
});

const stepSchema = z.strictObject({
  id: slug,
  text: bilingual(text),
  choices: z.array(choiceSchema).min(1).max(6),
});

export const flowSchema = z.strictObject({
  start: z.string().trim().min(1),
  steps: z.array(stepSchema).min(1),
});

export const questionsSchema = bilingual(z.array(text).min(3));

export const frontMatterSchema = z.strictObject({
  id: slug,
  level: z.literal([0, 1, 2, 3, 4]),
  tags: z.array(text),
  related: z.array(slug).default([]),
  title: bilingual(text),
  questions: questionsSchema,
  flow: flowSchema.optional(),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;
export type FrontFlow = z.output<typeof flowSchema>;
export type FrontQuestions = z.output<typeof questionsSchema>;
