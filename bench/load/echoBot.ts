// The reference for `npm run bench:load`: a bot that echoes, on the same stack as the helpdesk bot
// (restify through bot/server.ts's checks, the Bot Framework CloudAdapter, local mode), so the
// ratio to it says what the helpdesk adds: understanding, dialogs, state and the store.
import { ActivityHandler } from 'botbuilder';
import { loadConfig } from '../../bot/config.js';
import { createCloudAdapter } from '../../bot/adapter.js';
import { createServer } from '../../bot/server.js';

const config = loadConfig(process.env);
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  await next();
});
const server = createServer({
  adapter: createCloudAdapter(config),
  bot,
  health: async () => ({ ok: true }),
  localMode: true,
  log: (line, err) => process.stderr.write(`${line}${err ? ` ${String(err)}` : ''}\n`),
});
server.listen(config.port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ msg: `listening on http://127.0.0.1:${server.address().port}` })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
