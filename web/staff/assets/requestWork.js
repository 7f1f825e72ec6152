// @ts-check
// Working on one request: the conversation with the customer since it was made (public replies,
// internal notes, what the customer added), the reply form, the owner and the priority, and the
// due time shown as a pill. Used by requestDetails.js and the inbox rows.
import { api, currentSession } from './api.js';
import { clear, empty, errorBox, field, h, select, toast } from './dom.js';
import { entryOf, fmt, t } from './i18n.js';

/** @import { Due, DueState, RequestPriority, RequestView } from '../../apiTypes.js' */
/** @import { ApiResult } from './api.js' */
/** @import { TextKey } from './texts.js' */

/**
 * Called with the request as the server has it after a change.
 * @typedef {(request: RequestView) => void} OnUpdated
 */

/** @type {readonly RequestPriority[]} */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
/** @type {Record<RequestPriority, TextKey>} */
const PRIORITY_KEYS = { low: 'priorityLow', normal: 'priorityNormal', high: 'priorityHigh', urgent: 'priorityUrgent' };
/** @type {Record<DueState, TextKey>} */
const DUE_KEYS = { due: 'dueDue', overdue: 'dueOverdue', met: 'dueMet', late: 'dueLate' };

/** @param {string | undefined} p */
export function priorityLabel(p) {
  return t(entryOf(PRIORITY_KEYS, p || 'normal') || 'priorityNormal');
}

/**
 * "due 30 Nov, 16:00", red when overdue.
 * @param {Due | undefined} due
 */
export function duePill(due) {
  if (!due) return null;
  const label = t(entryOf(DUE_KEYS, due.state) || 'dueDue');
  return h('span', { class: 'pill due due--' + String(due.state).replace(/[^a-z]/g, ''), title: label + ' · ' + fmt.dateTime(due.at) },
    label, ' ', h('time', { datetime: due.at }, fmt.dateTime(due.at)));
}

/**
 * The owner, short: the part of the email before the at sign.
 * @param {string | null | undefined} email
 */
export function ownerLabel(email) {
  if (!email) return t('nobody');
  const session = currentSession();
  if (session && session.email === email) return t('me');
  return String(email).split('@')[0];
}

/**
 * @param {RequestView} r
 * @param {'replies' | 'assignee' | 'priority'} path
 * @param {object} body
 * @param {OnUpdated} onUpdated
 * @param {(res: ApiResult<{ request: RequestView }>) => void} [done]
 */
function post(r, path, body, onUpdated, done) {
  return api.post(`/requests/${encodeURIComponent(r.reference)}/${path}`, body).then(function (res) {
    if (res.ok && res.data && res.data.request) onUpdated(res.data.request);
    if (done) done(res);
    return res;
  });
}

/** @param {RequestView} r */
export function messagesCard(r) {
  const messages = r.messages || [];
  return h('section', { class: 'detail-card detail-card--wide' },
    h('h3', null, t('messagesTitle')),
    messages.length
      ? h('ol', { class: 'thread' }, messages.map(function (m) {
        const who = m.from === 'customer' ? t('fromCustomer') : m.by || t('staff');
        const kind = m.from === 'customer' ? 'customer' : m.visibility === 'internal' ? 'internal' : 'public';
        return h('li', { class: 'thread-item thread-item--' + kind },
          h('div', { class: 'thread-head' },
            h('strong', null, who),
            h('span', { class: 'badge badge--' + kind }, t(kind === 'customer' ? 'messageFromCustomer' : kind === 'internal' ? 'messageInternal' : 'messagePublic')),
            h('time', { datetime: m.at }, fmt.dateTime(m.at))),
          m.text ? h('p', { class: 'prewrap' }, m.text) : null,
          // Files the customer added (downloaded from the list under "What was tried").
          (m.attachments || []).length ? h('p', { class: 'muted' }, (m.attachments || []).map(function (f) { return '📎 ' + f.name; }).join('  ')) : null);
      }))
      : empty(t('noMessagesYet')));
}

/**
 * @param {RequestView} r
 * @param {OnUpdated} onUpdated
 */
export function replyForm(r, onUpdated) {
  const text = h('textarea', { name: 'reply', rows: 4, maxlength: 5000, required: true, placeholder: t('replyPlaceholder') });
  const pub = h('input', { type: 'radio', name: 'visibility', value: 'public', checked: true });
  const internal = h('input', { type: 'radio', name: 'visibility', value: 'internal' });
  const message = h('div', { class: 'form-message' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, t('sendReply'));
  function label() { submit.textContent = internal.checked ? t('addNote') : t('sendReply'); }
  pub.addEventListener('change', label);
  internal.addEventListener('change', label);
  return h('form', { class: 'detail-card reply-form', onsubmit: function (event) {
    event.preventDefault();
    clear(message);
    if (!text.value.trim()) return;
    submit.disabled = true;
    const visibility = internal.checked ? 'internal' : 'public';
    post(r, 'replies', { text: text.value.trim(), visibility: visibility }, onUpdated, function (res) {
      submit.disabled = false;
      if (res.ok) toast(visibility === 'public' ? t('replySent', { reference: r.reference }) : t('noteAdded'));
      else if (!res.signedOut) message.appendChild(errorBox(res));
    });
  } },
    h('h3', null, t('replyTitle')),
    !(r.contact && r.contact.email) && !r.address ? h('p', { class: 'hint' }, t('noWayToTell')) : null,
    field(t('replyText'), text),
    h('fieldset', { class: 'choice-row' },
      h('legend', { class: 'field-label' }, t('replyVisibility')),
      h('label', null, pub, ' ', t('visibilityPublic')),
      h('label', null, internal, ' ', t('visibilityInternal'))),
    message,
    submit);
}

/**
 * @param {RequestView} r
 * @param {OnUpdated} onUpdated
 */
export function ownerCard(r, onUpdated) {
  const owner = h('select', { name: 'assignee', 'aria-label': t('owner') }, h('option', { value: '' }, t('nobody')));
  if (r.assignee) owner.appendChild(h('option', { value: r.assignee, selected: true }, r.assignee));
  api.get('/assignees').then(function (res) {
    const list = (res.ok && res.data && res.data.assignees) || [];
    list.forEach(function (email) {
      if (email !== r.assignee) owner.appendChild(h('option', { value: email }, email));
    });
  });
  const priority = select('priority', PRIORITIES.map(function (p) { return /** @type {const} */ ([p, priorityLabel(p)]); }), r.priority || 'normal');
  const session = currentSession();
  const mine = session && r.assignee === session.email;
  const takeIt = h('button', { type: 'button', class: 'btn btn--secondary', hidden: mine, onclick: function () {
    post(r, 'assignee', { assignee: 'me' }, onUpdated, function (res) { if (res.ok) toast(t('assignedToYou', { reference: r.reference })); });
  } }, t('assignToMe'));
  owner.addEventListener('change', function () {
    post(r, 'assignee', { assignee: owner.value || null }, onUpdated);
  });
  priority.addEventListener('change', function () {
    post(r, 'priority', { priority: priority.value }, onUpdated);
  });
  return h('section', { class: 'detail-card owner-card' },
    h('h3', null, t('ownerTitle')),
    h('div', { class: 'owner-row' }, field(t('owner'), owner), takeIt),
    field(t('priority'), priority),
    h('dl', { class: 'facts' }, h('dt', null, t('firstReplyDue')), h('dd', null, duePill(r.due))));
}
