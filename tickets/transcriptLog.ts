// Every activity of a conversation, in one file per conversation (`transcripts/<safe id>.json`):
// a file stays as small as one conversation, and the id can never name a path outside the folder.
import { z } from 'zod';
import { transcriptFile } from './dataLayout.js';
import { createJsonFileCache } from './jsonFileCache.js';
import { checkedBy, parseInput, transcriptEntrySchema } from './schemas.js';
import type { AtOptional, TranscriptEntry } from './types.js';
import { isoWithOffset } from './zonedTime.js';

interface TranscriptFile {
  conversationId: string;
  entries: TranscriptEntry[];
}

const transcriptFileSchema = z.object({ conversationId: z.string(), entries: z.array(transcriptEntrySchema) });

export interface TranscriptLogDeps {
  dataDir: string;
  timeZone: string;
  now: () => Date;
  maxOpen?: number;
  /** told when a damaged transcript is moved aside */
  report?: (line: string) => void;
}

export function createTranscriptLog({ dataDir, timeZone, now, maxOpen = 64, report = () => undefined }: TranscriptLogDeps) {
  const files = createJsonFileCache<TranscriptFile>({
    empty: () => ({ conversationId: '', entries: [] }),
    parse: checkedBy<TranscriptFile>(transcriptFileSchema),
    maxOpen,
    onDamaged: (file, movedTo, problem) => report(`${file} was damaged and moved to ${movedTo} (${problem}): the conversation's transcript starts again`),
  });

  return {
    async appendTranscript(input: AtOptional<TranscriptEntry>): Promise<TranscriptEntry> {
      const entry = parseInput(transcriptEntrySchema, { ...input, at: input.at ?? isoWithOffset(now(), timeZone) }, 'transcript entry');
      // Stored as its JSON round trip: what is kept in memory is exactly what the file holds.
      const stored: TranscriptEntry = { ...entry, activity: JSON.parse(JSON.stringify(entry.activity ?? null)) as unknown };
      await files.update(transcriptFile(dataDir, stored.conversationId), (data) => {
        data.conversationId = stored.conversationId;
        data.entries.push(stored);
        return { result: undefined, changed: true };
      });
      return structuredClone(stored);
    },

    async transcript(conversationId: string): Promise<TranscriptEntry[]> {
      return files.read(transcriptFile(dataDir, conversationId), (data) =>
        // The file name carries a hash of the id; checking the id too rules out any collision.
        data.conversationId === conversationId ? structuredClone(data.entries) : []);
    },
  };
}

export type TranscriptLog = ReturnType<typeof createTranscriptLog>;
