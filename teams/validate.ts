// Checks a Teams manifest or localization file against its JSON schema with @microsoft/app-manifest,
// offline: only schemas bundled in that package are accepted (it would download any other one).
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

const require = createRequire(import.meta.url);
const buildDir = dirname(require.resolve('@microsoft/app-manifest'));
const teamsSchemasDir = join(buildDir, 'json-schemas', 'teams');
const { version: validatorVersion }: { version: string } = require('@microsoft/app-manifest/package.json');

/** e.g. "@microsoft/app-manifest 1.1.2" */
export const VALIDATOR = `@microsoft/app-manifest ${validatorVersion}`;

export type SchemaFile = 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json';

/** The Teams schema versions the validator bundles, oldest first: ['1.0', …, '1.30']. */
export function bundledSchemaVersions(): string[] {
  const numbers = (v: string) => v.split('.').map(Number);
  return readdirSync(teamsSchemasDir)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => {
      const [a1 = 0, a2 = 0] = numbers(a);
      const [b1 = 0, b2 = 0] = numbers(b);
      return a1 - b1 || a2 - b2;
    });
}

// The validator maps these URLs (with or without a locale such as en-us/) to its bundled files.
const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/v(\d+\.\d+|DevPreview)\/([A-Za-z.]+\.schema\.json)$/;

export interface SchemaCheck {
  /** the schema version named by `$schema`, e.g. "1.30" */
  schemaVersion?: string;
  /** "file: /pointer message" lines; empty when the document is valid */
  problems: string[];
}

/** Validates `doc` (the contents of `label`) against the bundled schema its `$schema` names. */
export async function validateAgainstBundledSchema(doc: unknown, expected: SchemaFile, label: string): Promise<SchemaCheck> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { problems: [`${label}: must be a JSON object`] };
  const url = '$schema' in doc ? doc.$schema : undefined;
  if (typeof url !== 'string') return { problems: [`${label}: $schema is missing (e.g. https://developer.microsoft.com/json-schemas/teams/v1.30/${expected})`] };
  const match = SCHEMA_URL.exec(url);
  const bundled = bundledSchemaVersions();
  const newest = bundled.at(-1) ?? '?';
  if (!match || match[2] !== expected || !existsSync(join(teamsSchemasDir, `v${match[1]}`, expected))) {
    return {
      problems: [
        `${label}: $schema ${url} is not a schema bundled with ${VALIDATOR} (packaging works offline); ` +
          `use https://developer.microsoft.com/json-schemas/teams/v${newest}/${expected} (bundled: v${bundled[0]} to v${newest})`,
      ],
    };
  }
  // Read from the package (the file exists: checked above), so nothing is downloaded.
  const schema = await AppManifestUtils.fetchSchema(url);
  escapeLoneBrackets(schema);
  // The validator is typed for manifests; it validates any document against the schema given,
  // which is what turns this unknown JSON into a checked one.
  const errors = await AppManifestUtils.validateAgainstSchema(doc as AppManifest, schema);
  return { schemaVersion: match[1], problems: errors.map((e) => `${label}: ${e.trim()}`) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Microsoft's localization schemas (v1.8 to v1.30 at least) have patterns such as
 * `^activities.activityTypes\[\b(…)\b]\.description$` whose last `]` is not escaped: legal for
 * plain regular expressions, a syntax error for the validator's Unicode ones, so it cannot compile
 * the schema at all (MicrosoftDocs/msteams-docs#8858). Escaping a `]` that closes no character
 * class keeps the meaning. Rewrites `pattern` values and `patternProperties` keys in place.
 */
export function escapeLoneBrackets(schema: unknown): void {
  if (Array.isArray(schema)) {
    for (const item of schema) escapeLoneBrackets(item);
    return;
  }
  if (!isRecord(schema)) return;
  if (typeof schema.pattern === 'string') schema.pattern = escapePattern(schema.pattern);
  const patterns = schema.patternProperties;
  if (isRecord(patterns)) {
    for (const key of Object.keys(patterns)) {
      const fixed = escapePattern(key);
      if (fixed === key) continue;
      patterns[fixed] = patterns[key];
      delete patterns[key];
    }
  }
  for (const value of Object.values(schema)) escapeLoneBrackets(value);
}

export function escapePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']') {
      out += inClass ? c : '\\]';
      inClass = false;
    } else {
      out += c;
    }
  }
  return out;
}
