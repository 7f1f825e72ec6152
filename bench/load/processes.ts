// The servers the load bench measures, each in its own process started as `npm start` starts the
// bot (node --import tsx), with its resident memory read from /proc while it runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Server {
  url: string;
  child: ChildProcess;
  /** resident memory now, in MB (NaN where /proc is not there) */
  rssMB(): number;
  output(): string;
  /** SIGTERM, and the exit */
  stop(): Promise<number | null>;
}

export function startServer(script: string, env: Record<string, string>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let done = false;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const onData = (d: Buffer) => {
      // Keep the start-up lines and the last warnings, not every line of a long run.
      output = (output + d.toString()).slice(-20_000);
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m && !done) {
        done = true;
        resolve({
          url: m[1]!,
          child,
          rssMB: () => rssOf(child.pid),
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      if (!done) reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
}

function rssOf(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Samples the server's memory while `work` runs: the peak, in MB. */
export async function peakMemory<T>(server: Server, work: () => Promise<T>): Promise<{ result: T; peakMB: number }> {
  let peak = server.rssMB();
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rssMB());
  }, 100);
  try {
    const result = await work();
    peak = Math.max(peak, server.rssMB());
    return { result, peakMB: peak };
  } finally {
    clearInterval(timer);
  }
}
