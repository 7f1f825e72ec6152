// Reads knowledge/synonyms.yaml: per language, a word users type -> the phrase the matcher
// should search for instead ("mdp: mot de passe"). Keys are stored accent-free and lower-case,
// because the matcher compares them with tokens normalised the same way.
import { z } from 'zod';
import { issueProblems } from './issueMessages.js';
import { byPosition, type Problem } from './problems.js';
import { LANGS, type Synonyms } from './types.js';
import { readYaml } from './yamlSource.js';

const key = z.string().regex(/^[\p{Ll}\p{Nd}]+(?:-[\p{Ll}\p{Nd}]+)*$/u, "must be one lower-case word (letters, digits and '-')");
const table = z.record(key, z.string().trim().min(1));
const synonymsSchema = z.strictObject({ fr: table, en: table });

export function parseSynonymsFile(relPath: string, text: string): { synonyms?: Synonyms; problems: Problem[] } {
  const yaml = readYaml(relPath, text.replace(/^\uFEFF/, ''), 1);
  if (!yaml.source) return { problems: yaml.problems };
  const { value, lineOf } = yaml.source;

  const parsed = synonymsSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    return { problems: issueProblems(relPath, parsed.error.issues, lineOf, 'the synonyms file').sort(byPosition) };
  }

  const problems: Problem[] = [];
  const synonyms: Synonyms = { fr: {}, en: {} };
  for (const lang of LANGS) {
    const firstKey = new Map<string, string>();
    for (const [written, phrase] of Object.entries(parsed.data[lang])) {
      const folded = foldKey(written);
      const earlier = firstKey.get(folded);
      if (earlier !== undefined) {
        problems.push({
          file: relPath,
          line: lineOf([lang, written]),
          message: `key '${written}' in '${lang}' is the same as '${earlier}' (line ${lineOf([lang, earlier])}) once accents are removed`,
        });
        continue;
      }
      firstKey.set(folded, written);
      synonyms[lang][folded] = phrase;
    }
  }
  return problems.length > 0 ? { problems } : { synonyms, problems };
}

/** 'Clé' -> 'cle': NFD splits an accented letter into letter + combining mark, then the marks go. */
export function foldKey(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
