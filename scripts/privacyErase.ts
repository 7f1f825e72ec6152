// npm run privacy:erase -- --email X | --phone X | --conversation X
// Removes a person everywhere under DATA_DIR (DATA_DIR from the environment or .env): the requests
// with that email or phone (or made in that conversation), the transcripts, feedback, unanswered
// questions, answers shown, lookups and conversation state of their conversations, and damaged
// files that held their data. Prints what it removed. The bot must be stopped: the data folder
// has one writer at a time (the script takes its lock).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DataDirLockedError, lockDataDir } from '../tickets/dataDirLock.js';
import { createLowdbStore } from '../tickets/helpdeskStore.js';
import { createLowdbKeyValueStore } from '../tickets/keyValueStore.js';
import { erasePerson } from '../tickets/privacy.js';

const USAGE = 'usage: npm run privacy:erase -- --email X | --phone X | --conversation X   (one or more)';

class UsageError extends Error {}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { values } = parseArgs({ options: { email: { type: 'string' }, phone: { type: 'string' }, conversation: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.email && !values.phone && !values.conversation) throw new UsageError(USAGE);
  let phone: string | undefined;
  if (values.phone) {
    const parsed = parsePhoneNumberFromString(values.phone, 'FR');
    if (!parsed?.isPossible()) throw new UsageError(`'${values.phone}' is not a phone number`);
    phone = parsed.number;
  }
  const dataDir = path.resolve(process.env.DATA_DIR || './data');
  const lock = await lockDataDir(dataDir, { waitMs: 0 });
  try {
    const erased = await erasePerson(dataDir, createLowdbStore({ dataDir }), createLowdbKeyValueStore({ dataDir }), {
      ...(values.email ? { email: values.email } : {}),
      ...(phone ? { phone } : {}),
      ...(values.conversation ? { conversationId: values.conversation } : {}),
    });
    console.log(`erased from ${dataDir}:`);
    console.log(`  requests:      ${erased.requests.length}${erased.requests.length ? ` (${erased.requests.join(', ')})` : ''}`);
    console.log(`  conversations: ${erased.conversations.length}`);
    console.log(`  transcripts:   ${erased.transcripts}`);
    console.log(`  records:       ${erased.records} (feedback, unanswered questions, answers shown, lookups)`);
    console.log(`  files:         ${erased.files} (sent by the customer)`);
    console.log(`  states:        ${erased.states}`);
    console.log(`  damaged files: ${erased.damagedFiles.length}${erased.damagedFiles.length ? ` (${erased.damagedFiles.join(', ')})` : ''}`);
  } finally {
    await lock.release();
  }
}

try {
  await main();
} catch (err) {
  console.error(err instanceof UsageError || err instanceof DataDirLockedError ? `privacy:erase: ${err.message}` : err);
  process.exitCode = 1;
}
