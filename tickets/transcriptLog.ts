// Every entry of a conversation (what was said: types.ts), appended to one JSON Lines file per
// conversation (`transcripts/<safe id>.jsonl`): an append costs the same in the 10,000th
// conversation as in the first, a file stays as small as one conversation, and the id can never
// name a path outside the folder. The staff's search runs on an index kept in memory (transcriptIndex.ts).
import { z } from 'zod';
import { legacyTranscriptFiles, transcriptFile, transcriptFiles } from './dataLayout.js';
import { createJsonLines } from './jsonLines.js';
import { migrateToLines } from './legacyFiles.js';
import { maskActivity, maskPersonalData, type MaskOptions } from './masking.js';
import { checkedBy, parseInput, transcriptEntrySchema } from './schemas.js';
import { createTranscriptIndex } from './transcriptIndex.js';
import type { AtOptional, SaidMessage, TranscriptEntry } from './types.js';
import { isoWithOffset } from './zonedTime.js';

/** The most one conversation's transcript keeps (bytes on disk); later activities are not kept. */
export const MAX_TRANSCRIPT_BYTES = 512 * 1024;

const legacySchema = z.object({ conversationId: z.string(), entries: z.array(transcriptEntrySchema) });

/** What both backends' transcript logs are made with, beside where they keep it. */
export interface TranscriptOptions {
  timeZone: string;
  now: () => Date;
  /** told when an unreadable line is skipped, a legacy file moved aside, or a transcript is full */
  report?: (line: string) => void;
  maxBytes?: number;
  /** addresses the company publishes, kept when masking */
  keepEmails?: ReadonlySet<string>;
}

export interface TranscriptLogDeps extends TranscriptOptions {
  dataDir: string;
}

/**
 * An entry as every backend keeps it: validated, timed (now by default), as its JSON round trip
 * (what is kept in memory is exactly what is stored), personal data in what people read masked (the
 * request that needs contact details has its own), in the message and in the activity alike.
 */
export function storedEntry(input: AtOptional<TranscriptEntry>, { now, timeZone, keepEmails }: Pick<TranscriptOptions, 'now' | 'timeZone' | 'keepEmails'>): TranscriptEntry {
  const { activity, message, ...entry } = parseInput(transcriptEntrySchema, { ...input, at: input.at ?? isoWithOffset(now(), timeZone) }, 'transcript entry');
  const options = keepEmails ? { keepEmails } : {};
  return {
    ...entry,
    ...(message ? { message: maskMessage(message, options) } : {}),
    // An entry of the old shape always had an activity (null at least); a message alone needs none.
    ...(activity !== undefined || !message ? { activity: maskActivity(JSON.parse(JSON.stringify(activity ?? null)) as unknown, options) } : {}),
  };
}

/** The reference is the store's own number, no one's personal data: it is kept as it is. */
function maskMessage({ text, choices, reference, attachments }: SaidMessage, options: MaskOptions): SaidMessage {
  return {
    text: maskPersonalData(text, options),
    ...(choices ? { choices: choices.map((c) => maskPersonalData(c, options)) } : {}),
    ...(reference ? { reference } : {}),
    ...(attachments ? { attachments: attachments.map((a) => maskPersonalData(a, options)) } : {}),
  };
}

/** Says once per conversation that its transcript is full (a conversation that goes on and on, or a script). */
export function fullTranscripts(report: (line: string) => void, maxBytes: number) {
  const full = new Set<string>();
  return {
    refused(conversationId: string): void {
      if (full.has(conversationId)) return;
      full.add(conversationId);
      report(`the transcript of conversation ${conversationId} is full (${maxBytes} bytes): later activities are not kept`);
    },
    /** the conversation's transcript was removed: it may fill again */
    forget: (conversationId: string) => void full.delete(conversationId),
  };
}

export function createTranscriptLog({ dataDir, timeZone, now, report = () => undefined, maxBytes = MAX_TRANSCRIPT_BYTES, keepEmails }: TranscriptLogDeps) {
  const lines = createJsonLines<TranscriptEntry>({
    parse: checkedBy<TranscriptEntry>(transcriptEntrySchema, 'transcript entry'),
    durable: false,
    report,
    cached: 0,
  });
  const full = fullTranscripts(report, maxBytes);
  let ready: Promise<void> | undefined;
  const migrated = () => (ready ??= (async () => {
    for (const file of await legacyTranscriptFiles(dataDir)) {
      await migrateToLines(file, `${file}l`, lines, (value) => legacySchema.parse(value).entries as TranscriptEntry[], report);
    }
  })());
  /** The entries of one file that belong to the conversation (the name's hash rules out collisions; this checks). */
  const entriesOf = async (conversationId: string) => (await lines.read(transcriptFile(dataDir, conversationId))).filter((e) => e.conversationId === conversationId);
  const index = createTranscriptIndex(async function* () {
    await migrated();
    for (const file of await transcriptFiles(dataDir)) {
      const entries = await lines.read(file);
      // One conversation per file: the first entry names it.
      const id = entries[0]?.conversationId;
      if (id !== undefined) yield entries.filter((e) => e.conversationId === id);
    }
  });

  return {
    async appendTranscript(input: AtOptional<TranscriptEntry>): Promise<TranscriptEntry> {
      await migrated();
      const stored = storedEntry(input, { now, timeZone, ...(keepEmails ? { keepEmails } : {}) });
      // A conversation that goes on and on (or a script) cannot grow its file without bound.
      const kept = await lines.append(transcriptFile(dataDir, stored.conversationId), [stored], { maxBytes });
      if (kept) index.added(stored);
      else full.refused(stored.conversationId);
      return structuredClone(stored);
    },

    /** Deletes the transcripts whose last activity is older than `cutoff`; how many. */
    async purgeBefore(cutoff: Date): Promise<number> {
      await migrated();
      let removed = 0;
      for (const file of await transcriptFiles(dataDir)) {
        const entries = await lines.read(file);
        const last = Math.max(...entries.map((e) => Date.parse(e.at)));
        if (entries.length > 0 && last < cutoff.getTime()) {
          await lines.remove(file);
          index.removed(entries[0]!.conversationId);
          removed++;
        }
      }
      return removed;
    },

    /** Deletes a conversation's transcript; whether there was one. */
    async remove(conversationId: string): Promise<boolean> {
      await migrated();
      const had = (await entriesOf(conversationId)).length > 0;
      await lines.remove(transcriptFile(dataDir, conversationId));
      index.removed(conversationId);
      full.forget(conversationId);
      return had;
    },

    /** Every conversation that has a transcript (the import into PostgreSQL walks them). */
    async conversations(): Promise<string[]> {
      await migrated();
      const ids: string[] = [];
      for (const file of await transcriptFiles(dataDir)) {
        const first = (await lines.read(file))[0];
        if (first) ids.push(first.conversationId);
      }
      return ids;
    },

    async transcript(conversationId: string): Promise<TranscriptEntry[]> {
      await migrated();
      return structuredClone(await entriesOf(conversationId));
    },

    search: index.search,
  };
}

export type TranscriptLog = ReturnType<typeof createTranscriptLog>;
