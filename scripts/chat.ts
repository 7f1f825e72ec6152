// npm run chat [-- --url http://127.0.0.1:3978 --locale fr-FR]
// Talks to a running bot (local mode) over HTTP with deliveryMode "expectReplies", one line of
// standard input per message: a terminal stand-in for the Emulator, and a way to script transcripts.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:3978' }, locale: { type: 'string', default: 'fr-FR' } } });
const conversation = { id: `chat-${randomUUID()}` };
const base = { channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/unused', locale: values.locale, from: { id: 'cli-user', name: 'You' }, recipient: { id: 'bot', name: 'Bot' }, conversation, deliveryMode: 'expectReplies' };

interface Reply {
  text?: string;
  suggestedActions?: { actions: Array<{ title: string }> };
}

async function send(activity: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${values.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, id: randomUUID(), ...activity }) });
  if (!res.ok) throw new Error(`the bot answered ${res.status}: ${await res.text()}`);
  const { activities = [] } = (await res.json()) as { activities?: Reply[] };
  for (const a of activities) {
    if (a.text) console.log(`bot> ${a.text.replace(/\n/g, '\n     ')}`);
    const buttons = a.suggestedActions?.actions.map((b) => `[${b.title}]`).join(' ');
    if (buttons) console.log(`     ${buttons}`);
  }
}

await send({ type: 'conversationUpdate', membersAdded: [{ id: 'cli-user', name: 'You' }] });
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  console.log(`you> ${line}`);
  await send({ type: 'message', text: line });
}
