// A bare restify server with only the staff API mounted, on a free port, over a temp DATA_DIR and
// a temp copy of the bundled knowledge base; and a small HTTP client that keeps the session cookie.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { openLiveKnowledge, type LiveKnowledge } from '../../knowledge/liveKnowledge.js';
import { DEFAULT_THRESHOLDS } from '../../knowledge/matching/defaultThresholds.js';
import { createAccountStore, type Role } from '../../staff/accounts.js';
import { createFileStaffRecords } from '../../tickets/staffRecords.js';
import { mountStaff, type StaffDeps } from '../../staff/routes.js';
import { createLowdbStore, type HelpdeskStore } from '../../tickets/helpdeskStore.js';
import { storedArticleEdits } from '../../knowledge/loadKnowledge.js';
import { bundled, PROJECT_ROOT } from '../helpers/bundledKb.js';

export const PASSWORD = 'correct horse battery';
export const STAFF_TOKEN = 'test-staff-token-0123456789-abcdefghij';

export interface StaffServer {
  url: string;
  store: HelpdeskStore;
  live: LiveKnowledge;
  root: string;
  dataDir: string;
  knowledgeDir: string;
  logs: string[];
  addAccount(email: string, role: Role, password?: string): Promise<void>;
  client(): Client;
  close(): Promise<void>;
}

/** A copy of knowledge/ at `root/knowledge`, so problems read knowledge/articles/<id>.md. */
export async function copyOfKnowledge(root: string): Promise<string> {
  const dir = path.join(root, 'knowledge');
  await cp(path.join(PROJECT_ROOT, 'knowledge/articles'), path.join(dir, 'articles'), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'knowledge/synonyms.yaml'), path.join(dir, 'synonyms.yaml'));
  return dir;
}

export async function startStaffServer(options: Partial<Pick<StaffDeps, 'now' | 'staffToken' | 'sessionSecret' | 'trustProxy' | 'timeZone' | 'dueRules'>> & { storeNow?: () => Date } = {}): Promise<StaffServer> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'staff-api-'));
  const dataDir = path.join(root, 'data');
  const knowledgeDir = await copyOfKnowledge(root);
  // The copy is the bundled KB: its matcher, trained once for all tests, serves until a reload.
  const store = createLowdbStore({ dataDir, ...(options.storeNow ? { now: options.storeNow } : {}) });
  const live = await openLiveKnowledge(knowledgeDir, DEFAULT_THRESHOLDS, { root, trained: (await bundled()).matcher, edits: () => storedArticleEdits(store) });
  const logs: string[] = [];
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  const records = createFileStaffRecords(dataDir);
  mountStaff(server, { store, live, records, staffToken: STAFF_TOKEN, log: (line) => logs.push(line), ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = createAccountStore({ records });
  return {
    url, store, live, root, dataDir, knowledgeDir, logs,
    addAccount: async (email, role, password = PASSWORD) => void (await accounts.upsert(email, password, role)),
    client: () => new Client(url),
    close: async () => {
      server.close();
      await live.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface Answer<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export class Client {
  cookie?: string;
  csrfToken?: string;
  constructor(readonly url: string, readonly baseHeaders: Record<string, string> = {}) {}

  async request<T = any>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const res = await fetch(`${this.url}${route}`, {
      method,
      headers: {
        ...this.baseHeaders,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = /Max-Age=0/.test(setCookie) ? undefined : pair;
    }
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined;
    return { status: res.status, body: json, text, headers: res.headers };
  }

  get<T = any>(route: string): Promise<Answer<T>> {
    return this.request<T>('GET', route);
  }

  /** A state-changing request with the CSRF token from sign-in. */
  post<T = any>(route: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    return this.request<T>('POST', route, body, { ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}), ...headers });
  }

  async login(email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Answer> {
    const answer = await this.request('POST', '/api/staff/login', { email, password }, headers);
    if (answer.status === 200) this.csrfToken = answer.body.csrfToken;
    return answer;
  }
}
