// Transcripts: search conversations by text, reference and dates (GET /api/staff/transcripts), each
// titled by the customer's first question, and read one as a chat (GET /api/staff/transcripts/:id):
// the user on the right, the bot on the left, the choices it offered as chips, the files sent by
// name, a confirmation as a box with its reference. Days and times in the business zone (Staff.fmt).
// ?id= opens one.
(function () {
  'use strict';

  var Staff = window.Staff;
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  var FILTERS = ['q', 'reference', 'from', 'to'];

  // The shared formatter has no whole-date format: the day is written here, in its zone, so a
  // conversation past midnight in Paris is cut where the times beside it say.
  var dayFormats = {};
  function dayOf(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    var zone = fmt.timeZone();
    var key = Staff.lang + '|' + zone;
    dayFormats[key] = dayFormats[key] || new Intl.DateTimeFormat(Staff.lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeZone: zone });
    return dayFormats[key].format(d);
  }

  function chips(label, items, className) {
    return items && items.length
      ? h('ul', { class: 'chips' + (className ? ' ' + className : ''), 'aria-label': label }, items.map(function (b) { return h('li', { class: 'chip' }, b); }))
      : null;
  }

  function entryView(entry) {
    var fromUser = entry.from === 'user';
    var body = h('div', { class: 'bubble' + (fromUser ? ' bubble--user' : ' bubble--bot') },
      entry.text ? h('p', { class: 'bubble-text' }, fromUser ? entry.text : Staff.richText(entry.text)) : null,
      entry.reference
        ? h('div', { class: 'chat-card' },
          h('span', { class: 'chat-card-title' }, t('confirmation')),
          h('span', { class: 'chat-card-ref' }, h('span', { class: 'muted' }, t('reference')), ' ', h('strong', { class: 'mono' }, entry.reference)))
        : null,
      chips(null, (entry.attachments || []).map(function (name) { return '📎 ' + name; }), 'chips--files'),
      chips(t('buttonsOffered'), entry.choices));
    return h('li', { class: 'msg ' + (fromUser ? 'msg--user' : 'msg--bot') },
      fromUser ? null : h('img', { class: 'msg-avatar', src: '/staff/assets/avatar.svg', alt: '', width: 28, height: 28 }),
      h('div', { class: 'msg-body' },
        h('span', { class: 'msg-who' }, fromUser ? t('fromUser') : t('fromBot'), ' · ', h('time', { datetime: entry.at }, fmt.time(entry.at, { label: false }))),
        body));
  }

  function conversationView(data) {
    var entries = data.entries || [];
    var items = [];
    var lastDay = null;
    entries.forEach(function (entry) {
      var day = dayOf(entry.at);
      if (day && day !== lastDay) {
        // The messages' times are in the zone the day names, once.
        items.push(h('li', { class: 'day-sep' }, h('span', null, fmt.labelled(day))));
        lastDay = day;
      }
      items.push(entryView(entry));
    });
    var requests = data.requests || [];
    return [
      h('div', { class: 'chat-head' },
        h('div', null,
          h('h2', null, t('conversation')),
          h('p', { class: 'muted mono small' }, data.conversationId)),
        requests.length
          ? h('div', { class: 'chat-requests' }, h('span', { class: 'muted' }, t('linkedRequests')),
            requests.map(function (ref) { return h('a', { class: 'badge badge--link mono', href: '/staff/?ref=' + encodeURIComponent(ref) }, ref); }))
          : null),
      entries.length ? h('ol', { class: 'chat', 'aria-label': t('conversation') }, items) : Staff.empty(t('noMessages')),
    ];
  }

  function start(main) {
    var params = Staff.params();
    var values = {};
    FILTERS.forEach(function (k) { values[k] = params.get(k) || ''; });
    var openId = params.get('id') || '';

    var controls = {
      q: h('input', { type: 'search', name: 'q', value: values.q, placeholder: t('searchTextPlaceholder') }),
      reference: h('input', { type: 'search', name: 'reference', value: values.reference, placeholder: 'L1-20261124-0001', class: 'mono' }),
      from: h('input', { type: 'date', name: 'from', value: values.from }),
      to: h('input', { type: 'date', name: 'to', value: values.to }),
    };
    var count = h('p', { class: 'count', role: 'status' });
    var results = h('div', { class: 'list-host' });
    var viewer = h('section', { class: 'panel chat-panel', 'aria-live': 'polite' }, Staff.empty(t('pickConversation')));

    function save() {
      Staff.saveParams(Object.assign({}, values, openId ? { id: openId } : {}));
    }

    function open(id, button) {
      openId = id;
      save();
      Array.prototype.forEach.call(results.querySelectorAll('.convo'), function (b) { b.setAttribute('aria-current', String(b === button)); });
      Staff.replace(viewer, Staff.loading());
      Staff.api.get('/transcripts/' + encodeURIComponent(id)).then(function (res) {
        if (openId !== id) return;
        if (Staff.failed(res, viewer)) return;
        Staff.replace(viewer, conversationView(res.data || {}));
        if (button && window.matchMedia('(max-width: 900px)').matches) viewer.scrollIntoView({ block: 'start' });
      });
    }

    function search() {
      FILTERS.forEach(function (k) { values[k] = controls[k].value.trim(); });
      save();
      Staff.replace(results, Staff.loading());
      count.textContent = '';
      Staff.api.get('/transcripts', { q: values.q, reference: values.reference, from: Staff.dayToIso(values.from), to: Staff.dayToIso(values.to, true) }).then(function (res) {
        if (Staff.failed(res, results)) return;
        var conversations = (res.data && res.data.conversations) || [];
        count.textContent = t('conversationsCount', { n: fmt.number(conversations.length) });
        if (!conversations.length) {
          Staff.replace(results, Staff.empty(t('noConversations')));
          return;
        }
        Staff.replace(results, h('ul', { class: 'convo-list' }, conversations.map(function (c) {
          // The title is the customer's first question; under it, what the search matched, when it is another message.
          var title = c.title || c.snippet;
          var button = h('button', { type: 'button', class: 'convo', 'aria-current': String(c.conversationId === openId), onclick: function () { open(c.conversationId, button); } },
            h('strong', { class: 'convo-snippet convo-title' }, title || t('noText')),
            values.q && c.snippet && c.snippet !== title ? h('span', { class: 'convo-snippet convo-match muted' }, c.snippet) : null,
            h('span', { class: 'convo-meta' },
              h('time', { datetime: c.lastAt }, fmt.dateTime(c.lastAt)),
              ' · ', t('messagesCount', { n: fmt.number(Array.isArray(c.messages) ? c.messages.length : c.messages) })));
          return h('li', null, button);
        })));
      });
    }

    var form = h('form', { class: 'filters filters--stack', onsubmit: function (e) { e.preventDefault(); search(); } },
      Staff.field(t('searchText'), controls.q),
      Staff.field(t('reference'), controls.reference),
      h('div', { class: 'field-row' }, Staff.field(t('from'), controls.from), Staff.field(t('to'), controls.to)),
      h('button', { type: 'submit', class: 'btn btn--primary' }, t('search')));

    Staff.replace(main,
      Staff.pageHead(t('transcriptsTitle'), t('transcriptsLead')),
      h('div', { class: 'split' },
        h('section', { class: 'panel' }, form, count, results),
        viewer));
    search();
    if (openId) open(openId, null);
  }

  Staff.run({ id: 'transcripts', title: 'navTranscripts', start: start });
})();
