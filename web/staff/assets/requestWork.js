// Working on one request: the conversation with the customer since it was made (public replies,
// internal notes, what the customer added), the reply form, the owner and the priority, and the
// due time shown as a pill. Used by requestDetails.js and the inbox rows.
(function () {
  'use strict';

  var Staff = (window.Staff = window.Staff || {});
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  Staff.PRIORITIES = ['low', 'normal', 'high', 'urgent'];
  var PRIORITY_KEYS = { low: 'priorityLow', normal: 'priorityNormal', high: 'priorityHigh', urgent: 'priorityUrgent' };
  var DUE_KEYS = { due: 'dueDue', overdue: 'dueOverdue', met: 'dueMet', late: 'dueLate' };

  Staff.priorityLabel = function (p) {
    return t(PRIORITY_KEYS[p || 'normal'] || 'priorityNormal');
  };

  /** "due 30 Nov, 16:00", red when overdue. */
  Staff.duePill = function (due) {
    if (!due) return null;
    return h('span', { class: 'pill due due--' + String(due.state).replace(/[^a-z]/g, ''), title: t(DUE_KEYS[due.state] || 'dueDue') + ' · ' + fmt.dateTime(due.at) },
      t(DUE_KEYS[due.state] || 'dueDue'), ' ', h('time', { datetime: due.at }, fmt.dateTime(due.at)));
  };

  /** The owner, short: the part of the email before @. */
  Staff.ownerLabel = function (email) {
    if (!email) return t('nobody');
    if (Staff.session && Staff.session.email === email) return t('me');
    return String(email).split('@')[0];
  };

  function post(r, path, body, onUpdated, done) {
    return Staff.api.post('/requests/' + encodeURIComponent(r.reference) + '/' + path, body).then(function (res) {
      if (res.ok && res.data && res.data.request) onUpdated(res.data.request);
      if (done) done(res);
      return res;
    });
  }

  Staff.messagesCard = function (r) {
    var messages = r.messages || [];
    return h('section', { class: 'detail-card detail-card--wide' },
      h('h3', null, t('messagesTitle')),
      messages.length
        ? h('ol', { class: 'thread' }, messages.map(function (m) {
          var who = m.from === 'customer' ? t('fromCustomer') : m.by || t('staff');
          var kind = m.from === 'customer' ? 'customer' : m.visibility === 'internal' ? 'internal' : 'public';
          return h('li', { class: 'thread-item thread-item--' + kind },
            h('div', { class: 'thread-head' },
              h('strong', null, who),
              h('span', { class: 'badge badge--' + kind }, t(kind === 'customer' ? 'messageFromCustomer' : kind === 'internal' ? 'messageInternal' : 'messagePublic')),
              h('time', { datetime: m.at }, fmt.dateTime(m.at))),
            h('p', { class: 'prewrap' }, m.text));
        }))
        : Staff.empty(t('noMessagesYet')));
  };

  Staff.replyForm = function (r, onUpdated) {
    var text = h('textarea', { name: 'reply', rows: 4, maxlength: 5000, required: true, placeholder: t('replyPlaceholder') });
    var pub = h('input', { type: 'radio', name: 'visibility', value: 'public', checked: true });
    var internal = h('input', { type: 'radio', name: 'visibility', value: 'internal' });
    var message = h('div', { class: 'form-message' });
    var submit = h('button', { type: 'submit', class: 'btn btn--primary' }, t('sendReply'));
    function label() { submit.textContent = internal.checked ? t('addNote') : t('sendReply'); }
    pub.addEventListener('change', label);
    internal.addEventListener('change', label);
    return h('form', { class: 'detail-card reply-form', onsubmit: function (event) {
      event.preventDefault();
      Staff.clear(message);
      if (!text.value.trim()) return;
      submit.disabled = true;
      var visibility = internal.checked ? 'internal' : 'public';
      post(r, 'replies', { text: text.value.trim(), visibility: visibility }, onUpdated, function (res) {
        submit.disabled = false;
        if (res.ok) Staff.toast(visibility === 'public' ? t('replySent', { reference: r.reference }) : t('noteAdded'));
        else if (!res.signedOut) message.appendChild(Staff.errorBox(res));
      });
    } },
      h('h3', null, t('replyTitle')),
      !(r.contact && r.contact.email) && !r.address ? h('p', { class: 'hint' }, t('noWayToTell')) : null,
      Staff.field(t('replyText'), text),
      h('fieldset', { class: 'choice-row' },
        h('legend', { class: 'field-label' }, t('replyVisibility')),
        h('label', null, pub, ' ', t('visibilityPublic')),
        h('label', null, internal, ' ', t('visibilityInternal'))),
      message,
      submit);
  };

  Staff.ownerCard = function (r, onUpdated) {
    var owner = h('select', { name: 'assignee', 'aria-label': t('owner') }, h('option', { value: '' }, t('nobody')));
    if (r.assignee) owner.appendChild(h('option', { value: r.assignee, selected: true }, r.assignee));
    Staff.api.get('/assignees').then(function (res) {
      var list = (res.ok && res.data && res.data.assignees) || [];
      list.forEach(function (email) {
        if (email !== r.assignee) owner.appendChild(h('option', { value: email }, email));
      });
    });
    var priority = Staff.select('priority', Staff.PRIORITIES.map(function (p) { return [p, Staff.priorityLabel(p)]; }), r.priority || 'normal');
    var mine = Staff.session && r.assignee === Staff.session.email;
    var takeIt = h('button', { type: 'button', class: 'btn btn--secondary', hidden: mine, onclick: function () {
      post(r, 'assignee', { assignee: 'me' }, onUpdated, function (res) { if (res.ok) Staff.toast(t('assignedToYou', { reference: r.reference })); });
    } }, t('assignToMe'));
    owner.addEventListener('change', function () {
      post(r, 'assignee', { assignee: owner.value || null }, onUpdated);
    });
    priority.addEventListener('change', function () {
      post(r, 'priority', { priority: priority.value }, onUpdated);
    });
    return h('section', { class: 'detail-card owner-card' },
      h('h3', null, t('ownerTitle')),
      h('div', { class: 'owner-row' }, Staff.field(t('owner'), owner), takeIt),
      Staff.field(t('priority'), priority),
      h('dl', { class: 'facts' }, h('dt', null, t('firstReplyDue')), h('dd', null, Staff.duePill(r.due))));
  };
})();
