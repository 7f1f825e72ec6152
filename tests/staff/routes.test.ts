import { expect } from 'chai';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import restify from 'restify';
import type { LiveKnowledge } from '../../knowledge/liveKnowledge.js';
import { mountStaff, StaffConfigError } from '../../staff/routes.js';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';
import { createFileStaffRecords } from '../../tickets/staffRecords.js';
import { unchecked } from '../tickets/helpers.js';
import { STAFF_TOKEN } from './helpers.js';

describe('mounting the staff API', () => {
  const deps = { store: unchecked<HelpdeskStore>({}), live: unchecked<LiveKnowledge>({}), records: createFileStaffRecords(os.tmpdir()), log: () => undefined };

  it('refuses a STAFF_TOKEN or STAFF_SESSION_SECRET under 32 characters, and takes empty as unset', () => {
    expect(() => mountStaff(restify.createServer(), { ...deps, staffToken: 'short' })).to.throw(StaffConfigError, 'STAFF_TOKEN must be at least 32 characters');
    expect(() => mountStaff(restify.createServer(), { ...deps, sessionSecret: 'x'.repeat(31) })).to.throw(StaffConfigError, 'STAFF_SESSION_SECRET');
    expect(() => mountStaff(restify.createServer(), { ...deps, staffToken: '', sessionSecret: '' })).to.not.throw();
  });

  it('answers an unexpected failure with 500 "internal error" and logs it, with no stack trace to the caller', async () => {
    const failing = unchecked<HelpdeskStore>({ pageRequests: async () => { throw new Error('disk on fire at /srv/data/requests'); } });
    const logs: string[] = [];
    const server = restify.createServer({ handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    mountStaff(server, { ...deps, store: failing, records: createFileStaffRecords(await mkdtemp(path.join(os.tmpdir(), 'staff-500-'))), staffToken: STAFF_TOKEN, log: (l) => logs.push(l) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/staff/requests`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
      expect(res.status).to.equal(500);
      expect(await res.text()).to.equal('{"error":"internal error"}');
      expect(logs.join('\n')).to.include('disk on fire');
    } finally {
      server.close();
    }
  });
});
