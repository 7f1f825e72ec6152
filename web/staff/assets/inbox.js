// @ts-check
// Inbox: tickets and callbacks (GET /api/staff/requests), newest first or what is due first, with
// text search, "my requests" and filters kept in the address, CSV exports with the same filters,
// and each row expandable (requestDetails.js).
// ?ref=L1-… opens that request (links from a transcript).
import { api, apiUrl } from './api.js';
import { empty, failed, field, h, loading, pageHead, params as addressParams, replace, saveParams, select, STATUSES, statusLabel, statusPill } from './dom.js';
import { dayToIso, fmt, t } from './i18n.js';
import { kindLabel, levelLabel, levelOf, requestDetails } from './requestDetails.js';
import { duePill, ownerLabel, PRIORITIES, priorityLabel } from './requestWork.js';
import { run } from './shell.js';

/** @import { RequestView } from '../../apiTypes.js' */
/** @import { Params } from './api.js' */

/**
 * The filters, as the address and the form hold them.
 * @typedef {'q' | 'assignee' | 'sort' | 'overdue' | 'kind' | 'status' | 'priority' | 'level' | 'language' | 'from' | 'to'} Filter
 * @typedef {Record<Filter, string>} FilterValues
 */

/** @type {readonly Filter[]} */
const FILTERS = ['q', 'assignee', 'sort', 'overdue', 'kind', 'status', 'priority', 'level', 'language', 'from', 'to'];

/**
 * @param {FilterValues} values
 * @returns {Params}
 */
function apiParams(values) {
  return {
    q: values.q,
    assignee: values.assignee,
    sort: values.sort,
    overdue: values.overdue,
    // What is still to do unless a status is chosen: 'todo' is the first choice of the status filter.
    todo: values.status === 'todo' ? 'true' : undefined,
    priority: values.priority,
    kind: values.kind,
    status: values.status === 'todo' ? undefined : values.status,
    level: values.level,
    language: values.language,
    from: dayToIso(values.from),
    to: dayToIso(values.to, true),
  };
}

/** @param {RequestView} r */
function summary(r) {
  /** @type {{ name?: string, email?: string, phone?: string }} */
  const contact = r.contact || {};
  return [
    h('span', { class: 'req-chevron', 'aria-hidden': 'true' }),
    h('span', { class: 'req-id' }, h('span', { class: 'mono req-ref' }, r.reference), h('span', { class: 'badge badge--' + (r.kind === 'callback' ? 'callback' : 'ticket') }, kindLabel(r.kind))),
    h('span', { class: 'req-main' }, h('span', { class: 'req-reason' }, r.reason), h('span', { class: 'req-contact' }, contact.name || contact.email || contact.phone || '')),
    h('span', { class: 'req-level', title: levelLabel(levelOf(r)) }, 'L' + levelOf(r)),
    h('span', { class: 'req-lang' }, String(r.language || '').toUpperCase()),
    h('span', { class: 'req-status' }, statusPill(r.status), r.priority && r.priority !== 'normal' ? h('span', { class: 'badge badge--priority-' + r.priority }, priorityLabel(r.priority)) : null),
    h('span', { class: 'req-owner', title: r.assignee || '' }, ownerLabel(r.assignee)),
    h('span', { class: 'req-due' }, duePill(r.due)),
    h('time', { class: 'req-date', datetime: r.createdAt }, fmt.dateTime(r.createdAt)),
  ];
}

/**
 * @param {RequestView} r
 * @param {boolean} open
 */
function requestRow(r, open) {
  const id = 'req-' + String(r.reference).replace(/[^A-Za-z0-9-]/g, '');
  const toggle = h('button', { type: 'button', class: 'req-summary', 'aria-expanded': 'false', 'aria-controls': id + '-details' });
  const details = h('div', { class: 'req-details', id: id + '-details', hidden: true });
  const item = h('li', { class: 'req', 'data-reference': r.reference }, toggle, details);

  /** @param {RequestView} request */
  function show(request) {
    r = request;
    replace(toggle, summary(r));
    if (!details.hidden) replace(details, requestDetails(r, show));
  }
  /** @param {boolean} isOpen */
  function setOpen(isOpen) {
    toggle.setAttribute('aria-expanded', String(isOpen));
    item.classList.toggle('req--open', isOpen);
    details.hidden = !isOpen;
    if (isOpen) replace(details, requestDetails(r, show));
  }
  toggle.addEventListener('click', function () { setOpen(details.hidden); });
  show(r);
  if (open) setOpen(true);
  return item;
}

const PAGE = 50;

/** @param {HTMLElement} main */
function start(main) {
  const params = addressParams();
  /** @type {FilterValues} */
  const values = { q: '', assignee: '', sort: '', overdue: '', kind: '', status: '', priority: '', level: '', language: '', from: '', to: '' };
  FILTERS.forEach(function (k) { values[k] = params.get(k) || ''; });
  let openRef = params.get('ref');

  const search = h('input', { type: 'search', name: 'q', value: values.q, placeholder: t('inboxSearchPlaceholder'), 'aria-label': t('inboxSearch') });
  const controls = {
    q: search,
    assignee: select('assignee', [['', t('everyone')], ['me', t('myRequests')], ['none', t('unassigned')]], values.assignee),
    sort: select('sort', [['', t('sortNewest')], ['due', t('sortDue')]], values.sort),
    overdue: select('overdue', [['', t('all')], ['true', t('overdueOnly')]], values.overdue),
    priority: select('priority', [['', t('all')], ...PRIORITIES.map(function (p) { return /** @type {const} */ ([p, priorityLabel(p)]); })], values.priority),
    kind: select('kind', [['', t('all')], ['ticket', t('kindTicket')], ['callback', t('kindCallback')]], values.kind),
    status: select('status', [['', t('all')], ['todo', t('toDo')], ...STATUSES.map(function (s) { return /** @type {const} */ ([s, statusLabel(s)]); })], values.status),
    level: select('level', [['', t('all')], ['1', t('level1')], ['2', t('level2')], ['3', t('level3')], ['4', t('level4')]], values.level),
    language: select('language', [['', t('all')], ['fr', t('langFrench')], ['en', t('langEnglish')]], values.language),
    from: h('input', { type: 'date', name: 'from', value: values.from }),
    to: h('input', { type: 'date', name: 'to', value: values.to }),
  };
  const exportTickets = h('a', { class: 'btn btn--secondary', download: 'tickets.csv' }, t('exportTickets'));
  const exportCallbacks = h('a', { class: 'btn btn--secondary', download: 'callbacks.csv' }, t('exportCallbacks'));
  const count = h('p', { class: 'count', role: 'status' });
  const list = h('div', { class: 'list-host' });

  function read() {
    FILTERS.forEach(function (k) { values[k] = controls[k].value; });
  }

  function load() {
    saveParams(Object.assign({}, values, openRef ? { ref: openRef } : {}));
    const query = apiParams(values);
    const exportQuery = Object.assign({}, query, { kind: undefined });
    exportTickets.setAttribute('href', apiUrl('/export/tickets.csv', exportQuery));
    exportCallbacks.setAttribute('href', apiUrl('/export/callbacks.csv', exportQuery));
    replace(list, loading());
    count.textContent = '';
    api.get('/requests', Object.assign({ limit: PAGE }, query)).then(function (res) {
      if (failed(res, list)) return;
      const requests = (res.data && res.data.requests) || [];
      const total = (res.data && res.data.total) || requests.length;
      if (!requests.length) {
        count.textContent = t('requestsCount', { n: fmt.number(0) });
        replace(list, empty(t('noRequests')));
        return;
      }
      // Set by add() and by the fetch below: typed wide, not as the null it starts as.
      let opened = /** @type {HTMLLIElement | null} */ (null);
      let shown = 0;
      const ul = h('ul', { class: 'req-list' });
      const more = h('button', { type: 'button', class: 'btn btn--secondary more' }, t('showMore'));
      /** @param {RequestView[]} page */
      function add(page) {
        page.forEach(function (r) {
          const open = !!openRef && r.reference === openRef && !opened;
          const row = requestRow(r, open);
          if (open) opened = row;
          ul.appendChild(row);
        });
        shown += page.length;
        count.textContent = shown < total ? t('requestsCountPage', { n: fmt.number(shown), total: fmt.number(total) }) : t('requestsCount', { n: fmt.number(total) });
        more.hidden = shown >= total;
      }
      // Newest first, a page at a time: years of requests stay quick to open.
      more.addEventListener('click', function () {
        more.disabled = true;
        api.get('/requests', Object.assign({ limit: PAGE, offset: shown }, query)).then(function (next) {
          more.disabled = false;
          if (failed(next, list)) return;
          add((next.data && next.data.requests) || []);
        });
      });
      add(requests);
      replace(list,
        h('div', { class: 'req-head', 'aria-hidden': 'true' },
          h('span', null), h('span', null, t('reference')), h('span', null, t('reason')), h('span', null, t('levelShort')),
          h('span', null, t('languageShort')), h('span', null, t('status')), h('span', null, t('owner')), h('span', null, t('firstReplyDue')), h('span', null, t('created'))),
        ul, h('div', { class: 'more-wrap' }, more));
      if (opened) opened.scrollIntoView({ block: 'start' });
      else if (openRef) {
        // A request further down the list (?ref= from a link): fetched and shown first, open.
        api.get(`/requests/${encodeURIComponent(openRef)}`).then(function (one) {
          if (!one.ok || !one.data || !one.data.request || opened) return;
          opened = requestRow(one.data.request, true);
          ul.insertBefore(opened, ul.firstChild);
          opened.scrollIntoView({ block: 'start' });
        });
      }
    });
  }

  // Typing searches after a short pause (one request per pause, not per key).
  /** @type {number | undefined} */
  let typing;
  search.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () { read(); load(); }, 250);
  });
  const form = h('form', { class: 'filters', onchange: function (e) { if (e.target !== search) { read(); load(); } }, onsubmit: function (e) { e.preventDefault(); read(); load(); } },
    field(t('inboxSearch'), search),
    field(t('owner'), controls.assignee),
    field(t('sortBy'), controls.sort),
    field(t('firstReplyDue'), controls.overdue),
    field(t('kind'), controls.kind),
    field(t('status'), controls.status),
    field(t('priority'), controls.priority),
    field(t('levelQueue'), controls.level),
    field(t('language'), controls.language),
    field(t('from'), controls.from),
    field(t('to'), controls.to),
    h('button', { type: 'button', class: 'btn btn--ghost', onclick: function () {
      FILTERS.forEach(function (k) { controls[k].value = ''; });
      openRef = null;
      read();
      load();
    } }, t('resetFilters')));

  replace(main,
    pageHead(t('inboxTitle'), t('inboxLead'), [exportTickets, exportCallbacks]),
    form,
    count,
    list);
  load();
}

run({ id: 'inbox', title: 'navInbox', start: start });
