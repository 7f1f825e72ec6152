import { expect } from 'chai';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createStoredRevocations } from '../../staff/revocations.js';
import { createFileStaffRecords } from '../../tickets/staffRecords.js';
import { createSessions } from '../../staff/sessions.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';

describe('staff sessions', () => {
  let at = 0;
  const clock = () => new Date(at);
  beforeEach(() => {
    at = Date.parse('2026-11-23T08:00:00Z');
  });

  it('accepts its own token and refuses one whose payload was changed', async () => {
    const sessions = createSessions({ secret: SECRET, now: clock });
    const { token } = sessions.issue('anne@example.com', HASH);
    expect((await sessions.verify(token))?.session.email).to.equal('anne@example.com');
    const [v, payload, sig] = token.split('.');
    const forged = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('anne@', 'boss@')).toString('base64url');
    expect(await sessions.verify(`${v}.${forged}.${sig}`)).to.equal(undefined);
    expect(await sessions.verify('garbage')).to.equal(undefined);
  });

  it('survives a restart with the same secret, not with another one', async () => {
    const { token } = createSessions({ secret: SECRET, now: clock }).issue('anne@example.com', HASH);
    expect(await createSessions({ secret: SECRET, now: clock }).verify(token)).to.not.equal(undefined);
    expect(await createSessions({ now: clock }).verify(token)).to.equal(undefined);
  });

  it('ends after an hour without use, and refreshes "last seen" on use', async () => {
    const sessions = createSessions({ secret: SECRET, now: clock });
    let { token } = sessions.issue('anne@example.com', HASH);
    at += 50 * 60_000;
    const used = await sessions.verify(token);
    expect(used?.refreshed, 'a refreshed cookie').to.be.a('string');
    token = used!.refreshed!;
    at += 50 * 60_000; // 100 minutes after sign-in, 50 after last use
    expect(await sessions.verify(token)).to.not.equal(undefined);
    at += 61 * 60_000;
    expect(await sessions.verify(token)).to.equal(undefined);
  });

  it('ends 8 hours after sign-in however often it is used', async () => {
    const sessions = createSessions({ secret: SECRET, now: clock });
    let { token } = sessions.issue('anne@example.com', HASH);
    for (let i = 0; i < 16; i++) {
      at += 30 * 60_000;
      const used = await sessions.verify(token);
      if (i < 15) expect(used, `after ${(i + 1) * 30} minutes`).to.not.equal(undefined);
      else expect(used, 'after 8 hours').to.equal(undefined);
      token = used?.refreshed ?? token;
    }
  });

  it('derives a CSRF token from the session, different for each session', async () => {
    const sessions = createSessions({ secret: SECRET, now: clock });
    const a = sessions.issue('anne@example.com', HASH).session;
    const b = sessions.issue('anne@example.com', HASH).session;
    expect(sessions.checkCsrf(a, sessions.csrfToken(a))).to.equal(true);
    expect(sessions.checkCsrf(a, sessions.csrfToken(b))).to.equal(false);
    expect(sessions.checkCsrf(a, undefined)).to.equal(false);
  });

  it('keeps a signed-out session dead across a restart (revocations on disk)', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'staff-revoked-'));
    const before = createSessions({ secret: SECRET, now: clock, revocations: createStoredRevocations(createFileStaffRecords(dataDir), clock) });
    const { token, session } = before.issue('anne@example.com', HASH);
    await before.revoke(session);
    expect(await before.verify(token)).to.equal(undefined);
    const after = createSessions({ secret: SECRET, now: clock, revocations: createStoredRevocations(createFileStaffRecords(dataDir), clock) });
    expect(await after.verify(token)).to.equal(undefined);
  });

  it('ties the session to the password hash it was opened with', () => {
    const sessions = createSessions({ secret: SECRET, now: clock });
    const { session } = sessions.issue('anne@example.com', HASH);
    expect(session.passwordTag).to.equal(sessions.passwordTag(HASH));
    expect(session.passwordTag).to.not.equal(sessions.passwordTag(`${HASH}x`));
  });
});
