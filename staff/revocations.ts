// Ids of sessions signed out before their end. A signed cookie stays valid until it expires, so a
// sign-out is only real if the server remembers it: in memory, and in DATA_DIR/staff/revoked.json
// so a restart with the same STAFF_SESSION_SECRET does not bring signed-out sessions back.
// Entries are dropped once the session would have expired anyway (8 h at most).
import { z } from 'zod';
import { DurableJsonFile } from '../tickets/durableJsonFile.js';

export interface Revocations {
  has(sid: string): Promise<boolean>;
  /** `until`: ms since the epoch after which the session is dead anyway */
  add(sid: string, until: number): Promise<void>;
}

export function createMemoryRevocations(now: () => Date = () => new Date()): Revocations {
  const revoked = new Map<string, number>();
  return {
    async has(sid) {
      return (revoked.get(sid) ?? 0) > now().getTime();
    },
    async add(sid, until) {
      prune(revoked, now().getTime());
      revoked.set(sid, until);
    },
  };
}

const fileSchema = z.object({ revoked: z.record(z.string(), z.number()) });
type RevokedFile = z.infer<typeof fileSchema>;

export function createFileRevocations(file: string, now: () => Date = () => new Date()): Revocations {
  const adapter = new DurableJsonFile<RevokedFile>(file, { parse: (value) => fileSchema.parse(value) });
  let loaded: Promise<Map<string, number>> | undefined;
  const load = () => (loaded ??= adapter.read().then((data) => new Map(Object.entries(data?.revoked ?? {}))));

  return {
    async has(sid) {
      return ((await load()).get(sid) ?? 0) > now().getTime();
    },
    async add(sid, until) {
      const revoked = await load();
      prune(revoked, now().getTime());
      revoked.set(sid, until);
      await adapter.write({ revoked: Object.fromEntries(revoked) });
    },
  };
}

function prune(revoked: Map<string, number>, at: number): void {
  for (const [sid, until] of revoked) if (until <= at) revoked.delete(sid);
}
