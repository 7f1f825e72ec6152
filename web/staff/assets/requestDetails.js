// One ticket or callback, expanded in the inbox: the request, its status history, what the user
// already tried with the bot (articles with confidence and feedback, flow steps, the transcript),
// the messages since (requestWork.js), and for agents and admins the reply, owner and status forms.
(function () {
  'use strict';

  var Staff = (window.Staff = window.Staff || {});
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  var FEEDBACK_KEYS = { helpful: 'feedbackHelpful', 'not-helpful': 'feedbackNotHelpful', none: 'feedbackNone' };
  var NEXT = { open: 'in-progress', 'in-progress': 'resolved', resolved: 'closed', closed: 'open' };

  Staff.levelOf = function (request) {
    return request.kind === 'callback' ? 2 : Number(request.level) || 1;
  };
  Staff.levelLabel = function (level) {
    return t('level' + level);
  };
  Staff.kindLabel = function (kind) {
    return t(kind === 'callback' ? 'kindCallback' : 'kindTicket');
  };

  function row(label, value) {
    if (value === undefined || value === null || value === '') return null;
    return [h('dt', null, label), h('dd', null, value)];
  }

  function contactOf(r) {
    var c = r.contact || {};
    return h('span', { class: 'contact-lines' },
      c.name ? h('span', null, c.name) : null,
      c.email ? h('span', null, c.email) : null,
      c.phone ? h('span', { class: 'mono' }, c.phone) : null);
  }

  function requestCard(r) {
    var slot = r.kind === 'callback' && r.slot ? fmt.slot(r.slot.start, r.slot.end, r.timeZone) : null;
    return h('section', { class: 'detail-card' },
      h('h3', null, t('detailRequest')),
      h('dl', { class: 'facts' },
        row(t('reference'), h('span', { class: 'mono' }, r.reference)),
        row(t('kind'), Staff.kindLabel(r.kind)),
        row(t('levelQueue'), Staff.levelLabel(Staff.levelOf(r))),
        row(t('created'), fmt.dateTime(r.createdAt)),
        row(t('firstReplyDue'), Staff.duePill(r.due)),
        row(t('owner'), Staff.ownerLabel(r.assignee)),
        row(t('priority'), Staff.priorityLabel(r.priority)),
        row(t('language'), String(r.language || '').toUpperCase()),
        row(t('channel'), r.channel),
        row(t('reason'), h('span', { class: 'prewrap' }, r.reason)),
        row(t('contact'), contactOf(r)),
        row(t('callbackSlot'), slot),
        row(t('article'), r.articleId ? h('code', null, r.articleId) : null)));
  }

  function historyCard(r) {
    var history = (r.statusHistory || []).slice().reverse();
    return h('section', { class: 'detail-card' },
      h('h3', null, t('statusHistory')),
      history.length
        ? h('ol', { class: 'timeline' }, history.map(function (change) {
          return h('li', null,
            h('div', { class: 'timeline-head' }, Staff.statusPill(change.status), h('time', { datetime: change.at }, fmt.dateTime(change.at))),
            change.by ? h('div', { class: 'muted' }, t('changedBy', { who: change.by })) : null,
            change.note ? h('p', { class: 'note prewrap' }, change.note) : null,
            change.note ? h('div', { class: 'muted' }, t(change.public ? 'noteToldCustomer' : 'noteInternal')) : null);
        }))
        : Staff.empty(t('noHistory')));
  }

  function triedCard(r) {
    var tried = r.tried || {};
    var articles = tried.articles || [];
    var steps = tried.flowSteps || [];
    return h('section', { class: 'detail-card detail-card--wide' },
      h('h3', null, t('whatWasTried')),
      articles.length
        ? h('ul', { class: 'tried-list' }, articles.map(function (a) {
          var feedback = a.feedback || 'none';
          return h('li', null,
            h('div', { class: 'tried-head' }, h('strong', null, a.title || a.id), h('code', null, a.id)),
            h('div', { class: 'tried-meta' },
              h('span', { class: 'muted' }, t('confidence')), Staff.meter(a.confidence, t('confidence') + ' ' + fmt.score(a.confidence)),
              h('span', { class: 'badge badge--' + feedback.replace(/[^a-z-]/g, '') }, FEEDBACK_KEYS[feedback] ? t(FEEDBACK_KEYS[feedback]) : feedback)),
            a.missing ? h('p', { class: 'quote' }, h('span', { class: 'muted' }, t('whatWasMissing') + ' '), a.missing) : null);
        }))
        : Staff.empty(t('noArticlesTried')),
      steps.length
        ? [h('h4', null, t('flowSteps')), h('ol', { class: 'steps' }, steps.map(function (s) {
          return h('li', null, h('code', null, s.articleId), ' › ', h('code', null, s.stepId), ' → ', h('strong', null, s.choice));
        }))]
        : null,
      r.conversationId
        ? h('p', null, h('a', { class: 'btn btn--secondary', href: '/staff/transcripts?id=' + encodeURIComponent(r.conversationId) }, t('openTranscript')))
        : null);
  }

  function statusForm(r, onUpdated) {
    var select = Staff.select('status', Staff.STATUSES.map(function (s) { return [s, Staff.statusLabel(s)]; }), NEXT[r.status] || 'in-progress');
    var note = h('textarea', { name: 'note', rows: 2, maxlength: 5000, placeholder: t('notePlaceholder') });
    var tell = h('input', { type: 'checkbox', name: 'public' });
    var message = h('div', { class: 'form-message' });
    var submit = h('button', { type: 'submit', class: 'btn btn--primary' }, t('updateStatus'));
    return h('form', { class: 'detail-card status-form', onsubmit: function (event) {
      event.preventDefault();
      Staff.clear(message);
      submit.disabled = true;
      var body = { status: select.value };
      if (note.value.trim()) {
        body.note = note.value.trim();
        body.public = tell.checked;
      }
      Staff.api.post('/requests/' + encodeURIComponent(r.reference) + '/status', body).then(function (res) {
        submit.disabled = false;
        if (res.ok && res.data && res.data.request) {
          Staff.toast(t('statusUpdated', { reference: r.reference, status: Staff.statusLabel(res.data.request.status) }));
          onUpdated(res.data.request);
        } else if (!res.signedOut) {
          message.appendChild(Staff.errorBox(res));
        }
      });
    } },
      h('h3', null, t('changeStatus')),
      h('div', { class: 'status-current' }, t('currentStatus'), ' ', Staff.statusPill(r.status)),
      Staff.field(t('newStatus'), select),
      Staff.field(t('note'), note),
      h('label', { class: 'check' }, tell, ' ', t('noteTellCustomer')),
      message,
      submit);
  }

  Staff.requestDetails = function (r, onUpdated) {
    var edit = Staff.canEdit();
    return h('div', { class: 'details-grid' },
      requestCard(r),
      historyCard(r),
      Staff.messagesCard(r),
      edit ? Staff.replyForm(r, onUpdated) : null,
      edit ? Staff.ownerCard(r, onUpdated) : null,
      edit ? statusForm(r, onUpdated) : h('section', { class: 'detail-card' }, h('h3', null, t('changeStatus')), Staff.empty(t('readOnly'))),
      triedCard(r));
  };
})();
