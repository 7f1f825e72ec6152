// Every reference a customer was given, against what the store holds once the bot has stopped:
// a reference is lost when the store does not have it for the conversation it was given in, and
// given twice when two conversations were told the same one.
import { createLowdbStore, type HelpdeskStore } from '../../tickets/helpdeskStore.js';
import type { LevelResult } from './driver.js';

export interface ReferenceCheck {
  acknowledged: number;
  stored: number;
  lost: number;
  givenTwice: number;
  requestConversations: number;
  requestsWithoutReference: number;
  /** the first lost references, with the conversations they were given in (to look into) */
  lostSamples: string[];
}

/** `from`: the DATA_DIR of the embedded store, or the store itself (PostgreSQL). */
export async function references(from: string | HelpdeskStore, results: readonly LevelResult[]): Promise<ReferenceCheck> {
  const given = new Map<string, Set<string>>();
  for (const r of results) for (const [ref, convs] of r.acknowledged) given.set(ref, new Set([...(given.get(ref) ?? []), ...convs]));
  const requests = await (typeof from === 'string' ? createLowdbStore({ dataDir: from }) : from).listRequests();
  const stored = new Map(requests.map((r) => [r.reference, r.conversationId]));
  let lost = 0;
  const lostSamples: string[] = [];
  // a reference stored for two requests counts as given twice, whoever was told it
  let twice = requests.length - stored.size;
  for (const [ref, convs] of given) {
    if (convs.size > 1) twice++;
    const owner = stored.get(ref);
    if (!owner || !convs.has(owner)) {
      lost++;
      if (lostSamples.length < 5) lostSamples.push(`${ref} given in ${[...convs].join(', ')}, stored ${owner ? `for ${owner}` : 'nowhere'}`);
    }
  }
  const requestConversations = results.reduce((a, r) => a + r.requestConversations, 0);
  const withoutReference = results.reduce((a, r) => a + r.requestsWithoutReference, 0);
  return { acknowledged: given.size, stored: stored.size, lost, givenTwice: twice, requestConversations, requestsWithoutReference: withoutReference, lostSamples };
}

