// Every activity in and out, per conversation, into the helpdesk store. botbuilder's
// TranscriptLoggerMiddleware writes at the end of the turn without waiting and marks only the
// incoming side; here each write is awaited in order and carries its direction, so the
// transcript a ticket copies includes the turn in progress.
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { Logger } from '../dialogs/deps.js';
import { repeatedFailures, type FailureLog } from '../dialogs/repeatedFailures.js';

const plain = (a: Partial<Activity>) => JSON.parse(JSON.stringify(a)) as unknown;

export class TranscriptMiddleware implements Middleware {
  private readonly failed: FailureLog;

  constructor(private readonly store: HelpdeskStore, log: Logger) {
    this.failed = repeatedFailures(log);
  }

  /** Best-effort: a transcript that cannot be written is logged, the customer's turn goes on. */
  private async append(conversationId: string, direction: 'in' | 'out', activity: Partial<Activity>): Promise<void> {
    try {
      await this.store.appendTranscript({ conversationId, direction, activity: plain(activity) });
    } catch (err) {
      this.failed('transcript', err, conversationId);
    }
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) return next();
    await this.append(conversationId, 'in', context.activity);
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      const responses = await sendNext();
      for (const [i, activity] of activities.entries()) await this.append(conversationId, 'out', { ...activity, id: responses?.[i]?.id ?? activity.id });
      return responses;
    });
    await next();
  }
}
