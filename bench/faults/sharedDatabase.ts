// kill -9 on bot instances sharing one PostgreSQL database, as a deployment behind a load balancer
// meets it: two instances, each customer message sent to the next one in turn (a conversation's
// turns alternate between them), one instance killed at a random moment while tickets are being
// created, taken out of the rotation and restarted while the other carries the load, then the
// other one, `rounds` times. Every reference a customer was told is then looked up in the database.
// Used by `npm run bench:faults -- --storage postgres`.
import path from 'node:path';
import type { BenchSchema } from '../load/benchSchema.js';
import { startServer } from '../load/processes.js';
import { references } from '../load/references.js';
import { mulberry32 } from '../../knowledge/matching/softmaxClassifier.js';
import { createPgStore } from '../../tickets/postgres/pgStore.js';
import { answersAQuestion, customers, env, exited, health, requestsOf, sleep, typingFor, type FaultResult } from './scenarios.js';

const INSTANCES = 2;
const CUSTOMERS = 8;

const spread = (values: number[]) => (values.length ? `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}` : '–');

/** kill -9 of either instance in turn, `rounds` times, on the schema `database` (migrated, empty). */
export async function killNineShared(database: BenchSchema, dataDir: string, rounds: number, seed = 20): Promise<FaultResult> {
  const random = mulberry32(seed);
  // With PostgreSQL an instance keeps nothing in DATA_DIR, but it must not be the repository's ./data.
  const start = (i: number) => startServer('bot/main.ts', { ...env(path.join(dataDir, `instance-${i}`)), ...database.env });
  const servers = await Promise.all(Array.from({ length: INSTANCES }, (_, i) => start(i)));
  // Where the load balancer sends messages: a killed instance leaves it (its health check fails)
  // and comes back once restarted, on its new port. The driver reads it at each message.
  const rotation = servers.map((s) => s.url);
  const load = customers(rotation, 'pgkill', { concurrency: CUSTOMERS, seconds: 3600 });
  const restartSeconds: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      await sleep(400 + random() * 1600);
      const i = round % INSTANCES;
      const victim = servers[i]!;
      rotation.splice(rotation.indexOf(victim.url), 1);
      victim.child.kill('SIGKILL');
      await exited(victim);
      const t0 = performance.now();
      servers[i] = await start(i);
      restartSeconds.push((performance.now() - t0) / 1000);
      rotation.push(servers[i]!.url);
    }
    load.stop();
    const during = await load.done;
    const answering: string[] = [];
    for (const [i, server] of servers.entries()) {
      const status = await health(server);
      const answered = await answersAQuestion(server);
      if (status !== 200 || !answered) answering.push(`instance ${i}: /healthz ${status}${answered ? '' : ', no answer'}`);
    }
    // Both instances after the last restart: new customers, every turn answered (long enough for
    // a few requests of six turns on a busy machine).
    const after = await typingFor(rotation, 'pgkill-after', 4000, 2);
    const exits = await Promise.all(servers.map((s) => s.stop()));
    const requests = requestsOf([during, after]);
    return {
      fault: `kill -9 ×${rounds}, ${INSTANCES} instances on one PostgreSQL database, ${CUSTOMERS} customers round-robin`,
      ...(await references(createPgStore(database.pool), [during, after])),
      checks: [
        { what: 'each killed instance taken out of the rotation and restarted, alternately', ok: restartSeconds.length === rounds, detail: `${restartSeconds.length}/${rounds}, each in ${spread(restartSeconds)} s under the load` },
        { what: 'requests typed', ok: requests > 0, detail: String(requests) },
        // Each customer has one message in flight at most, and none is sent to a killed instance.
        {
          what: `only the turns in flight on a killed instance failed (at most ${CUSTOMERS} a kill)`,
          ok: during.errors <= CUSTOMERS * rounds,
          detail: `${during.errors} failed${during.errorSamples.length ? `: ${[...new Set(during.errorSamples)].join('; ')}` : ''}`,
        },
        { what: 'both instances answer a question, /healthz 200', ok: answering.length === 0, ...(answering.length ? { detail: answering.join('; ') } : {}) },
        { what: 'after the last restart: requests taken, every turn answered', ok: after.acknowledged.size > 0 && after.errors === 0, detail: `${after.acknowledged.size} references, ${after.errors} errors ${after.errorSamples.join('; ')}`.trim() },
        { what: 'SIGTERM: both exit 0', ok: exits.every((code) => code === 0), detail: exits.join(', ') },
      ],
    };
  } finally {
    load.stop();
    // After a failure: no instance left behind (those stopped or killed already are no-ops).
    for (const server of servers) {
      server.child.kill('SIGKILL');
      await exited(server);
    }
  }
}
