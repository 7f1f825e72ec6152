import { expect } from 'chai';
import { createDispatcher, retryAt, type Subscriber } from '../../notify/dispatcher.js';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import type { RequestEvent } from '../../tickets/requestChanges.js';
import { sampleTicket, useTempDataDir } from '../tickets/helpers.js';

describe('the notification dispatcher', () => {
  const dirs = useTempDataDir();

  it('waits longer after each failure, then keeps the last wait', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const waits = [1, 2, 3, 4, 5, 9].map((n) => (retryAt(at, n).getTime() - at.getTime()) / 1000);
    expect(waits).to.deep.equal([10, 60, 300, 1800, 7200, 7200]);
  });

  /** A subscriber that records what it got and fails while `failing` says so. */
  function recorder(name: string, failing = () => false) {
    const got: RequestEvent[] = [];
    const subscriber: Subscriber = {
      name,
      async deliver(event) {
        if (failing()) throw new Error(`${name} is down`);
        got.push(event);
      },
    };
    return { got, subscriber };
  }

  it('retries only the subscriber that failed: the chat is not told twice when the mail fails', async () => {
    let clock = new Date('2026-12-01T10:00:00Z');
    const store = createLowdbStore({ dataDir: dirs.dataDir(), now: () => clock });
    let mailDown = true;
    const chat = recorder('chat');
    const mail = recorder('mail', () => mailDown);
    const warned: object[] = [];
    const dispatcher = createDispatcher({ outbox: store.outbox, subscribers: [chat.subscriber, mail.subscriber], log: { info: () => undefined, warn: (f) => warned.push(f) }, now: () => clock });
    const { reference } = await store.createTicket(sampleTicket());
    await dispatcher.kick();
    expect(chat.got.map((e) => e.type)).to.deep.equal(['requestCreated']);
    expect(mail.got).to.deep.equal([]);
    expect(warned[0]).to.deep.include({ type: 'requestCreated', reference, attempts: 1, error: 'mail: mail is down' });

    clock = new Date('2026-12-01T10:00:05Z');
    mailDown = false;
    await dispatcher.kick();
    expect(mail.got, 'not before its retry time').to.deep.equal([]);

    clock = new Date('2026-12-01T10:00:11Z');
    await dispatcher.kick();
    expect(mail.got.map((e) => e.type)).to.deep.equal(['requestCreated']);
    expect(chat.got, 'the chat had it already').to.have.length(1);
  });

  it('gives an event up after the last attempt and says so', async () => {
    let clock = new Date('2026-12-01T10:00:00Z');
    const store = createLowdbStore({ dataDir: dirs.dataDir(), now: () => clock });
    const mail = recorder('mail', () => true);
    const warned: string[] = [];
    const dispatcher = createDispatcher({ outbox: store.outbox, subscribers: [mail.subscriber], log: { info: () => undefined, warn: (_f, m) => warned.push(m) }, now: () => clock, maxAttempts: 3, backoffMs: [1000] });
    await store.createTicket(sampleTicket());
    for (let i = 0; i < 5; i++) {
      await dispatcher.kick();
      clock = new Date(clock.getTime() + 1000);
    }
    expect(warned).to.deep.equal(['notification failed, will retry', 'notification failed, will retry', 'notification given up']);
  });
});
