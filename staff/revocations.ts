// Ids of sessions signed out before their end. A signed cookie stays valid until it expires, so a
// sign-out is only real if the server remembers it: in the store, so a restart with the same
// STAFF_SESSION_SECRET (or another instance) does not bring signed-out sessions back.
// Entries are dropped once the session would have expired anyway (8 h at most).
import type { StaffRecords } from '../tickets/staffRecords.js';

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

/** Kept by the store (files under DATA_DIR or PostgreSQL), so every instance and every restart knows. */
export function createStoredRevocations(records: StaffRecords, now: () => Date = () => new Date()): Revocations {
  return {
    async has(sid) {
      return ((await records.revokedUntil(sid)) ?? 0) > now().getTime();
    },
    add: (sid, until) => records.revoke(sid, until, now().getTime()),
  };
}

function prune(revoked: Map<string, number>, at: number): void {
  for (const [sid, until] of revoked) if (until <= at) revoked.delete(sid);
}
