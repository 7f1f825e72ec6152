// Seeded fuzzing of what the outside world can send: thousands of malformed activities on
// /api/messages and malformed Direct Line calls. None may get a 5xx, a stack trace, or a turn error,
// and afterwards the store must still be whole (a real conversation opens a ticket, every file reads).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import { mulberry32 } from '../../knowledge/matching/softmaxClassifier.js';
import { channelMessage } from '../helpers/channelMessage.js';
import { memoryLog, tempDataDir } from '../helpers/conversation.js';
import { startInProcess } from '../web/helpers.js';

const SEED = 20261130;
const ACTIVITIES = 1600;
const DIRECT_LINE_CALLS = 800;

/** JSON nested 100 000 deep, as sent once to the Direct Line (which answered 500). */
const DEEP_ARRAY = '['.repeat(100_000) + ']'.repeat(100_000);
const DEEP_OBJECT = '{"type":"message","value":' + '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000) + '}';

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function validActivity(r: Random): Record<string, unknown> {
  // Drawn in this order (id, text, conversation): the seed gives the same activities as ever.
  const id = `a-${Math.floor(r() * 1e9)}`;
  const text = pick(r, ['bonjour', 'mot de passe oublié', 'talk to a human', 'annuler', '06 12 34 56 78', 'L1-20261124-0001']);
  return channelMessage(text, { id, conversation: { id: `fuzz-${Math.floor(r() * 40)}` } });
}

const strangeValues = (r: Random): unknown[] => [
  null, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, true, false, [], {}, [1, 'a', null], { a: { b: { c: 1 } } },
  '', ' ', 'x'.repeat(20_000), '\u0000\u0001', '💥'.repeat(50), '<script>alert(1)</script>', '{"type":"message"}', `${r()}`,
];

function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
}

/** A valid activity with one thing wrong (sometimes several). */
function mutated(r: Random): unknown {
  const roll = r();
  if (roll < 0.05) return pick(r, [null, 42, 'message', [validActivity(r)], true]);
  if (roll < 0.08) return nested(200 + Math.floor(r() * 2000));
  const a = validActivity(r);
  const paths = ['type', 'id', 'text', 'locale', 'channelId', 'serviceUrl', 'deliveryMode', 'from', 'from.id', 'recipient', 'conversation', 'conversation.id', 'attachments', 'entities', 'membersAdded', 'value', 'channelData', 'textFormat'];
  const changes = 1 + Math.floor(r() * 3);
  for (let i = 0; i < changes; i++) {
    const p = pick(r, paths).split('.');
    const parent = p.length === 2 ? (a[p[0]!] ??= {}) : a;
    const key = p.at(-1)!;
    if (typeof parent !== 'object' || parent === null) continue;
    if (r() < 0.3) delete (parent as Record<string, unknown>)[key];
    else (parent as Record<string, unknown>)[key] = r() < 0.1 ? nested(50) : pick(r, strangeValues(r));
  }
  return a;
}

interface Answer {
  status: number;
  body: string;
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.text() };
}

describe('fuzzing the endpoints the outside world reaches', function () {
  this.timeout(180_000);

  it(`answers ${ACTIVITIES} malformed activities and ${DIRECT_LINE_CALLS} malformed Direct Line calls without a 5xx, a stack trace or a turn error, and the store stays whole`, async () => {
    const dataDir = await tempDataDir();
    const log = memoryLog();
    const bot = await startInProcess({ dataDir, log });
    const r = mulberry32(SEED);
    const answers: Array<Answer & { what: string }> = [];
    try {
      const jobs: Array<() => Promise<void>> = [];
      for (let i = 0; i < ACTIVITIES; i++) {
        const body = mutated(r);
        const raw = r() < 0.03 ? pick(r, ['{', '{"type":', 'type=message&text=hi', '\u0000', '[]'.repeat(3), DEEP_ARRAY, DEEP_OBJECT]) : JSON.stringify(body);
        const type = r() < 0.03 ? pick(r, ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) : 'application/json';
        jobs.push(async () => void answers.push({ what: `POST /api/messages ${raw.slice(0, 120)}`, ...(await send(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body: raw })) }));
      }
      // One real Direct Line conversation, to fuzz the calls that need a valid token too.
      const started = JSON.parse((await send(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).body) as { conversationId: string; token: string };
      const dl = `${bot.url}/v3/directline/conversations`;
      for (let i = 0; i < DIRECT_LINE_CALLS; i++) {
        const token = pick(r, [started.token, `${started.token}x`, 'eyJhbGciOiJub25lIn0.e30.', '', 'Bearer', 'x'.repeat(5000)]);
        const auth = { authorization: r() < 0.1 ? token : `Bearer ${token}`, 'content-type': 'application/json' };
        const conversation = pick(r, [started.conversationId, 'nope', '..%2F..%2Fetc', 'x'.repeat(600), '%00']);
        const call = pick(r, ['start', 'activity', 'poll', 'resume', 'refresh'] as const);
        const body = r() < 0.02 ? pick(r, [DEEP_ARRAY, DEEP_OBJECT]) : JSON.stringify(call === 'activity' ? mutated(r) : pick(r, strangeValues(r)));
        const request: [string, RequestInit] =
          call === 'start' ? [dl, { method: 'POST', headers: auth, body }]
          : call === 'activity' ? [`${dl}/${conversation}/activities`, { method: 'POST', headers: auth, body }]
          : call === 'poll' ? [`${dl}/${conversation}/activities?watermark=${encodeURIComponent(String(pick(r, strangeValues(r))))}`, { headers: auth }]
          : call === 'resume' ? [`${dl}/${conversation}`, { headers: auth }]
          : [`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: auth }];
        jobs.push(async () => void answers.push({ what: `${call} ${request[0].slice(0, 100)}`, ...(await send(...request)) }));
      }
      // A few at a time, as concurrent clients would.
      const running = new Set<Promise<void>>();
      for (const job of jobs) {
        const p = job().finally(() => running.delete(p));
        running.add(p);
        if (running.size >= 8) await Promise.race(running);
      }
      await Promise.all(running);

      expect(answers).to.have.length(ACTIVITIES + DIRECT_LINE_CALLS);
      expect(answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${a.what}`)).to.deep.equal([]);
      expect(answers.filter((a) => /\bat .+:\d+:\d+\)?|Error:/.test(a.body)).map((a) => a.what)).to.deep.equal([]);
      expect(log.lines.filter((l) => l.msg?.includes('turn error')).map((l) => l.msg)).to.deep.equal([]);
      // Most were refused: the fuzzing reached the checks, not only the bot.
      expect(answers.filter((a) => a.status === 400).length).to.be.above(ACTIVITIES / 2);

      // The store is whole: every file is JSON, and a real conversation still opens a ticket.
      for (const folder of await readdir(dataDir)) {
        const dir = path.join(dataDir, folder);
        const files = await readdir(dir).catch(() => []);
        for (const f of files.filter((x) => x.endsWith('.json'))) JSON.parse(await readFile(path.join(dir, f), 'utf8'));
      }
      const say = async (text: string) => JSON.parse((await send(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...validActivity(r), conversation: { id: 'after-fuzz' }, text }) })).body) as { activities: Array<{ text?: string }> };
      await say('open a ticket');
      await say('my invoice is wrong');
      await say('Ann Lee');
      await say('ann@example.com');
      const sent = await say('send');
      const reference = /L1-\d{8}-\d{4}/.exec(JSON.stringify(sent))?.[0];
      expect(reference, JSON.stringify(sent)).to.be.a('string');
      expect((await bot.store.findByReference(reference!))?.contact.email).to.equal('ann@example.com');
    } finally {
      await bot.close();
    }
  });
});
