// Delivers the request events of the store's outbox to their subscribers (mail to the customer,
// a message in their conversation, the support team's Teams card). A subscriber that fails is
// retried with backoff, alone; a staff action never waits for, or fails with, a notification.
import type { RequestEvent } from '../tickets/requestChanges.js';
import type { PendingEvent, RequestOutbox } from '../tickets/requestOutbox.js';

/** What a subscriber did with an event: delivered it (or had nothing to do), or found no way to (not retried). */
export type Delivery = 'delivered' | 'unreachable';

export interface Subscriber {
  /** stable: the outbox remembers who has an event by this name */
  name: string;
  /** Throws when it should be tried again later (a mail server down, a timeout). */
  deliver(event: RequestEvent): Promise<Delivery | void>;
}

export interface DispatcherLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface DispatcherDeps {
  outbox: RequestOutbox;
  subscribers: readonly Subscriber[];
  log: DispatcherLog;
  now?: () => Date;
  /** wait before each retry, the last repeated (default 10 s, 1 min, 5 min, 30 min, 2 h) */
  backoffMs?: readonly number[];
  /** failed attempts before an event is given up (default 8: about a day) */
  maxAttempts?: number;
  /** how often the outbox is read for events other instances wrote or that are due again (default 2 s) */
  pollMs?: number;
  /** how long a claimed event is left to this instance (default 60 s) */
  leaseMs?: number;
}

export const DEFAULT_BACKOFF_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000] as const;

/** When the `attempts`-th failed delivery is tried again. */
export function retryAt(now: Date, attempts: number, backoffMs: readonly number[] = DEFAULT_BACKOFF_MS): Date {
  const wait = backoffMs[Math.min(attempts, backoffMs.length) - 1] ?? backoffMs[0] ?? 10_000;
  return new Date(now.getTime() + wait);
}

export function createDispatcher({
  outbox, subscribers, log, now = () => new Date(), backoffMs = DEFAULT_BACKOFF_MS, maxAttempts = 8, pollMs = 2000, leaseMs = 60_000,
}: DispatcherDeps) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function deliver(pending: PendingEvent): Promise<void> {
    const { event } = pending;
    const failures: string[] = [];
    for (const subscriber of subscribers) {
      if (pending.delivered.includes(subscriber.name)) continue;
      try {
        const outcome = (await subscriber.deliver(event)) ?? 'delivered';
        if (outcome === 'unreachable') log.info({ event: event.id, type: event.type, reference: event.reference, subscriber: subscriber.name }, 'notification: no way to deliver, skipped');
        await outbox.delivered(event.id, subscriber.name);
      } catch (err) {
        failures.push(`${subscriber.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (failures.length === 0) return outbox.finish(event.id);
    const attempts = pending.attempts + 1;
    const fields = { event: event.id, type: event.type, reference: event.reference, attempts, error: failures.join('; ') };
    if (attempts >= maxAttempts) {
      log.warn(fields, 'notification given up');
      return outbox.finish(event.id);
    }
    const next = retryAt(now(), attempts, backoffMs);
    log.warn({ ...fields, retryAt: next.toISOString() }, 'notification failed, will retry');
    await outbox.retryLater(event.id, next, failures.join('; '));
  }

  /** Delivers what is due, until nothing is. */
  async function drain(): Promise<void> {
    for (;;) {
      const due = await outbox.claim(now(), 20, leaseMs);
      if (due.length === 0) return;
      for (const pending of due) await deliver(pending);
    }
  }

  /** One pass at a time; a kick during a pass makes one more pass after it. */
  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await drain();
        } while (again);
      } catch (err) {
        log.warn({ err }, 'notification outbox could not be read');
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    kick,
    /** Polls the outbox until stopped. */
    start(): void {
      if (timer) return;
      timer = setInterval(() => void kick(), pollMs);
      timer.unref();
      void kick();
    },
    /** Stops polling; resolves once the pass under way is over. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
export type Dispatcher = ReturnType<typeof createDispatcher>;
