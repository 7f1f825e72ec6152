// The conversations of prefill.ts in a PostgreSQL schema, written through the PostgreSQL store (the
// bot's own statements: its masking, summary rows and reference sequences), several conversations
// at a time as several instances would write them: 100,000 take minutes. Then VACUUM ANALYZE, as
// autovacuum would have run over the 30 days.
import pg from 'pg';
import type { KnowledgeBase } from '../../knowledge/types.js';
import { createPgKeyValueStore } from '../../tickets/postgres/pgKeyValueStore.js';
import { createPgStore } from '../../tickets/postgres/pgStore.js';
import { pastConversations, writeConversation, type PrefillTarget } from './prefill.js';

/** Writes `count` conversations into the (migrated) schema `url` points to, `writers` at a time. */
export async function prefillPostgres(url: string, kb: KnowledgeBase, count: number, onProgress: (done: number) => void = () => undefined, writers = 8): Promise<void> {
  // No wait for the WAL flush after each statement: a crash would lose the end of a prefill, no more.
  const fast = new URL(url);
  fast.searchParams.set('options', `${fast.searchParams.get('options') ?? ''} -c synchronous_commit=off`.trim());
  const pool = new pg.Pool({ connectionString: fast.href, max: writers });
  try {
    const plans = pastConversations(kb, count);
    let done = 0;
    const writer = async () => {
      // Each writer its own clock: a ticket's reference and date are its conversation's.
      const clock = { at: 0 };
      const target: PrefillTarget = { store: createPgStore(pool, { now: () => new Date(clock.at) }), state: createPgKeyValueStore(pool), clock };
      for (let next = plans.next(); !next.done; next = plans.next()) {
        await writeConversation(target, next.value);
        if (++done % 1000 === 0) onProgress(done);
      }
    };
    await Promise.all(Array.from({ length: writers }, writer));
    await pool.query('VACUUM ANALYZE requests, records, conversations, transcript_entries, conversation_state');
  } finally {
    await pool.end();
  }
}
