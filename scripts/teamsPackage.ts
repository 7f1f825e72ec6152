// npm run teams:package [-- --out FILE]
// Builds the Microsoft Teams app package (dist/teams/scriba-teams-app.zip) from teams/, with the bot's
// MicrosoftAppId and the optional TEAMS_APP_ID, TEAMS_APP_VERSION and PUBLIC_HOSTNAME from the
// environment or .env. Exit 1 with every problem found, and no zip, when something is wrong.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { teamsSettingsFromEnv } from '../teams/env.js';
import { TeamsPackageError } from '../teams/errors.js';
import { buildTeamsPackage, DEFAULT_OUT_FILE } from '../teams/package.js';
import { VALIDATOR } from '../teams/validate.js';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
if (existsSync('.env')) process.loadEnvFile('.env');
const { version: packageVersion }: { version: string } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

try {
  const settings = teamsSettingsFromEnv(process.env, packageVersion);
  const built = await buildTeamsPackage({ ...settings, outFile: args.out ?? DEFAULT_OUT_FILE });
  const shown = relative(process.cwd(), built.outFile);
  console.log(`wrote ${shown.startsWith('..') ? built.outFile : shown} (${built.entries.join(', ')})`);
  console.log(`  manifest schema v${built.schemaVersion}, validated offline with ${VALIDATOR}`);
  console.log(`  Teams app id ${settings.appId}${process.env.TEAMS_APP_ID?.trim() ? '' : ' (derived from MicrosoftAppId)'}, version ${settings.version}`);
  console.log(`  bot ${settings.botId}, valid domains: ${settings.hostname ?? '(none: PUBLIC_HOSTNAME is not set)'}`);
} catch (err) {
  if (!(err instanceof TeamsPackageError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}
