// The staff pages' reads, timed over HTTP against a running bot: the inbox (first page, filters and
// a later page, its text search for a word, a rare word, a reference and an email, what is due
// first, nobody's requests), the conversation list, the transcript search (a common and a rare word, a reference
// typed in the text box or in the reference box, an email, which transcripts keep masked so nothing
// matches and every conversation is read), the unanswered questions, the dashboard, the KB history.
import { percentile, round } from '../measure.js';
import type { Server } from './processes.js';

export interface EndpointFigures {
  p50Ms: number;
  p95Ms: number;
  bytes: number;
  status: number;
}

/** A stored ticket's reference and email, to search for (none in an empty store). */
export interface StaffSamples {
  reference: string;
  email: string;
}

export function staffEndpointList(samples?: StaffSamples): string[] {
  const q = (text: string) => `/api/staff/transcripts?q=${encodeURIComponent(text)}`;
  const inbox = (text: string) => `/api/staff/requests?limit=50&q=${encodeURIComponent(text)}`;
  return [
    '/api/staff/requests',
    '/api/staff/requests?limit=50',
    '/api/staff/requests?status=open&kind=ticket',
    '/api/staff/requests?status=open&kind=ticket&language=fr&limit=50&offset=200',
    inbox('mot de passe'),
    inbox('datev'),
    ...(samples ? [inbox(samples.reference), inbox(samples.email)] : []),
    '/api/staff/requests?limit=50&todo=true&sort=due',
    '/api/staff/requests?limit=50&assignee=none&todo=true',
    '/api/staff/transcripts',
    '/api/staff/transcripts?limit=50&offset=2000',
    q('mot de passe'),
    q('datev'),
    ...(samples ? [q(samples.reference), `/api/staff/transcripts?reference=${encodeURIComponent(samples.reference)}`, q(samples.email)] : []),
    '/api/staff/unanswered',
    '/api/staff/dashboard',
    '/api/staff/articles/history',
  ];
}

async function get(server: Server, token: string, endpoint: string): Promise<{ status: number; body: ArrayBuffer }> {
  const res = await fetch(`${server.url}${endpoint}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.arrayBuffer() };
}

/** The ticket in the middle of the inbox, as staff would search for it; undefined when there is none. */
export async function staffSamples(server: Server, token: string): Promise<StaffSamples | undefined> {
  type Page = { total: number; requests: Array<{ reference: string; contact: { email?: string } }> };
  const read = async (endpoint: string) => JSON.parse(new TextDecoder().decode((await get(server, token, endpoint)).body)) as Page;
  const { total } = await read('/api/staff/requests?kind=ticket&limit=1');
  if (total === 0) return undefined;
  const ticket = (await read(`/api/staff/requests?kind=ticket&limit=1&offset=${Math.floor(total / 2)}`)).requests[0];
  return ticket?.contact.email ? { reference: ticket.reference, email: ticket.contact.email } : undefined;
}

/** Each endpoint `rounds` times after one untimed call (it warms caches), one call at a time. */
export async function measureStaffEndpoints(server: Server, token: string, endpoints: readonly string[], rounds: number, say: (line: string) => void): Promise<Record<string, EndpointFigures>> {
  const out: Record<string, EndpointFigures> = {};
  for (const endpoint of endpoints) {
    const times: number[] = [];
    let bytes = 0;
    let status = 0;
    for (let i = 0; i < rounds + 1; i++) {
      const t0 = performance.now();
      const res = await get(server, token, endpoint);
      if (i > 0) times.push(performance.now() - t0);
      bytes = res.body.byteLength;
      status = res.status;
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => percentile(times, p);
    out[endpoint] = { p50Ms: round(q(0.5), 1), p95Ms: round(q(0.95), 1), bytes, status };
    say(`  staff ${endpoint}: p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, ${(bytes / 1024).toFixed(1)} KB, HTTP ${status}`);
  }
  return out;
}
