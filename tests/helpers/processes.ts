// The project's own commands run as npm runs them (node + the tsx loader), from a test.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from './bundledKb.js';

// The tsx loader by its full URL, so a script can run from a temp folder where 'tsx' would not resolve.
const TSX = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a project script (path from the project root). `stdin` is written then closed; without it
 * the script has no standard input, as under CI. `env` replaces the environment (PATH kept).
 */
export function runScript(script: string, args: string[], options: { stdin?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, script), ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      ...(options.env ? { env: { PATH: process.env.PATH ?? '', ...options.env } } : {}),
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  });
}

export interface RunningBot {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts `bot/main.ts` exactly as `npm start` does, on a free port; resolves with its base URL. */
export function startBot(env: Record<string, string>): Promise<RunningBot> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bot/main.ts')], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    });
    let output = '';
    let resolved = false;
    const onData = (d: Buffer) => {
      output += d.toString();
      // Wait for the last start-up line: by then every route is mounted.
      const m = /listening on (http:\/\/[\d.]+:\d+)[\s\S]*website chat:/.exec(output);
      if (m && !resolved) {
        resolved = true;
        resolve({ url: m[1]!.replace('0.0.0.0', '127.0.0.1'), child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      if (!resolved) reject(new Error(`bot exited with ${code}:\n${output}`));
    });
  });
}
