// The worker thread's side: one build at a time, its result sent back in pieces.
import { parentPort } from 'node:worker_threads';
import { build, type BuildRequest } from './buildJob.js';
import { split } from './pieces.js';

const port = parentPort;
if (!port) throw new Error('buildWorker.ts runs in a worker thread');

port.on('message', async ({ job, request }: { job: number; request: BuildRequest }) => {
  try {
    const { pieces, transfer } = split(await build(request));
    pieces.forEach((piece, i) => port.postMessage({ job, piece }, i === pieces.length - 1 ? transfer : []));
  } catch (err) {
    port.postMessage({ job, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
