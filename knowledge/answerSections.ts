// Reads the Markdown body of an article: one `<!-- fr -->` and one `<!-- en -->` marker line,
// each followed by that language's answer up to the next marker or the end of the file.
import { UNTRANSLATED } from './articleChecks.js';
import { checkAnswerSafety } from './answerSafety.js';
import type { Problem } from './problems.js';
import { LANGS, type Bilingual, type Lang } from './types.js';

const MARKER = /^<!--\s*([a-zA-Z]{2})\s*-->$/;
const LANGUAGE_NAMES: Record<Lang, string> = { fr: 'French', en: 'English' };

interface Marker {
  code: string;
  /** Index in bodyLines. */
  index: number;
}

export function parseAnswers(
  file: string,
  bodyLines: readonly string[],
  bodyFirstLine: number,
  linkHosts?: readonly string[],
): { answer?: Bilingual<string>; problems: Problem[] } {
  const problems: Problem[] = [...checkAnswerSafety(file, bodyLines, bodyFirstLine, linkHosts)];
  const lineAt = (index: number) => bodyFirstLine + index;
  const at = (index: number, message: string) => problems.push({ file, line: lineAt(index), message });

  const markers: Marker[] = [];
  // Reported, but the answer is still read: an imported draft is whole, only not yet translated.
  const untranslated: Problem[] = [];
  bodyLines.forEach((line, index) => {
    if (line.includes(UNTRANSLATED)) untranslated.push({ file, line: lineAt(index), message: `the answer still needs translating ("${UNTRANSLATED} …")` });
    const match = MARKER.exec(line.trim());
    if (match) markers.push({ code: match[1]!.toLowerCase(), index });
  });

  for (const marker of markers) {
    if (!isLang(marker.code)) {
      at(marker.index, `unknown language marker '<!-- ${marker.code} -->' (expected '<!-- fr -->' or '<!-- en -->')`);
    }
  }
  const firstMarker = markers[0]?.index ?? bodyLines.length;
  const stray = bodyLines.slice(0, firstMarker).findIndex((line) => line.trim() !== '');
  if (stray >= 0 && markers.length > 0) {
    at(stray, "text before the first language marker belongs to no language; move it after '<!-- fr -->' or '<!-- en -->'");
  }

  const answer: Partial<Bilingual<string>> = {};
  for (const lang of LANGS) {
    const own = markers.filter((m) => m.code === lang);
    const first = own[0];
    if (first === undefined) {
      // Nothing to point at: the answer would go right after the front matter
      // (or on the closing '---' itself when the file ends there).
      at(bodyLines.length > 0 ? 0 : -1, `answer in ${LANGUAGE_NAMES[lang]} is missing: add a line '<!-- ${lang} -->' followed by the answer`);
      continue;
    }
    for (const extra of own.slice(1)) {
      at(extra.index, `second '<!-- ${lang} -->' marker (first at line ${lineAt(first.index)}); each language needs exactly one`);
    }
    const end = markers.find((m) => m.index > first.index)?.index ?? bodyLines.length;
    const content = bodyLines.slice(first.index + 1, end).join('\n').trim();
    if (content === '') at(first.index, `answer in ${LANGUAGE_NAMES[lang]} is empty`);
    else answer[lang] = content;
  }

  if (problems.length > 0) return { problems: [...problems, ...untranslated] };
  return { answer: answer as Bilingual<string>, problems: untranslated };
}

function isLang(code: string): code is Lang {
  return (LANGS as readonly string[]).includes(code);
}
