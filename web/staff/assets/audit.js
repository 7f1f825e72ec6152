// The staff audit (admins only): sign-ins, failed sign-ins, sign-outs and every change, newest
// first, a page at a time (GET /api/staff/audit), filtered by action, person and dates; the
// filters are kept in the address.
(function () {
  'use strict';

  var Staff = window.Staff;
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  var PAGE = 50;
  var FILTERS = ['action', 'actor', 'from', 'to'];
  var UNLABELLED = { label: false };
  // One label per action of STAFF_AUDIT_ACTIONS (tickets/types.ts; a test keeps the two the same).
  var ACTION_KEYS = {
    'sign-in': 'auditSignIn',
    'sign-in-failed': 'auditSignInFailed',
    'sign-out': 'auditSignOut',
    'account-created': 'auditAccountCreated',
    'account-password-set': 'auditAccountPasswordSet',
    'account-role-changed': 'auditAccountRoleChanged',
    'account-disabled': 'auditAccountDisabled',
    'account-enabled': 'auditAccountEnabled',
    'account-removed': 'auditAccountRemoved',
    'request-status-changed': 'auditRequestStatusChanged',
    'request-replied': 'auditRequestReplied',
    'request-assigned': 'auditRequestAssigned',
    'request-prioritised': 'auditRequestPrioritised',
    'knowledge-edited': 'auditKnowledgeEdited',
  };
  // Actions that went wrong or took access away stand out.
  var WARNING = { 'sign-in-failed': true, 'account-disabled': true, 'account-removed': true };

  function actionLabel(action) {
    return ACTION_KEYS[action] ? t(ACTION_KEYS[action]) : String(action);
  }

  /** What the actor field holds for the token and the command line, in words. */
  function actorLabel(actor) {
    if (actor === 'token') return t('auditByToken');
    if (actor === 'staff:add') return t('auditByCommandLine');
    return String(actor);
  }

  function entryRow(e) {
    return h('tr', { class: 'audit-entry' + (WARNING[e.action] ? ' audit-entry--warning' : ''), 'data-action': e.action },
      h('td', { class: 'nowrap' }, fmt.dateTime(e.at, UNLABELLED)),
      h('td', null, h('span', { class: 'audit-actor' }, actorLabel(e.actor))),
      h('td', null, h('span', { class: 'badge badge--audit' }, actionLabel(e.action))),
      h('td', null, e.target ? h('span', { class: 'mono' }, String(e.target)) : null),
      h('td', null, e.details ? String(e.details) : null),
      h('td', { class: 'mono small' }, e.address ? String(e.address) : null));
  }

  function start(main) {
    var params = Staff.params();
    var values = {};
    FILTERS.forEach(function (k) { values[k] = params.get(k) || ''; });
    var offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);

    var fields = {
      action: Staff.select('action', [['', t('all')]].concat(Object.keys(ACTION_KEYS).map(function (a) { return [a, actionLabel(a)]; })), values.action),
      actor: h('input', { type: 'search', name: 'actor', value: values.actor, placeholder: t('auditActorPlaceholder'), autocomplete: 'off' }),
      from: h('input', { type: 'date', name: 'from', value: values.from }),
      to: h('input', { type: 'date', name: 'to', value: values.to }),
    };
    var list = h('section', { class: 'audit-wrap', 'aria-live': 'polite' }, Staff.loading());
    var count = h('p', { class: 'count', role: 'status' });
    var previous = h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: function () { offset = Math.max(0, offset - PAGE); load(); } }, t('auditPrevious'));
    var next = h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: function () { offset += PAGE; load(); } }, t('auditNext'));
    var pager = h('div', { class: 'pager', hidden: true }, previous, next);

    function read() {
      FILTERS.forEach(function (k) { values[k] = fields[k].value.trim(); });
    }

    function load() {
      Staff.saveParams(Object.assign({}, values, { offset: offset ? String(offset) : '' }));
      var query = { limit: PAGE, offset: offset, action: values.action, actor: values.actor.toLowerCase(), from: Staff.dayToIso(values.from), to: Staff.dayToIso(values.to, true) };
      Staff.api.get('/audit', query).then(function (res) {
        if (Staff.failed(res, list)) {
          pager.hidden = true;
          return;
        }
        var entries = (res.data && res.data.entries) || [];
        var total = (res.data && res.data.total) || 0;
        count.textContent = (entries.length
          ? t('auditRange', { first: fmt.number(offset + 1), last: fmt.number(offset + entries.length), total: fmt.number(total) })
          : t('auditEntriesN', { n: fmt.number(total) })) + ' · ' + t('timesInZone', { zone: fmt.timeZone() });
        previous.disabled = offset === 0;
        next.disabled = offset + entries.length >= total;
        pager.hidden = total <= PAGE && offset === 0;
        Staff.replace(list, entries.length
          ? Staff.table('audit',
            [t('auditWhen'), t('auditWho'), t('auditAction'), t('auditTarget'), t('auditDetails'), t('auditAddress')],
            entries.map(entryRow))
          : Staff.empty(t('auditNone')));
      });
    }

    function search() {
      read();
      offset = 0;
      load();
    }

    var form = h('form', { class: 'filters', onchange: search, onsubmit: function (e) { e.preventDefault(); search(); } },
      Staff.field(t('auditAction'), fields.action),
      Staff.field(t('auditWho'), fields.actor),
      Staff.field(t('from'), fields.from),
      Staff.field(t('to'), fields.to),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'btn btn--secondary' }, t('search')),
        h('button', { type: 'button', class: 'btn btn--ghost', onclick: function () {
          FILTERS.forEach(function (k) { fields[k].value = ''; });
          search();
        } }, t('resetFilters'))));
    Staff.replace(main, Staff.pageHead(t('auditTitle'), t('auditLead')), form, count, list, pager);
    load();
  }

  Staff.run({ id: 'audit', title: 'navAudit', start: start });
})();
