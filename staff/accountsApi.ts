// Staff accounts from the console, for admins only: the list (role, created, last sign-in, disabled),
// and change of role, disable, enable, remove. A change applies at the account's next request
// (auth.ts reads the account every time). The console never loses its last active admin: such a
// change is refused with 409. Accounts are created with `npm run staff:add`.
import { z } from 'zod';
import { STAFF_ROLES, type StaffAuditAction } from '../tickets/types.js';
import type { AccountChanged, AccountsList, AccountView } from '../web/apiTypes.js';
import type { Account, AccountChange } from './accounts.js';
import type { StaffContext } from './context.js';
import { bodyOf, guard, HttpError, json, notFound, paramOf, parse } from './http.js';

const roleBody = z.object({ role: z.enum(STAFF_ROLES, { error: `role must be one of ${STAFF_ROLES.join(', ')}` }) });

/** What the console sees of an account: never its password hash. */
function shown(account: Account, lastSignInAt?: string): AccountView {
  return {
    email: account.email,
    role: account.role,
    createdAt: account.createdAt,
    ...(account.updatedAt ? { updatedAt: account.updatedAt } : {}),
    ...(account.disabledAt ? { disabledAt: account.disabledAt } : {}),
    ...(lastSignInAt ? { lastSignInAt } : {}),
  };
}

const lastAdmin = () => new HttpError(409, {
  error: 'last active admin',
  message: 'this is the only active admin account: make another account admin before disabling, demoting or removing it',
});

const ACTIONS: Record<AccountChange['kind'], StaffAuditAction> = {
  role: 'account-role-changed',
  disable: 'account-disabled',
  enable: 'account-enabled',
  remove: 'account-removed',
};

export function mountAccountsApi({ server, auth, log, accounts, audit, auditRecords }: StaffContext): void {
  server.get('/api/staff/accounts', guard(log, async (req, res) => {
    await auth.require(req, res, 'admin');
    const list = await accounts.list();
    const last = await auditRecords.lastSignIns(list.map((a) => a.email));
    return json({ accounts: list.map((a) => shown(a, last[a.email])) } satisfies AccountsList);
  }));

  const changeRoute = (path: string, changeOf: (body: unknown) => AccountChange) => {
    server.post(`/api/staff/accounts/:email/${path}`, guard(log, async (req, res) => {
      const principal = await auth.require(req, res, 'admin');
      const change = changeOf(bodyOf(req));
      const result = await accounts.change(paramOf(req, 'email'), change);
      if (!result.ok) throw result.reason === 'not-found' ? notFound('account') : lastAdmin();
      if (result.changed) {
        const details = change.kind === 'role' ? `${result.before.role} → ${change.role}` : change.kind === 'remove' ? `was ${result.before.role}` : undefined;
        await audit(req, principal, ACTIONS[change.kind], result.before.email, details);
      }
      return result.account ? json({ account: shown(result.account), changed: result.changed } satisfies AccountChanged) : { status: 204 };
    }));
  };
  changeRoute('role', (body) => ({ kind: 'role', role: parse(roleBody, body, 'role change').role }));
  changeRoute('disable', () => ({ kind: 'disable' }));
  changeRoute('enable', () => ({ kind: 'enable' }));
  changeRoute('remove', () => ({ kind: 'remove' }));
}
