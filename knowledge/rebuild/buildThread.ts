// Builds knowledge bases in a worker thread, so training a matcher (seconds of CPU) never holds up
// a conversation turn. One worker, started on first use and kept; builds run one after another.
import { Worker } from 'node:worker_threads';
import type { BuildRequest, BuildResult } from './buildJob.js';
import { assembler, type Piece } from './pieces.js';

export interface BuildThread {
  build(request: BuildRequest): Promise<BuildResult>;
  /**
   * Starts the thread now: loading its modules costs a second or two of CPU, better spent at start
   * than during the first edit, when conversations share the machine with the training.
   */
  start(): void;
  close(): Promise<void>;
}

type Reply = { job: number; piece: Piece } | { job: number; error: string };

// The worker runs TypeScript as the main thread does: tsx's loader is registered in it first
// (a worker does not inherit the main thread's loader hooks).
const workerUrl = new URL('./buildWorker.ts', import.meta.url);
const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;

export function createBuildThread(): BuildThread {
  let worker: Worker | undefined;
  let jobs = 0;
  const pending = new Map<number, { resolve: (r: BuildResult) => void; reject: (e: Error) => void; parts: ReturnType<typeof assembler> }>();
  let queue: Promise<unknown> = Promise.resolve();

  function failAll(err: Error) {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = undefined;
  }

  function started(): Worker {
    if (worker) return worker;
    const w = new Worker(bootstrap, { eval: true });
    // A build under way keeps no one waiting at exit: the process may stop without it.
    w.unref();
    w.on('message', (reply: Reply) => {
      const p = pending.get(reply.job);
      if (!p) return;
      if ('error' in reply) {
        pending.delete(reply.job);
        p.reject(new Error(`knowledge build failed: ${reply.error}`));
        return;
      }
      const added = p.parts.add(reply.piece);
      if (added.done) {
        pending.delete(reply.job);
        p.resolve(added.value as BuildResult);
      }
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => failAll(new Error(`knowledge build thread stopped (exit code ${code})`)));
    worker = w;
    return w;
  }

  return {
    build(request) {
      const run = queue.then(
        () =>
          new Promise<BuildResult>((resolve, reject) => {
            const job = ++jobs;
            pending.set(job, { resolve, reject, parts: assembler() });
            started().postMessage({ job, request });
          }),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    start() {
      started();
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
