// @ts-check
// One ticket or callback, expanded in the inbox: the request, its status history, what the user
// already tried with the bot (articles with confidence and feedback, flow steps, the transcript),
// the messages since (requestWork.js), and for agents and admins the reply, owner and status forms.
import { api, canEdit } from './api.js';
import { clear, empty, errorBox, field, h, meter, select, STATUSES, statusLabel, statusPill, toast } from './dom.js';
import { entryOf, fmt, t } from './i18n.js';
import { duePill, messagesCard, ownerCard, ownerLabel, priorityLabel, replyForm } from './requestWork.js';

/** @import { RequestStatus, RequestView, SupportLevel } from '../../apiTypes.js' */
/** @import { Child } from './dom.js' */
/** @import { OnUpdated } from './requestWork.js' */
/** @import { TextKey } from './texts.js' */

/** @type {Record<'helpful' | 'not-helpful' | 'none', TextKey>} */
const FEEDBACK_KEYS = { helpful: 'feedbackHelpful', 'not-helpful': 'feedbackNotHelpful', none: 'feedbackNone' };
/** @type {Record<RequestStatus, RequestStatus>} */
const NEXT = { open: 'in-progress', 'in-progress': 'resolved', resolved: 'closed', closed: 'open' };

/**
 * @param {RequestView} request
 * @returns {SupportLevel}
 */
export function levelOf(request) {
  return request.kind === 'callback' ? 2 : request.level || 1;
}
/** @param {SupportLevel} level */
export function levelLabel(level) {
  return t(`level${level}`);
}
/** @param {string} kind */
export function kindLabel(kind) {
  return t(kind === 'callback' ? 'kindCallback' : 'kindTicket');
}

/**
 * @param {string} label
 * @param {Child} value
 */
function row(label, value) {
  if (value === undefined || value === null || value === '') return null;
  return [h('dt', null, label), h('dd', null, value)];
}

/** @param {RequestView} r */
function contactOf(r) {
  /** @type {{ name?: string, email?: string, phone?: string }} */
  const c = r.contact || {};
  return h('span', { class: 'contact-lines' },
    c.name ? h('span', null, c.name) : null,
    c.email ? h('span', null, c.email) : null,
    c.phone ? h('span', { class: 'mono' }, c.phone) : null);
}

/** @param {RequestView} r */
function requestCard(r) {
  const slot = r.kind === 'callback' && r.slot ? fmt.slot(r.slot.start, r.slot.end, r.timeZone) : null;
  return h('section', { class: 'detail-card' },
    h('h3', null, t('detailRequest')),
    h('dl', { class: 'facts' },
      row(t('reference'), h('span', { class: 'mono' }, r.reference)),
      row(t('kind'), kindLabel(r.kind)),
      row(t('levelQueue'), levelLabel(levelOf(r))),
      row(t('created'), fmt.dateTime(r.createdAt)),
      row(t('firstReplyDue'), duePill(r.due)),
      row(t('owner'), ownerLabel(r.assignee)),
      row(t('priority'), priorityLabel(r.priority)),
      row(t('language'), String(r.language || '').toUpperCase()),
      row(t('channel'), r.channel),
      row(t('reason'), h('span', { class: 'prewrap' }, r.reason)),
      row(t('contact'), contactOf(r)),
      row(t('callbackSlot'), slot),
      row(t('article'), r.articleId ? h('code', null, r.articleId) : null)));
}

/** @param {RequestView} r */
function historyCard(r) {
  const history = (r.statusHistory || []).slice().reverse();
  return h('section', { class: 'detail-card' },
    h('h3', null, t('statusHistory')),
    history.length
      ? h('ol', { class: 'timeline' }, history.map(function (change) {
        return h('li', null,
          h('div', { class: 'timeline-head' }, statusPill(change.status), h('time', { datetime: change.at }, fmt.dateTime(change.at))),
          change.by ? h('div', { class: 'muted' }, t('changedBy', { who: change.by })) : null,
          change.note ? h('p', { class: 'note prewrap' }, change.note) : null,
          change.note ? h('div', { class: 'muted' }, t(change.public ? 'noteToldCustomer' : 'noteInternal')) : null);
      }))
      : empty(t('noHistory')));
}

/** @param {RequestView} r */
function triedCard(r) {
  /** @type {Partial<RequestView['tried']>} */
  const tried = r.tried || {};
  const articles = tried.articles || [];
  const steps = tried.flowSteps || [];
  return h('section', { class: 'detail-card detail-card--wide' },
    h('h3', null, t('whatWasTried')),
    articles.length
      ? h('ul', { class: 'tried-list' }, articles.map(function (a) {
        const feedback = a.feedback || 'none';
        const feedbackKey = entryOf(FEEDBACK_KEYS, feedback);
        return h('li', null,
          h('div', { class: 'tried-head' }, h('strong', null, a.title || a.id), h('code', null, a.id)),
          h('div', { class: 'tried-meta' },
            h('span', { class: 'muted' }, t('confidence')), meter(a.confidence, t('confidence') + ' ' + fmt.score(a.confidence)),
            h('span', { class: 'badge badge--' + feedback.replace(/[^a-z-]/g, '') }, feedbackKey ? t(feedbackKey) : feedback)),
          a.missing ? h('p', { class: 'quote' }, h('span', { class: 'muted' }, t('whatWasMissing') + ' '), a.missing) : null);
      }))
      : empty(t('noArticlesTried')),
    filesList(r),
    steps.length
      ? [h('h4', null, t('flowSteps')), h('ol', { class: 'steps' }, steps.map(function (s) {
        return h('li', null, h('code', null, s.articleId), ' › ', h('code', null, s.stepId), ' → ', h('strong', null, s.choice));
      }))]
      : null,
    r.conversationId
      ? h('p', null, h('a', { class: 'btn btn--secondary', href: '/staff/transcripts?id=' + encodeURIComponent(r.conversationId) }, t('openTranscript')))
      : null);
}

/**
 * The customer's screenshots and logs, with what was tried: those sent before the request, then
 * those added to it. Downloaded signed in, through the request.
 * @param {RequestView} r
 */
function filesList(r) {
  const later = (r.messages || []).flatMap(function (m) { return m.attachments || []; });
  const files = (r.attachments || []).map(function (f) { return { file: f, later: false }; })
    .concat(later.map(function (f) { return { file: f, later: true }; }));
  if (!files.length) return null;
  return [h('h4', null, t('filesSent')), h('ul', { class: 'file-list' }, files.map(function (item) {
    const f = item.file;
    const href = '/api/staff/requests/' + encodeURIComponent(r.reference) + '/files/' + encodeURIComponent(f.id);
    return h('li', null,
      h('a', { href: href, download: f.name }, f.name),
      ' ', h('span', { class: 'muted' }, fmt.size(f.size) + ' · ' + f.contentType.split(';')[0]),
      item.later ? h('span', { class: 'muted' }, ' · ' + t('fileAddedLater')) : null);
  }))];
}

/**
 * @param {RequestView} r
 * @param {OnUpdated} onUpdated
 */
function statusForm(r, onUpdated) {
  const newStatus = select('status', STATUSES.map(function (s) { return /** @type {const} */ ([s, statusLabel(s)]); }), entryOf(NEXT, r.status) || 'in-progress');
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 5000, placeholder: t('notePlaceholder') });
  const tell = h('input', { type: 'checkbox', name: 'public' });
  const message = h('div', { class: 'form-message' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, t('updateStatus'));
  return h('form', { class: 'detail-card status-form', onsubmit: function (event) {
    event.preventDefault();
    clear(message);
    submit.disabled = true;
    /** @type {{ status: string, note?: string, public?: boolean }} */
    const body = { status: newStatus.value };
    if (note.value.trim()) {
      body.note = note.value.trim();
      body.public = tell.checked;
    }
    api.post(`/requests/${encodeURIComponent(r.reference)}/status`, body).then(function (res) {
      submit.disabled = false;
      if (res.ok && res.data && res.data.request) {
        toast(t('statusUpdated', { reference: r.reference, status: statusLabel(res.data.request.status) }));
        onUpdated(res.data.request);
      } else if (!res.signedOut) {
        message.appendChild(errorBox(res));
      }
    });
  } },
    h('h3', null, t('changeStatus')),
    h('div', { class: 'status-current' }, t('currentStatus'), ' ', statusPill(r.status)),
    field(t('newStatus'), newStatus),
    field(t('note'), note),
    h('label', { class: 'check' }, tell, ' ', t('noteTellCustomer')),
    message,
    submit);
}

/**
 * @param {RequestView} r
 * @param {OnUpdated} onUpdated
 */
export function requestDetails(r, onUpdated) {
  const edit = canEdit();
  return h('div', { class: 'details-grid' },
    requestCard(r),
    historyCard(r),
    messagesCard(r),
    edit ? replyForm(r, onUpdated) : null,
    edit ? ownerCard(r, onUpdated) : null,
    edit ? statusForm(r, onUpdated) : h('section', { class: 'detail-card' }, h('h3', null, t('changeStatus')), empty(t('readOnly'))),
    triedCard(r));
}
