// @ts-check
// The staff audit (admins only): sign-ins, failed sign-ins, sign-outs and every change, newest
// first, a page at a time (GET /api/staff/audit), filtered by action, person and dates; the
// filters are kept in the address.
import { api } from './api.js';
import { empty, failed, field, h, loading, pageHead, params as addressParams, replace, saveParams, select, table } from './dom.js';
import { dayToIso, entryOf, fmt, t } from './i18n.js';
import { run } from './shell.js';

/** @import { StaffAuditAction, AuditPage } from '../../apiTypes.js' */
/** @import { TextKey } from './texts.js' */

/** @typedef {'action' | 'actor' | 'from' | 'to'} Filter */

const PAGE = 50;
/** @type {readonly Filter[]} */
const FILTERS = ['action', 'actor', 'from', 'to'];
const UNLABELLED = { label: false };
// One label per action of STAFF_AUDIT_ACTIONS (tickets/types.ts): the type asks for every one, and
// a test keeps them in its order.
/** @type {Record<StaffAuditAction, TextKey>} */
const ACTION_KEYS = {
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
/** @type {Partial<Record<StaffAuditAction, true>>} */
const WARNING = { 'sign-in-failed': true, 'account-disabled': true, 'account-removed': true };

/** @param {string} action */
function actionLabel(action) {
  const key = entryOf(ACTION_KEYS, action);
  return key ? t(key) : String(action);
}

/**
 * What the actor field holds for the token and the command line, in words.
 * @param {string} actor
 */
function actorLabel(actor) {
  if (actor === 'token') return t('auditByToken');
  if (actor === 'staff:add') return t('auditByCommandLine');
  return String(actor);
}

/** @param {AuditPage['entries'][number]} e */
function entryRow(e) {
  return h('tr', { class: 'audit-entry' + (WARNING[e.action] ? ' audit-entry--warning' : ''), 'data-action': e.action },
    h('td', { class: 'nowrap' }, fmt.dateTime(e.at, UNLABELLED)),
    h('td', null, h('span', { class: 'audit-actor' }, actorLabel(e.actor))),
    h('td', null, h('span', { class: 'badge badge--audit' }, actionLabel(e.action))),
    h('td', null, e.target ? h('span', { class: 'mono' }, String(e.target)) : null),
    h('td', null, e.details ? String(e.details) : null),
    h('td', { class: 'mono small' }, e.address ? String(e.address) : null));
}

/** @param {HTMLElement} main */
function start(main) {
  const params = addressParams();
  /** @type {Record<Filter, string>} */
  const values = { action: '', actor: '', from: '', to: '' };
  FILTERS.forEach(function (k) { values[k] = params.get(k) || ''; });
  let offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);

  const fields = {
    action: select('action', [['', t('all')], ...Object.keys(ACTION_KEYS).map(function (a) { return /** @type {const} */ ([a, actionLabel(a)]); })], values.action),
    actor: h('input', { type: 'search', name: 'actor', value: values.actor, placeholder: t('auditActorPlaceholder'), autocomplete: 'off' }),
    from: h('input', { type: 'date', name: 'from', value: values.from }),
    to: h('input', { type: 'date', name: 'to', value: values.to }),
  };
  const list = h('section', { class: 'audit-wrap', 'aria-live': 'polite' }, loading());
  const count = h('p', { class: 'count', role: 'status' });
  const previous = h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: function () { offset = Math.max(0, offset - PAGE); load(); } }, t('auditPrevious'));
  const next = h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: function () { offset += PAGE; load(); } }, t('auditNext'));
  const pager = h('div', { class: 'pager', hidden: true }, previous, next);

  function read() {
    FILTERS.forEach(function (k) { values[k] = fields[k].value.trim(); });
  }

  function load() {
    saveParams(Object.assign({}, values, { offset: offset ? String(offset) : '' }));
    const query = { limit: PAGE, offset: offset, action: values.action, actor: values.actor.toLowerCase(), from: dayToIso(values.from), to: dayToIso(values.to, true) };
    api.get('/audit', query).then(function (res) {
      if (failed(res, list)) {
        pager.hidden = true;
        return;
      }
      const entries = (res.data && res.data.entries) || [];
      const total = (res.data && res.data.total) || 0;
      count.textContent = (entries.length
        ? t('auditRange', { first: fmt.number(offset + 1), last: fmt.number(offset + entries.length), total: fmt.number(total) })
        : t('auditEntriesN', { n: fmt.number(total) })) + ' · ' + t('timesInZone', { zone: fmt.timeZone() });
      previous.disabled = offset === 0;
      next.disabled = offset + entries.length >= total;
      pager.hidden = total <= PAGE && offset === 0;
      replace(list, entries.length
        ? table('audit',
          [t('auditWhen'), t('auditWho'), t('auditAction'), t('auditTarget'), t('auditDetails'), t('auditAddress')],
          entries.map(entryRow))
        : empty(t('auditNone')));
    });
  }

  function search() {
    read();
    offset = 0;
    load();
  }

  const form = h('form', { class: 'filters', onchange: search, onsubmit: function (e) { e.preventDefault(); search(); } },
    field(t('auditAction'), fields.action),
    field(t('auditWho'), fields.actor),
    field(t('from'), fields.from),
    field(t('to'), fields.to),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn--secondary' }, t('search')),
      h('button', { type: 'button', class: 'btn btn--ghost', onclick: function () {
        FILTERS.forEach(function (k) { fields[k].value = ''; });
        search();
      } }, t('resetFilters'))));
  replace(main, pageHead(t('auditTitle'), t('auditLead')), form, count, list, pager);
  load();
}

run({ id: 'audit', title: 'navAudit', start: start });
