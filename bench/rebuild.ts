// npm run bench:rebuild [-- --json] [--seconds 10] [--customers 8] [--think 500] [--storage postgres --instances 2]
//                                                    (DATABASE_URL: a database it may add a schema to)
// Customers keep typing questions while a staff member adds a question to an article. Measures how
// long until each instance answers the new question (the one edited, and with PostgreSQL the other
// ones, told by NOTIFY), and every turn's time before and during the rebuild: a matcher trained in a
// worker thread must not hold up a turn (target: none slower than 2× the steady median, the
// reference measured in the same run; the other instance answering within 5 s).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import { openBenchSchema, type BenchSchema } from './load/benchSchema.js';
import { ROOT, startServer, type Server } from './load/processes.js';
import { percentile, round } from './measure.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    customers: { type: 'string', default: '8' },
    /** ms a customer takes to read an answer and type the next message (0: a saturating load) */
    think: { type: 'string', default: '500' },
    storage: { type: 'string', default: 'files' },
    instances: { type: 'string', default: '1' },
  },
});
const say = (line: string) => {
  if (!values.json) process.stderr.write(`${line}\n`);
};
const seconds = Number(values.seconds);
const think = Number(values.think);
const postgres = values.storage === 'postgres';
const instanceCount = postgres ? Math.max(1, Number(values.instances)) : 1;
if (!postgres && Number(values.instances) > 1) say('--instances needs --storage postgres (the embedded store is one process): 1 instance');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const STAFF_TOKEN = 'bench-staff-token-0123456789abcdef0123456789';
const NEW_QUESTION = 'le tampon encreur numerique refuse de signer';
const ANSWERED = /circuits? de validation/i;
const kb = await loadKnowledge(path.join(ROOT, 'knowledge'));
// What customers ask meanwhile: the KB's own questions, both languages, a new conversation each time.
const questions = kb.articles.flatMap((a) => [a.questions.fr[0]!, a.questions.en[0]!]);

interface Turn {
  instance: number;
  start: number;
  end: number;
  ms: number;
}

function message(text: string, conversation: string) {
  return {
    type: 'message', text, locale: 'fr-FR', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/never-called', deliveryMode: 'expectReplies',
    from: { id: `user-${conversation}`, name: 'Client' }, recipient: { id: 'bot', name: 'Bot' }, conversation: { id: conversation }, id: `a-${Math.random()}`,
  };
}

async function ask(server: Server, text: string, conversation: string): Promise<string> {
  const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(text, conversation)) });
  if (res.status !== 200) throw new Error(`turn refused: ${res.status} ${await res.text()}`);
  return res.text();
}

const root = await mkdtemp(path.join(os.tmpdir(), 'bench-rebuild-'));
let schema: BenchSchema | undefined;
const servers: Server[] = [];
try {
  schema = postgres ? await openBenchSchema(process.env.DATABASE_URL) : undefined;
  for (let i = 0; i < instanceCount; i++) {
    servers.push(await startServer('bot/main.ts', {
      DATA_DIR: path.join(root, `data-${i}`),
      STAFF_TOKEN,
      LIMIT_MESSAGES_PER_MINUTE: '1000000',
      LIMIT_CHAT_STARTS_PER_HOUR: '1000000',
      ...(schema?.env ?? {}),
    }));
  }
  say(`${instanceCount} instance(s) on ${postgres ? 'PostgreSQL' : 'the embedded store'}, ${values.customers} customers typing, ${think} ms between an answer and the next message`);

  // Customers: each asks, waits for the answer, asks again, on the next instance each time.
  const turns: Turn[] = [];
  let typing = true;
  let sent = 0;
  const customers = Array.from({ length: Number(values.customers) }, async (_, c) => {
    for (let n = 0; typing; n++) {
      const instance = sent++ % servers.length;
      const start = performance.now();
      await ask(servers[instance]!, questions[(c * 7 + n) % questions.length]!, `customer-${c}-${n}`);
      const end = performance.now();
      turns.push({ instance, start, end, ms: end - start });
      if (think > 0) await sleep(think * (0.5 + Math.random()));
    }
  });

  // Warm-up, then the steady reference.
  await sleep(2000);
  const steadyFrom = performance.now();
  await sleep(seconds * 1000);
  const editAt = performance.now();

  // The edit, on instance 0; then each instance is asked the new question until it answers it.
  const edit = await fetch(`${servers[0]!.url}/api/staff/articles/approval-workflow/questions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ question: NEW_QUESTION, lang: 'fr' }),
  });
  if (edit.status !== 200) throw new Error(`the edit was refused: ${edit.status} ${await edit.text()}`);
  const savedAt = performance.now();
  const answeredAt = await Promise.all(servers.map(async (server, i) => {
    for (let n = 0; performance.now() - savedAt < 120_000; n++) {
      if (ANSWERED.test(await ask(server, NEW_QUESTION, `prober-${i}-${n}`))) return performance.now();
      await sleep(50);
    }
    throw new Error(`instance ${i} did not answer the new question within 120 s of the edit`);
  }));
  await sleep(1000);
  typing = false;
  await Promise.all(customers);

  // What the bot itself says of its event loop during the build (its log line after the reload).
  const stalled = servers.map((s) => Number([...s.output().matchAll(/event loop waited (\d+) ms/g)].at(-1)?.[1] ?? NaN));
  const ms = (list: Turn[]) => list.map((t) => t.ms).sort((a, b) => a - b);
  const figures = servers.map((_, i) => {
    const steady = ms(turns.filter((t) => t.instance === i && t.start >= steadyFrom && t.end <= editAt));
    // A turn that overlaps the time from the edit until this instance answers the new question.
    const during = ms(turns.filter((t) => t.instance === i && t.end >= editAt && t.start <= answeredAt[i]!));
    const median = percentile(steady, 0.5);
    return {
      instance: i,
      edited: i === 0,
      /** from the moment the edit was sent (it is kept, then both train): what a customer of that instance waits */
      answeredAfterMs: round(answeredAt[i]! - editAt, 0),
      editRequestMs: round(savedAt - editAt, 0),
      steady: { turns: steady.length, p50Ms: round(median, 1), p95Ms: round(percentile(steady, 0.95), 1), maxMs: round(steady.at(-1) ?? NaN, 1) },
      rebuild: { turns: during.length, p50Ms: round(percentile(during, 0.5), 1), maxMs: round(during.at(-1) ?? NaN, 1) },
      /** the slowest turn during the rebuild, in steady medians (target ≤ 2) */
      maxOverSteadyMedian: round((during.at(-1) ?? NaN) / median, 2),
      /** the bot's own figure: the longest its event loop waited during the build (a 10 ms timer, so ±10 ms) */
      eventLoopMaxMs: stalled[i]!,
      /** the same for the steady turns: the machine's own noise, the floor the figure above is read against */
      steadyMaxOverMedian: round((steady.at(-1) ?? NaN) / median, 2),
    };
  });
  const others = figures.filter((f) => !f.edited);
  const result = {
    storage: postgres ? 'postgres' : 'files',
    instances: instanceCount,
    customers: Number(values.customers),
    thinkMs: think,
    figures,
    targets: {
      otherInstanceWithin5s: others.length === 0 ? null : others.every((f) => f.answeredAfterMs <= 5000),
      noTurnOver2xMedian: figures.every((f) => f.maxOverSteadyMedian <= 2),
    },
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    say('instance  edited  answers the new question, from the edit sent  steady p50 / p95 / max (ms)  during rebuild n / p50 / max (ms)  max ÷ steady p50  (steady max ÷ p50)  bot event loop max wait');
    for (const f of figures) {
      say(`${String(f.instance).padEnd(9)} ${(f.edited ? 'yes' : 'no').padEnd(7)} ${`${f.answeredAfterMs} ms (the edit request took ${f.editRequestMs} ms)`.padEnd(45)} ${`${f.steady.p50Ms} / ${f.steady.p95Ms} / ${f.steady.maxMs}`.padEnd(28)} ${`${f.rebuild.turns} / ${f.rebuild.p50Ms} / ${f.rebuild.maxMs}`.padEnd(34)} ${String(f.maxOverSteadyMedian).padEnd(17)} ${`(${f.steadyMaxOverMedian})`.padEnd(19)} ${f.eventLoopMaxMs} ms`);
    }
    say(`targets: other instance answers within 5 s: ${result.targets.otherInstanceWithin5s ?? 'n/a (one instance)'}; no turn over 2× the steady median during the rebuild: ${result.targets.noTurnOver2xMedian}`);
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await schema?.drop();
  await rm(root, { recursive: true, force: true });
}
