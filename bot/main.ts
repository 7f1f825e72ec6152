// Wires everything from the environment and starts listening. The only reader of process.env.
import { ConfigError, loadConfig } from './config.js';
import { createServer } from './server.js';
import { KnowledgeError } from '../knowledge/knowledgeError.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import { createMatcher } from '../knowledge/matcher.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // A broken knowledge base stops the start: better no bot than one answering from half a KB.
  const kb = await loadKnowledge(config.knowledgeDir);
  const started = performance.now();
  const matcher = createMatcher(kb, config.thresholds);
  const server = createServer({ matcher, articleCount: kb.articles.length });
  server.listen(config.port, config.host, () => {
    console.log(`scriba helpdesk bot: ${kb.articles.length} articles indexed in ${Math.round(performance.now() - started)} ms`);
    console.log(`listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (GET /healthz)`);
  });
}

try {
  await main();
} catch (err) {
  if (err instanceof ConfigError) console.error(`Configuration problem:\n${err.message}`);
  else if (err instanceof KnowledgeError) console.error(`The knowledge base has problems; fix them and start again:\n${err.message}`);
  else console.error(err);
  process.exitCode = 1;
}
