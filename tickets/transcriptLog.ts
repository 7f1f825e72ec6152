// Every activity of a conversation, in one file per conversation (`transcripts/<safe id>.json`):
// a file stays as small as one conversation, and the id can never name a path outside the folder.
import { z } from 'zod';
import { transcriptFile, transcriptFiles } from './dataLayout.js';
import { createJsonFileCache } from './jsonFileCache.js';
import { checkedBy, parseInput, transcriptEntrySchema } from './schemas.js';
import type { AtOptional, TranscriptEntry } from './types.js';
import { isoWithOffset } from './zonedTime.js';
import { maskActivity } from './masking.js';

interface TranscriptFile {
  conversationId: string;
  entries: TranscriptEntry[];
  /** set once the transcript reached its size limit */
  full?: boolean;
}

const transcriptFileSchema = z.object({ conversationId: z.string(), entries: z.array(transcriptEntrySchema), full: z.boolean().optional() });

/** The most one conversation's transcript keeps (JSON bytes); later activities are not kept. */
export const MAX_TRANSCRIPT_BYTES = 512 * 1024;

export interface TranscriptLogDeps {
  dataDir: string;
  timeZone: string;
  now: () => Date;
  maxOpen?: number;
  /** told when a damaged transcript is moved aside, or one is full */
  report?: (line: string) => void;
  maxBytes?: number;
  /** addresses the company publishes, kept when masking */
  keepEmails?: ReadonlySet<string>;
}

export function createTranscriptLog({ dataDir, timeZone, now, maxOpen = 64, report = () => undefined, maxBytes = MAX_TRANSCRIPT_BYTES, keepEmails }: TranscriptLogDeps) {
  const files = createJsonFileCache<TranscriptFile>({
    empty: () => ({ conversationId: '', entries: [] }),
    parse: checkedBy<TranscriptFile>(transcriptFileSchema),
    maxOpen,
    onDamaged: (file, movedTo, problem) => report(`${file} was damaged and moved to ${movedTo} (${problem}): the conversation's transcript starts again`),
  });

  return {
    async appendTranscript(input: AtOptional<TranscriptEntry>): Promise<TranscriptEntry> {
      const entry = parseInput(transcriptEntrySchema, { ...input, at: input.at ?? isoWithOffset(now(), timeZone) }, 'transcript entry');
      // Stored as its JSON round trip: what is kept in memory is exactly what the file holds. Personal
      // data in what people read is masked: the request that needs contact details has its own.
      const stored: TranscriptEntry = { ...entry, activity: maskActivity(JSON.parse(JSON.stringify(entry.activity ?? null)) as unknown, keepEmails ? { keepEmails } : {}) };
      const size = JSON.stringify(stored).length;
      await files.update(transcriptFile(dataDir, stored.conversationId), (data) => {
        // A conversation that goes on and on (or a script) cannot grow its file without bound.
        if (data.full) return { result: undefined, changed: false };
        if (JSON.stringify(data.entries).length + size > maxBytes) {
          data.full = true;
          report(`the transcript of conversation ${stored.conversationId} is full (${maxBytes} bytes): later activities are not kept`);
          return { result: undefined, changed: true };
        }
        data.conversationId = stored.conversationId;
        data.entries.push(stored);
        return { result: undefined, changed: true };
      });
      return structuredClone(stored);
    },

    /** Deletes the transcripts whose last activity is older than `cutoff`; how many. */
    async purgeBefore(cutoff: Date): Promise<number> {
      let removed = 0;
      for (const file of await transcriptFiles(dataDir)) {
        const last = await files.read(file, (data) => data.entries.at(-1)?.at);
        if (last !== undefined && Date.parse(last) < cutoff.getTime()) {
          await files.remove(file);
          removed++;
        }
      }
      return removed;
    },

    /** Deletes a conversation's transcript; whether there was one. */
    async remove(conversationId: string): Promise<boolean> {
      const file = transcriptFile(dataDir, conversationId);
      const had = await files.read(file, (data) => data.conversationId === conversationId && data.entries.length > 0);
      await files.remove(file);
      return had;
    },

    async transcript(conversationId: string): Promise<TranscriptEntry[]> {
      return files.read(transcriptFile(dataDir, conversationId), (data) =>
        // The file name carries a hash of the id; checking the id too rules out any collision.
        data.conversationId === conversationId ? structuredClone(data.entries) : []);
    },
  };
}

export type TranscriptLog = ReturnType<typeof createTranscriptLog>;
