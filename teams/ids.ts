// GUIDs in a Teams manifest: the bot id and the app id.
import { createHash } from 'node:crypto';

/** The manifest schema's own pattern for `id` and `bots[].botId`. */
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Namespace of the Scriba Teams app ids (a fixed random UUID: changing it changes every derived id). */
const SCRIBA_TEAMS_NAMESPACE = '6f1d3c52-8a0e-4b7f-9d25-3c4a7e91b0d8';

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of namespace + name).
 * Used to derive the Teams app id from the bot id, so packaging the same bot twice gives the same
 * app id and Teams treats the second upload as an update of the first, not as a new app.
 */
export function uuidV5(name: string, namespace = SCRIBA_TEAMS_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function teamsAppIdFor(botId: string): string {
  return uuidV5(`scriba-teams-app:${botId.toLowerCase()}`);
}
