// Reads every conversation's transcript file under DATA_DIR/transcripts, one file at a time, for
// searches across conversations (the staff console). Files are written atomically (temp + rename),
// so a file read here is always a complete one; a write in progress shows up on the next scan.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { folders } from './dataLayout.js';
import { transcriptEntrySchema } from './schemas.js';
import type { TranscriptEntry } from './types.js';

export interface StoredTranscript {
  conversationId: string;
  entries: TranscriptEntry[];
}

const fileSchema = z.object({ conversationId: z.string(), entries: z.array(transcriptEntrySchema) });

/**
 * Every transcript, in no particular order. A file that cannot be read or does not hold a
 * transcript is skipped and reported to `onSkip` (the scan goes on).
 */
export async function* scanTranscripts(dataDir: string, onSkip: (file: string, problem: string) => void = () => undefined): AsyncGenerator<StoredTranscript> {
  const dir = join(dataDir, folders.transcripts);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return;
    throw err;
  }
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    const file = join(dir, name);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      onSkip(file, (err as Error).message);
      continue;
    }
    const parsed = fileSchema.safeParse(value);
    if (!parsed.success) onSkip(file, parsed.error.issues[0]?.message ?? 'not a transcript');
    else if (parsed.data.conversationId) yield parsed.data as StoredTranscript;
  }
}
