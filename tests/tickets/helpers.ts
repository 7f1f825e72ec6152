// Shared by the tickets tests: a throw-away DATA_DIR and small real-looking requests.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { NewCallback, NewTicket } from '../../tickets/types.js';

/** A fresh temp folder per test: `root/data` is the DATA_DIR, so anything written beside it shows. */
export function useTempDataDir(): { root: () => string; dataDir: () => string } {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'helpdesk-tickets-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });
  return { root: () => root, dataDir: () => join(root, 'data') };
}

/** Every file under `dir`, as paths relative to it, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** A clock stopped at `iso`. */
export function clockAt(iso: string): () => Date {
  return () => new Date(iso);
}

/** A clock that reads each time in turn, then stays on the last. */
export function clockReading(...isos: string[]): () => Date {
  let i = 0;
  return () => new Date(isos[Math.min(i++, isos.length - 1)] ?? isos[0] ?? 0);
}

/** For tests that feed the store what the type checker would refuse. */
export function unchecked<T>(value: unknown): T {
  return value as T;
}

export function sampleTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    level: 1,
    reason: "Je n'arrive pas à réinitialiser mon mot de passe, le lien du mail a expiré",
    language: 'fr',
    channel: 'webchat',
    conversationId: 'conv-7f3a',
    contact: { name: 'Élodie Marchand', email: 'elodie.marchand@exemple.fr' },
    articleId: 'reset-password',
    tried: {
      articles: [
        { id: 'reset-password', title: 'Réinitialiser son mot de passe', confidence: 0.82, feedback: 'not-helpful', missing: 'le lien a expiré' },
      ],
      flowSteps: [{ articleId: 'reset-password', stepId: 'check-spam', choice: 'déjà fait' }],
      transcript: [
        { from: 'user', text: 'mot de pase oublié', at: '2026-11-23T14:03:51+01:00' },
        { from: 'bot', text: 'Voici comment réinitialiser votre mot de passe…', at: '2026-11-23T14:03:52+01:00' },
      ],
    },
    ...overrides,
  };
}

export function sampleCallback(overrides: Partial<NewCallback> = {}): NewCallback {
  return {
    reason: 'Scanner not detected after the update to 4.2',
    language: 'en',
    channel: 'msteams',
    conversationId: '19:meeting_abc@thread.v2',
    contact: { name: 'Sam Okafor', phone: '+33612345678' },
    slot: { start: '2026-11-24T09:00:00+01:00', end: '2026-11-24T09:30:00+01:00' },
    timeZone: 'Europe/Paris',
    consent: true,
    tried: { articles: [], flowSteps: [], transcript: [] },
    ...overrides,
  };
}
