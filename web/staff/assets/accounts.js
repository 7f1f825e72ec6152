// Staff accounts (admins only): every account with its role, creation, last sign-in and whether it
// is disabled (GET /api/staff/accounts); change a role, disable or enable, remove after a
// confirmation (POST /api/staff/accounts/:email/…). The server refuses to leave the console without
// an active admin (409): the page says so. Accounts are created with `npm run staff:add`.
(function () {
  'use strict';

  var Staff = window.Staff;
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  var ROLES = ['viewer', 'agent', 'admin'];
  var ROLE_KEYS = { viewer: 'roleViewer', agent: 'roleAgent', admin: 'roleAdmin' };
  // Times in the business zone, named once above the table rather than in every cell.
  var UNLABELLED = { label: false };

  function path(email, action) {
    return '/accounts/' + encodeURIComponent(email) + '/' + action;
  }

  /** The answer to a change: a toast when it worked, else why not in `message`. */
  function changed(res, message, done, reload) {
    if (res.signedOut) return;
    if (res.ok) {
      Staff.toast(done);
      reload();
      return;
    }
    var text = res.status === 409 ? t('accountsLastAdmin') : res.status === 404 ? t('accountsGone') : Staff.errorText(res);
    Staff.replace(message, h('div', { class: 'alert alert--error', role: 'alert' }, text));
    if (res.status === 404) reload();
  }

  function row(account, reload) {
    var me = Staff.session && Staff.session.email === account.email;
    var disabled = !!account.disabledAt;
    var message = h('div', { class: 'form-message' });

    var role = Staff.select('role', ROLES.map(function (r) { return [r, t(ROLE_KEYS[r])]; }), account.role);
    role.setAttribute('aria-label', t('accountsRoleOf', { email: account.email }));
    role.addEventListener('change', function () {
      Staff.clear(message);
      role.disabled = true;
      Staff.api.post(path(account.email, 'role'), { role: role.value }).then(function (res) {
        role.disabled = false;
        if (!res.ok) role.value = account.role;
        // No longer an admin: this page is no longer theirs, and the menu changes.
        if (res.ok && me && role.value !== 'admin') {
          location.assign('/staff/');
          return;
        }
        changed(res, message, t('accountsRoleChanged', { email: account.email, role: t(ROLE_KEYS[role.value]) }), reload);
      });
    });

    var toggle = h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: function () {
      Staff.clear(message);
      toggle.disabled = true;
      Staff.api.post(path(account.email, disabled ? 'enable' : 'disable'), {}).then(function (res) {
        toggle.disabled = false;
        changed(res, message, t(disabled ? 'accountsEnabled' : 'accountsDisabled', { email: account.email }), reload);
      });
    } }, t(disabled ? 'accountsEnable' : 'accountsDisable'));

    var remove = Staff.confirmButton({
      label: t('accountsRemove'),
      buttonClass: 'btn--ghost',
      question: t('accountsRemoveConfirm', { email: account.email }),
      yes: t('accountsRemoveYes'),
      before: function () { Staff.clear(message); },
      act: function (back) {
        Staff.api.post(path(account.email, 'remove'), {}).then(function (res) {
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

  function start(main) {
    var list = h('section', { class: 'accounts-wrap', 'aria-live': 'polite' }, Staff.loading());
    var count = h('p', { class: 'count', role: 'status' });

    function load() {
      Staff.api.get('/accounts').then(function (res) {
        if (Staff.failed(res, list)) return;
        var accounts = (res.data && res.data.accounts) || [];
        count.textContent = t('accountsN', { n: fmt.number(accounts.length) }) + ' · ' + t('timesInZone', { zone: fmt.timeZone() });
        Staff.replace(list, accounts.length
          ? Staff.table('accounts',
            [t('email'), t('accountsRole'), t('accountsCreated'), t('accountsLastSignIn'), t('accountsState'), h('span', { class: 'sr-only' }, t('accountsActions'))],
            accounts.map(function (a) { return row(a, load); }))
          : Staff.empty(t('accountsNone')));
      });
    }

    Staff.replace(main, Staff.pageHead(t('accountsTitle'), t('accountsLead')), count, list);
    load();
  }

  Staff.run({ id: 'accounts', title: 'navAccounts', start: start });
})();
