// What the packaging needs from the environment, checked once: one clear message per bad variable.
import { TeamsPackageError } from './errors.js';
import { isGuid, teamsAppIdFor } from './ids.js';

export interface TeamsAppSettings {
  /** Azure Bot's Microsoft App ID: `bots[0].botId` */
  botId: string;
  /** the Teams app's own id: `id` (TEAMS_APP_ID, else derived from the bot id) */
  appId: string;
  /** `version`: x.y.z, raised for every update uploaded to Teams */
  version: string;
  /** the bot's public host name, listed in `validDomains` when set */
  hostname?: string;
}

const EXAMPLE_GUID = '00000000-0000-0000-0000-000000000000';
const VERSION = /^\d{1,9}\.\d{1,9}\.\d{1,9}$/;
// A DNS name (labels of letters, digits and dashes), optionally with a port; Teams also accepts a
// leading "*." wildcard.
const HOSTNAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:\d{1,5})?$/i;

const blank = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

/**
 * Reads MicrosoftAppId (required), TEAMS_APP_ID, TEAMS_APP_VERSION and PUBLIC_HOSTNAME (optional).
 * `defaultVersion` is package.json's version, used when TEAMS_APP_VERSION is not set.
 */
export function teamsSettingsFromEnv(env: Record<string, string | undefined>, defaultVersion: string): TeamsAppSettings {
  const problems: string[] = [];
  const botId = blank(env.MicrosoftAppId);
  if (!botId) {
    problems.push(`MicrosoftAppId is required to build the Teams package: set it (in the environment or .env) to the Microsoft App ID of the Azure Bot, a GUID such as ${EXAMPLE_GUID}`);
  } else if (!isGuid(botId)) {
    problems.push(`MicrosoftAppId must be a GUID such as ${EXAMPLE_GUID}, the Microsoft App ID of the Azure Bot (got '${botId}')`);
  }
  const appId = blank(env.TEAMS_APP_ID);
  if (appId && !isGuid(appId)) problems.push(`TEAMS_APP_ID must be a GUID such as ${EXAMPLE_GUID}, or empty to derive it from MicrosoftAppId (got '${appId}')`);
  const version = blank(env.TEAMS_APP_VERSION) ?? defaultVersion;
  if (!VERSION.test(version)) {
    problems.push(`TEAMS_APP_VERSION must be three numbers such as 1.0.3 (Teams wants major.minor.patch, no suffix) (got '${version}'${env.TEAMS_APP_VERSION ? '' : ", package.json's version"})`);
  }
  const hostname = blank(env.PUBLIC_HOSTNAME);
  if (hostname && !HOSTNAME.test(hostname)) {
    problems.push(`PUBLIC_HOSTNAME must be a host name such as bot.contoso.com, without https:// or a path (got '${hostname}')`);
  }
  if (problems.length > 0 || !botId) throw new TeamsPackageError(problems);
  return { botId, appId: appId ?? teamsAppIdFor(botId), version, ...(hostname ? { hostname: hostname.toLowerCase() } : {}) };
}
