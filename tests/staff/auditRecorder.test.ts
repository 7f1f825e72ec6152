// ctx.audit, the one function every change endpoint calls: who, what, and the caller's address;
// a failed write never turns a change already made into an error.
import { expect } from 'chai';
import type restify from 'restify';
import { createAuditRecorder } from '../../staff/auditApi.js';
import type { StaffAudit } from '../../tickets/staffRecords.js';
import type { StaffAuditEntry } from '../../tickets/types.js';

const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as restify.Request;

function memoryAudit(fail = false): StaffAudit & { kept: StaffAuditEntry[] } {
  const kept: StaffAuditEntry[] = [];
  return {
    kept,
    async appendAudit(entry) {
      if (fail) throw new Error('disk full');
      kept.push(entry);
    },
    pageAudit: async () => ({ entries: [], total: 0 }),
    allAudit: async () => kept,
    lastSignIns: async () => ({}),
  };
}

describe('recording in the staff audit', () => {
  const now = () => new Date('2026-11-23T09:00:00Z');

  it('names a session by its email and STAFF_TOKEN as "token", with the caller’s address', async () => {
    const records = memoryAudit();
    const audit = createAuditRecorder({ records, now, trustProxy: false, log: () => undefined });
    await audit(request('192.0.2.4'), { email: 'anne@scriba.example', role: 'admin', via: 'session' }, 'account-disabled', 'sam@scriba.example');
    await audit(request('192.0.2.5', { 'x-forwarded-for': '203.0.113.1' }), { email: 'staff-token', role: 'admin', via: 'token' }, 'request-status-changed', 'L1-20261123-0001', 'closed');
    expect(records.kept).to.deep.equal([
      { at: '2026-11-23T09:00:00.000Z', actor: 'anne@scriba.example', action: 'account-disabled', target: 'sam@scriba.example', address: '192.0.2.4' },
      // Not behind a trusted proxy: a forwarded address is anyone's to write.
      { at: '2026-11-23T09:00:00.000Z', actor: 'token', action: 'request-status-changed', target: 'L1-20261123-0001', details: 'closed', address: '192.0.2.5' },
    ]);
  });

  it('shortens what is too long to keep rather than losing the entry', async () => {
    const records = memoryAudit();
    await createAuditRecorder({ records, now, trustProxy: false, log: () => undefined })(request('192.0.2.4'), `${'a'.repeat(300)}@scriba.example`, 'sign-in-failed', undefined, 'x'.repeat(400));
    expect(records.kept[0]?.actor).to.have.length(254);
    expect(records.kept[0]?.details).to.have.length(300).and.match(/…$/);
  });

  it('logs a write that failed, without the email, and does not throw', async () => {
    const lines: string[] = [];
    const audit = createAuditRecorder({ records: memoryAudit(true), now, trustProxy: false, log: (line) => lines.push(line) });
    await audit(request('192.0.2.4'), 'typed.in.password@scriba.example', 'sign-in-failed');
    expect(lines).to.deep.equal(['staff audit: a sign-in-failed entry could not be recorded: disk full']);
  });
});
