// The worker thread's side: one build at a time, its result sent back in pieces.
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { build, type BuildRequest } from './buildJob.js';
import { split } from './pieces.js';

const port = parentPort;
if (!port) throw new Error('buildWorker.ts runs in a worker thread');

// Training takes seconds of a CPU the answering thread may need on a small machine: this thread
// gives way (nice 10: it gets a tenth of a contended CPU; 19 starved it behind other processes
// for 20 s on a loaded machine). Linux names a thread's id in /proc/thread-self, and the
// priority of a thread id is that thread's alone; elsewhere the build keeps the normal priority.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
} catch {
  // not Linux, or not allowed: the normal priority
}

port.on('message', async ({ job, request }: { job: number; request: BuildRequest }) => {
  try {
    const { pieces, transfer } = split(await build(request));
    pieces.forEach((piece, i) => port.postMessage({ job, piece }, i === pieces.length - 1 ? transfer : []));
  } catch (err) {
    port.postMessage({ job, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
