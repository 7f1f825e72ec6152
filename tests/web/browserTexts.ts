// The pages' sentences as the tests read them: texts.js modules are plain data, so Node imports
// them as the browser does (the TypeScript program of the tests does not read JavaScript, hence
// the import by URL and the type given here).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';

export type Texts = Record<'fr' | 'en', Record<string, string>>;

/** TEXTS of web/assets/texts.js (the chat pages) or web/staff/assets/texts.js (the console). */
export async function textsOf(file: 'web/assets/texts.js' | 'web/staff/assets/texts.js'): Promise<Texts> {
  const module = (await import(pathToFileURL(path.join(PROJECT_ROOT, file)).href)) as { TEXTS: Texts };
  return module.TEXTS;
}
