// @ts-check
// Staff accounts (admins only): every account with its role, creation, last sign-in and whether it
// is disabled (GET /api/staff/accounts); change a role, disable or enable, remove after a
// confirmation (POST /api/staff/accounts/:email/…). The server refuses to leave the console without
// an active admin (409): the page says so. Accounts are created with `npm run staff:add`.
import { api, currentSession } from './api.js';
import { clear, confirmButton, empty, errorText, failed, h, loading, pageHead, replace, select, table, toast } from './dom.js';
import { entryOf, fmt, t } from './i18n.js';
import { run } from './shell.js';

/** @import { AccountView, StaffRole } from '../../apiTypes.js' */
/** @import { ApiResult } from './api.js' */
/** @import { TextKey } from './texts.js' */

/** @type {readonly StaffRole[]} */
const ROLES = ['viewer', 'agent', 'admin'];
/** @type {Record<StaffRole, TextKey>} */
const ROLE_KEYS = { viewer: 'roleViewer', agent: 'roleAgent', admin: 'roleAdmin' };
// Times in the business zone, named once above the table rather than in every cell.
const UNLABELLED = { label: false };

/**
 * @template {'role' | 'disable' | 'enable' | 'remove'} A
 * @param {string} email
 * @param {A} action
 * @returns {`/accounts/${string}/${A}`}
 */
function path(email, action) {
  return `/accounts/${encodeURIComponent(email)}/${action}`;
}

/** @param {string} role */
function roleLabel(role) {
  const key = entryOf(ROLE_KEYS, role);
  return key ? t(key) : String(role);
}

/**
 * The answer to a change: a toast when it worked, else why not in `message`.
 * @param {ApiResult<unknown>} res
 * @param {HTMLElement} message
 * @param {string} done
 * @param {() => void} reload
 */
function changed(res, message, done, reload) {
  if (res.signedOut) return;
  if (res.ok) {
    toast(done);
    reload();
    return;
  }
  const text = res.status === 409 ? t('accountsLastAdmin') : res.status === 404 ? t('accountsGone') : errorText(res);
  replace(message, h('div', { class: 'alert alert--error', role: 'alert' }, text));
  if (res.status === 404) reload();
}

/**
 * @param {AccountView} account
 * @param {() => void} reload
 */
function row(account, reload) {
  const session = currentSession();
  const me = session && session.email === account.email;
  const disabled = !!account.disabledAt;
  const message = h('div', { class: 'form-message' });

  const role = select('role', ROLES.map(function (r) { return /** @type {const} */ ([r, t(ROLE_KEYS[r])]); }), account.role);
  role.setAttribute('aria-label', t('accountsRoleOf', { email: account.email }));
  role.addEventListener('change', function () {
    clear(message);
    role.disabled = true;
    api.post(path(account.email, 'role'), { role: role.value }).then(function (res) {
      role.disabled = false;
      if (!res.ok) role.value = account.role;
      // No longer an admin: this page is no longer theirs, and the menu changes.
      if (res.ok && me && role.value !== 'admin') {
        location.assign('/staff/');
        return;
      }
      changed(res, message, t('accountsRoleChanged', { email: account.email, role: roleLabel(role.value) }), reload);
    });
  });

  const toggle = h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: function () {
    clear(message);
    toggle.disabled = true;
    api.post(path(account.email, disabled ? 'enable' : 'disable'), {}).then(function (res) {
      toggle.disabled = false;
      changed(res, message, t(disabled ? 'accountsEnabled' : 'accountsDisabled', { email: account.email }), reload);
    });
  } }, t(disabled ? 'accountsEnable' : 'accountsDisable'));

  const remove = confirmButton({
    label: t('accountsRemove'),
    buttonClass: 'btn--ghost',
    question: t('accountsRemoveConfirm', { email: account.email }),
    yes: t('accountsRemoveYes'),
    before: function () { clear(message); },
    act: function (back) {
      api.post(path(account.email, 'remove'), {}).then(function (res) {
        back();
        changed(res, message, t('accountsRemoved', { email: account.email }), reload);
      });
    },
  });

  return h('tr', { class: 'account' + (disabled ? ' account--disabled' : ''), 'data-email': account.email },
    h('th', { scope: 'row' }, h('span', { class: 'account-email' }, account.email), me ? h('span', { class: 'badge badge--you' }, t('accountsYou')) : null),
    h('td', null, role),
    h('td', null, fmt.dateTime(account.createdAt, UNLABELLED)),
    h('td', null, account.lastSignInAt ? fmt.dateTime(account.lastSignInAt, UNLABELLED) : h('span', { class: 'muted' }, t('accountsNever'))),
    h('td', null, h('span', { class: 'pill ' + (disabled ? 'pill--closed' : 'pill--resolved') }, t(disabled ? 'accountsStateDisabled' : 'accountsStateActive')),
      disabled ? h('span', { class: 'muted small account-since' }, t('accountsSince', { when: fmt.dateTime(account.disabledAt, UNLABELLED) })) : null),
    h('td', { class: 'account-actions' }, toggle, ' ', remove, message));
}

/** @param {HTMLElement} main */
function start(main) {
  const list = h('section', { class: 'accounts-wrap', 'aria-live': 'polite' }, loading());
  const count = h('p', { class: 'count', role: 'status' });

  function load() {
    api.get('/accounts').then(function (res) {
      if (failed(res, list)) return;
      const accounts = (res.data && res.data.accounts) || [];
      count.textContent = t('accountsN', { n: fmt.number(accounts.length) }) + ' · ' + t('timesInZone', { zone: fmt.timeZone() });
      replace(list, accounts.length
        ? table('accounts',
          [t('email'), t('accountsRole'), t('accountsCreated'), t('accountsLastSignIn'), t('accountsState'), h('span', { class: 'sr-only' }, t('accountsActions'))],
          accounts.map(function (a) { return row(a, load); }))
        : empty(t('accountsNone')));
    });
  }

  replace(main, pageHead(t('accountsTitle'), t('accountsLead')), count, list);
  load();
}

run({ id: 'accounts', title: 'navAccounts', start: start });
