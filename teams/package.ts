// Builds the Teams app package: fills teams/manifest.json and its localization files, validates
// them offline, checks the icons, and writes the zip Teams admin center takes (files at its root).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import type { TeamsManifest } from '@microsoft/app-manifest';
import type { TeamsAppSettings } from './env.js';
import { TeamsPackageError } from './errors.js';
import { checkIcon, type IconKind } from './icons.js';
import { fillTemplate, type TemplateValues } from './template.js';
import { validateAgainstBundledSchema, VALIDATOR } from './validate.js';

/** This folder: manifest.json, the localization files and the icons. */
export const TEAMS_DIR = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT_FILE = resolve(TEAMS_DIR, '..', 'dist', 'teams', 'scriba-teams-app.zip');

export interface BuildOptions extends TeamsAppSettings {
  /** where manifest.json, its localization files and icons are; default teams/ */
  templateDir?: string;
  outFile?: string;
}

export interface BuiltPackage {
  outFile: string;
  manifest: TeamsManifest;
  /** e.g. "1.30" */
  schemaVersion: string;
  /** names of the zip's entries, all at its root */
  entries: string[];
}

// Fixed entry dates make the same inputs give the same zip, byte for byte.
const ENTRY_DATE = new Date(2000, 0, 1);

export async function buildTeamsPackage({ templateDir = TEAMS_DIR, outFile = DEFAULT_OUT_FILE, ...settings }: BuildOptions): Promise<BuiltPackage> {
  const values: TemplateValues = {
    TEAMS_APP_ID: settings.appId,
    MicrosoftAppId: settings.botId,
    TEAMS_APP_VERSION: settings.version,
    PUBLIC_HOSTNAME: settings.hostname,
  };
  const manifestLabel = display(join(templateDir, 'manifest.json'));
  const manifest = readTemplate(templateDir, 'manifest.json', values);
  const check = await validateAgainstBundledSchema(manifest, 'MicrosoftTeams.schema.json', manifestLabel);
  if (check.problems.length > 0 || !check.schemaVersion) {
    throw new TeamsPackageError([`${manifestLabel} does not pass the Teams manifest schema (${VALIDATOR}):`, ...check.problems]);
  }
  // Valid against its schema from here on.
  const valid = manifest as TeamsManifest;

  const problems: string[] = [];
  const files = new Map<string, Buffer>();
  const icons: Array<[IconKind, string]> = [['color', valid.icons.color], ['outline', valid.icons.outline]];
  for (const [kind, file] of icons) {
    const data = readPackaged(templateDir, file, `icons.${kind}`, problems);
    if (data) {
      problems.push(...checkIcon(kind, data, display(join(templateDir, file))));
      files.set(file, data);
    }
  }
  const languages = ('localizationInfo' in valid ? valid.localizationInfo?.additionalLanguages : undefined) ?? []; // none before v1.5
  for (const { file } of languages) {
    if (!readPackaged(templateDir, file, 'localizationInfo.additionalLanguages', problems)) continue;
    const label = display(join(templateDir, file));
    const strings = readTemplate(templateDir, file, values);
    problems.push(...(await validateAgainstBundledSchema(strings, 'MicrosoftTeams.Localization.schema.json', label)).problems);
    problems.push(...untranslatable(strings, manifest, label));
    files.set(file, Buffer.from(`${JSON.stringify(strings, null, 2)}\n`));
  }
  if (problems.length > 0) throw new TeamsPackageError([`the Teams package was not built:`, ...problems]);

  const zip = new AdmZip();
  const entries: Array<[string, Buffer]> = [['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)], ...files];
  for (const [name, data] of entries) zip.addFile(name, data, '', 0o644).header.time = ENTRY_DATE;
  // Written aside then renamed, so a half-written zip never sits under the final name.
  mkdirSync(dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  writeFileSync(partial, zip.toBuffer());
  renameSync(partial, outFile);
  return { outFile, manifest: valid, schemaVersion: check.schemaVersion, entries: entries.map(([name]) => name) };
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function readTemplate(dir: string, file: string, values: TemplateValues): unknown {
  const path = join(dir, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new TeamsPackageError([`${display(path)}: ${err instanceof Error ? err.message : String(err)}`]);
  }
  const { value, problems } = fillTemplate(parsed, values);
  if (problems.length > 0) throw new TeamsPackageError(problems.map((p) => `${display(path)}: ${p}`));
  return value;
}

// Teams wants every file at the root of the zip, next to manifest.json.
function readPackaged(dir: string, file: string, field: string, problems: string[]): Buffer | undefined {
  if (basename(file) !== file) {
    problems.push(`${display(join(dir, 'manifest.json'))}: ${field} '${file}' must be a file name at the root of the package, not a path`);
    return undefined;
  }
  const path = join(dir, file);
  if (!existsSync(path)) {
    problems.push(`${display(path)}: not found (named by ${field} in manifest.json)`);
    return undefined;
  }
  return readFileSync(path);
}

/** Keys of a localization file ("bots[0].commandLists[0].commands[2].title") with nothing to translate in the manifest. */
function untranslatable(strings: unknown, manifest: unknown, label: string): string[] {
  if (strings === null || typeof strings !== 'object') return [];
  return Object.keys(strings)
    .filter((key) => key !== '$schema' && key !== 'localizationKeys')
    .filter((key) => typeof lookup(manifest, key) !== 'string')
    .map((key) => `${label}: '${key}' translates nothing: manifest.json has no such text`);
}

function lookup(node: unknown, key: string): unknown {
  let current = node;
  for (const [, name, index] of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (current === null || typeof current !== 'object') return undefined;
    const step = index ?? name ?? '';
    current = Array.isArray(current) ? current[Number(step)] : (current as Record<string, unknown>)[step];
  }
  return current;
}
