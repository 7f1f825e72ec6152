// Inbox: tickets and callbacks (GET /api/staff/requests), newest first or what is due first, with
// text search, "my requests" and filters kept in the address, CSV exports with the same filters,
// and each row expandable (requestDetails.js).
// ?ref=L1-… opens that request (links from a transcript).
(function () {
  'use strict';

  var Staff = window.Staff;
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  var FILTERS = ['q', 'assignee', 'sort', 'overdue', 'kind', 'status', 'priority', 'level', 'language', 'from', 'to'];

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
      from: Staff.dayToIso(values.from),
      to: Staff.dayToIso(values.to, true),
    };
  }

  function summary(r) {
    var contact = r.contact || {};
    return [
      h('span', { class: 'req-chevron', 'aria-hidden': 'true' }),
      h('span', { class: 'req-id' }, h('span', { class: 'mono req-ref' }, r.reference), h('span', { class: 'badge badge--' + (r.kind === 'callback' ? 'callback' : 'ticket') }, Staff.kindLabel(r.kind))),
      h('span', { class: 'req-main' }, h('span', { class: 'req-reason' }, r.reason), h('span', { class: 'req-contact' }, contact.name || contact.email || contact.phone || '')),
      h('span', { class: 'req-level', title: Staff.levelLabel(Staff.levelOf(r)) }, 'L' + Staff.levelOf(r)),
      h('span', { class: 'req-lang' }, String(r.language || '').toUpperCase()),
      h('span', { class: 'req-status' }, Staff.statusPill(r.status), r.priority && r.priority !== 'normal' ? h('span', { class: 'badge badge--priority-' + r.priority }, Staff.priorityLabel(r.priority)) : null),
      h('span', { class: 'req-owner', title: r.assignee || '' }, Staff.ownerLabel(r.assignee)),
      h('span', { class: 'req-due' }, Staff.duePill(r.due)),
      h('time', { class: 'req-date', datetime: r.createdAt }, fmt.dateTime(r.createdAt)),
    ];
  }

  function requestRow(r, open) {
    var id = 'req-' + String(r.reference).replace(/[^A-Za-z0-9-]/g, '');
    var toggle = h('button', { type: 'button', class: 'req-summary', 'aria-expanded': 'false', 'aria-controls': id + '-details' });
    var details = h('div', { class: 'req-details', id: id + '-details', hidden: true });
    var item = h('li', { class: 'req', 'data-reference': r.reference }, toggle, details);

    function show(request) {
      r = request;
      Staff.replace(toggle, summary(r));
      if (!details.hidden) Staff.replace(details, Staff.requestDetails(r, show));
    }
    function setOpen(isOpen) {
      toggle.setAttribute('aria-expanded', String(isOpen));
      item.classList.toggle('req--open', isOpen);
      details.hidden = !isOpen;
      if (isOpen) Staff.replace(details, Staff.requestDetails(r, show));
    }
    toggle.addEventListener('click', function () { setOpen(details.hidden); });
    show(r);
    if (open) setOpen(true);
    return item;
  }

  var PAGE = 50;

  function start(main) {
    var params = Staff.params();
    var values = {};
    FILTERS.forEach(function (k) { values[k] = params.get(k) || ''; });
    var openRef = params.get('ref');

    var search = h('input', { type: 'search', name: 'q', value: values.q, placeholder: t('inboxSearchPlaceholder'), 'aria-label': t('inboxSearch') });
    var controls = {
      q: search,
      assignee: Staff.select('assignee', [['', t('everyone')], ['me', t('myRequests')], ['none', t('unassigned')]], values.assignee),
      sort: Staff.select('sort', [['', t('sortNewest')], ['due', t('sortDue')]], values.sort),
      overdue: Staff.select('overdue', [['', t('all')], ['true', t('overdueOnly')]], values.overdue),
      priority: Staff.select('priority', [['', t('all')]].concat(Staff.PRIORITIES.map(function (p) { return [p, Staff.priorityLabel(p)]; })), values.priority),
      kind: Staff.select('kind', [['', t('all')], ['ticket', t('kindTicket')], ['callback', t('kindCallback')]], values.kind),
      status: Staff.select('status', [['', t('all')], ['todo', t('toDo')]].concat(Staff.STATUSES.map(function (s) { return [s, Staff.statusLabel(s)]; })), values.status),
      level: Staff.select('level', [['', t('all')], ['1', t('level1')], ['2', t('level2')], ['3', t('level3')], ['4', t('level4')]], values.level),
      language: Staff.select('language', [['', t('all')], ['fr', t('langFrench')], ['en', t('langEnglish')]], values.language),
      from: h('input', { type: 'date', name: 'from', value: values.from }),
      to: h('input', { type: 'date', name: 'to', value: values.to }),
    };
    var exportTickets = h('a', { class: 'btn btn--secondary', download: 'tickets.csv' }, t('exportTickets'));
    var exportCallbacks = h('a', { class: 'btn btn--secondary', download: 'callbacks.csv' }, t('exportCallbacks'));
    var count = h('p', { class: 'count', role: 'status' });
    var list = h('div', { class: 'list-host' });

    function read() {
      FILTERS.forEach(function (k) { values[k] = controls[k].value; });
    }

    function load() {
      Staff.saveParams(Object.assign({}, values, openRef ? { ref: openRef } : {}));
      var query = apiParams(values);
      var exportQuery = Object.assign({}, query, { kind: undefined });
      exportTickets.setAttribute('href', Staff.apiUrl('/export/tickets.csv', exportQuery));
      exportCallbacks.setAttribute('href', Staff.apiUrl('/export/callbacks.csv', exportQuery));
      Staff.replace(list, Staff.loading());
      count.textContent = '';
      Staff.api.get('/requests', Object.assign({ limit: PAGE }, query)).then(function (res) {
        if (Staff.failed(res, list)) return;
        var requests = (res.data && res.data.requests) || [];
        var total = (res.data && res.data.total) || requests.length;
        if (!requests.length) {
          count.textContent = t('requestsCount', { n: fmt.number(0) });
          Staff.replace(list, Staff.empty(t('noRequests')));
          return;
        }
        var opened = null;
        var shown = 0;
        var ul = h('ul', { class: 'req-list' });
        var more = h('button', { type: 'button', class: 'btn btn--secondary more' }, t('showMore'));
        function add(page) {
          page.forEach(function (r) {
            var open = !!openRef && r.reference === openRef && !opened;
            var row = requestRow(r, open);
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
          Staff.api.get('/requests', Object.assign({ limit: PAGE, offset: shown }, query)).then(function (next) {
            more.disabled = false;
            if (Staff.failed(next, list)) return;
            add((next.data && next.data.requests) || []);
          });
        });
        add(requests);
        Staff.replace(list,
          h('div', { class: 'req-head', 'aria-hidden': 'true' },
            h('span', null), h('span', null, t('reference')), h('span', null, t('reason')), h('span', null, t('levelShort')),
            h('span', null, t('languageShort')), h('span', null, t('status')), h('span', null, t('owner')), h('span', null, t('firstReplyDue')), h('span', null, t('created'))),
          ul, h('div', { class: 'more-wrap' }, more));
        if (opened) opened.scrollIntoView({ block: 'start' });
        else if (openRef) {
          // A request further down the list (?ref= from a link): fetched and shown first, open.
          Staff.api.get('/requests/' + encodeURIComponent(openRef)).then(function (one) {
            if (!one.ok || !one.data || !one.data.request || opened) return;
            opened = requestRow(one.data.request, true);
            ul.insertBefore(opened, ul.firstChild);
            opened.scrollIntoView({ block: 'start' });
          });
        }
      });
    }

    // Typing searches after a short pause (one request per pause, not per key).
    var typing;
    search.addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(function () { read(); load(); }, 250);
    });
    var form = h('form', { class: 'filters', onchange: function (e) { if (e.target !== search) { read(); load(); } }, onsubmit: function (e) { e.preventDefault(); read(); load(); } },
      Staff.field(t('inboxSearch'), search),
      Staff.field(t('owner'), controls.assignee),
      Staff.field(t('sortBy'), controls.sort),
      Staff.field(t('firstReplyDue'), controls.overdue),
      Staff.field(t('kind'), controls.kind),
      Staff.field(t('status'), controls.status),
      Staff.field(t('priority'), controls.priority),
      Staff.field(t('levelQueue'), controls.level),
      Staff.field(t('language'), controls.language),
      Staff.field(t('from'), controls.from),
      Staff.field(t('to'), controls.to),
      h('button', { type: 'button', class: 'btn btn--ghost', onclick: function () {
        FILTERS.forEach(function (k) { controls[k].value = ''; });
        openRef = null;
        read();
        load();
      } }, t('resetFilters')));

    Staff.replace(main,
      Staff.pageHead(t('inboxTitle'), t('inboxLead'), [exportTickets, exportCallbacks]),
      form,
      count,
      list);
    load();
  }

  Staff.run({ id: 'inbox', title: 'navInbox', start: start });
})();
