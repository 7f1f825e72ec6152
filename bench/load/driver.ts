// Drives a bot over HTTP as Bot Framework channels do in local mode (POST /api/messages with
// deliveryMode expectReplies: the replies come back in the response), N customers at a time.
import { percentile } from '../measure.js';
import type { CustomerPlan } from './customers.js';

export const REFERENCE = /\bL[12]-\d{8}-\d{4}\b/g;

export interface LevelResult {
  concurrency: number;
  seconds: number;
  turns: number;
  conversations: number;
  turnsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  errorSamples: string[];
  /** reference → the conversations it was given in */
  acknowledged: Map<string, Set<string>>;
  /** ticket/callback conversations that ended without a reference */
  requestsWithoutReference: number;
  requestConversations: number;
  /** replies that matched `watch` */
  watched: number;
}

export interface DriveOptions {
  /**
   * one server, or several taken in turn for each message (a round-robin load balancer); the list
   * is read at each message, so a caller may take an instance out and put it back (its restart)
   */
  url: string | readonly string[];
  concurrency: number;
  seconds: number;
  plans: (n: number) => CustomerPlan;
  /** conversation ids start with it (one prefix per run) */
  prefix: string;
  /** ends the run early: no new conversation starts and the turns under way are abandoned */
  signal?: AbortSignal;
  /** replies matching it are counted (the fault bench's "could not record" message) */
  watch?: RegExp;
}

/** A customer's message as a channel posts it in local mode (the replies come back in the response). */
export function channelMessage(conversationId: string, userId: string, text: string, locale: string, n: number) {
  return {
    type: 'message',
    id: `${conversationId}-${n}`,
    text,
    locale,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/never-called',
    deliveryMode: 'expectReplies',
    from: { id: userId, name: 'Client' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: conversationId },
    timestamp: new Date().toISOString(),
  };
}

export async function drive({ url, concurrency, seconds, plans, prefix, signal, watch }: DriveOptions): Promise<LevelResult> {
  const times: number[] = [];
  const acknowledged = new Map<string, Set<string>>();
  const errorSamples: string[] = [];
  let errors = 0;
  let conversations = 0;
  let requestsWithoutReference = 0;
  let requestConversations = 0;
  let watched = 0;
  let next = 0;
  const urls = typeof url === 'string' ? [url] : url;
  let sent = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  async function customer(worker: number): Promise<void> {
    while (performance.now() < deadline && !signal?.aborted) {
      const n = next++;
      const plan = plans(n);
      const conversationId = `${prefix}-${worker}-${n}`;
      conversations++;
      let gotReference = false;
      for (const [i, text] of plan.turns.entries()) {
        const t0 = performance.now();
        let replies: Array<{ text?: string; attachments?: unknown }> = [];
        try {
          const res = await fetch(`${urls[sent++ % urls.length]}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(channelMessage(conversationId, `user-${worker}-${n}`, text, plan.locale, i)),
            signal,
          });
          const body = await res.text();
          times.push(performance.now() - t0);
          if (res.status !== 200) throw new Error(`HTTP ${res.status} ${body.slice(0, 120)}`);
          replies = (JSON.parse(body) as { activities?: typeof replies }).activities ?? [];
          if (replies.length === 0) throw new Error(`no reply to "${text}"`);
        } catch (err) {
          if ((err as Error).name === 'AbortError') break; // stopped by the caller: not the server's error
          errors++;
          if (errorSamples.length < 5) errorSamples.push((err as Error).message);
          break;
        }
        for (const reply of replies) {
          if (watch?.test(reply.text ?? '')) watched++;
          // Only a request's confirmation gives a reference: an answer may show an example one.
          if (plan.kind !== 'ticket' && plan.kind !== 'callback') continue;
          for (const ref of JSON.stringify([reply.text ?? '', reply.attachments ?? []]).match(REFERENCE) ?? []) {
            gotReference = true;
            const given = acknowledged.get(ref) ?? new Set<string>();
            given.add(conversationId);
            acknowledged.set(ref, given);
          }
        }
      }
      if (plan.kind === 'ticket' || plan.kind === 'callback') {
        requestConversations++;
        if (!gotReference) requestsWithoutReference++;
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, w) => customer(w)));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => percentile(times, p);
  return {
    concurrency, seconds: elapsed, turns: times.length, conversations, turnsPerSecond: times.length / elapsed,
    p50Ms: q(0.5), p95Ms: q(0.95), p99Ms: q(0.99), errors, errorSamples, acknowledged, requestsWithoutReference, requestConversations, watched,
  };
}
