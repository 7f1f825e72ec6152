// @ts-check
// Transcripts: search conversations by text, reference and dates (GET /api/staff/transcripts), each
// titled by the customer's first question, and read one as a chat (GET /api/staff/transcripts/:id):
// the user on the right, the bot on the left, the choices it offered as chips, the files sent by
// name, a confirmation as a box with its reference. Days and times in the business zone (fmt).
// ?id= opens one.
import { api } from './api.js';
import { empty, failed, field, h, loading, pageHead, params as addressParams, replace, richText, saveParams } from './dom.js';
import { currentLang, dayToIso, fmt, t } from './i18n.js';
import { run } from './shell.js';

/** @import { Transcript, TranscriptMessage } from '../../apiTypes.js' */

/** @typedef {'q' | 'reference' | 'from' | 'to'} Filter */

/** @type {readonly Filter[]} */
const FILTERS = ['q', 'reference', 'from', 'to'];

// The shared formatter has no whole-date format: the day is written here, in its zone, so a
// conversation past midnight in Paris is cut where the times beside it say.
/** @type {Record<string, Intl.DateTimeFormat>} */
const dayFormats = {};
/** @param {string} iso */
function dayOf(iso) {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  const zone = fmt.timeZone();
  const key = currentLang() + '|' + zone;
  const format = dayFormats[key] = dayFormats[key] || new Intl.DateTimeFormat(currentLang() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeZone: zone });
  return format.format(d);
}

/**
 * @param {string | null} label
 * @param {readonly string[] | undefined} items
 * @param {string} [className]
 */
function chips(label, items, className) {
  return items && items.length
    ? h('ul', { class: 'chips' + (className ? ' ' + className : ''), 'aria-label': label }, items.map(function (b) { return h('li', { class: 'chip' }, b); }))
    : null;
}

/** @param {TranscriptMessage} entry */
function entryView(entry) {
  const fromUser = entry.from === 'user';
  const body = h('div', { class: 'bubble' + (fromUser ? ' bubble--user' : ' bubble--bot') },
    entry.text ? h('p', { class: 'bubble-text' }, fromUser ? entry.text : richText(entry.text)) : null,
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

/** @param {Transcript} data */
function conversationView(data) {
  const entries = data.entries || [];
  /** @type {HTMLLIElement[]} */
  const items = [];
  /** @type {string | null} */
  let lastDay = null;
  entries.forEach(function (entry) {
    const day = dayOf(entry.at);
    if (day && day !== lastDay) {
      // The messages' times are in the zone the day names, once.
      items.push(h('li', { class: 'day-sep' }, h('span', null, fmt.labelled(day))));
      lastDay = day;
    }
    items.push(entryView(entry));
  });
  const requests = data.requests || [];
  return [
    h('div', { class: 'chat-head' },
      h('div', null,
        h('h2', null, t('conversation')),
        h('p', { class: 'muted mono small' }, data.conversationId)),
      requests.length
        ? h('div', { class: 'chat-requests' }, h('span', { class: 'muted' }, t('linkedRequests')),
          requests.map(function (ref) { return h('a', { class: 'badge badge--link mono', href: '/staff/?ref=' + encodeURIComponent(ref) }, ref); }))
        : null),
    entries.length ? h('ol', { class: 'chat', 'aria-label': t('conversation') }, items) : empty(t('noMessages')),
  ];
}

/** @param {HTMLElement} main */
function start(main) {
  const params = addressParams();
  /** @type {Record<Filter, string>} */
  const values = { q: '', reference: '', from: '', to: '' };
  FILTERS.forEach(function (k) { values[k] = params.get(k) || ''; });
  let openId = params.get('id') || '';

  const controls = {
    q: h('input', { type: 'search', name: 'q', value: values.q, placeholder: t('searchTextPlaceholder') }),
    reference: h('input', { type: 'search', name: 'reference', value: values.reference, placeholder: 'L1-20261124-0001', class: 'mono' }),
    from: h('input', { type: 'date', name: 'from', value: values.from }),
    to: h('input', { type: 'date', name: 'to', value: values.to }),
  };
  const count = h('p', { class: 'count', role: 'status' });
  const results = h('div', { class: 'list-host' });
  const viewer = h('section', { class: 'panel chat-panel', 'aria-live': 'polite' }, empty(t('pickConversation')));

  function save() {
    saveParams(Object.assign({}, values, openId ? { id: openId } : {}));
  }

  /**
   * @param {string} id
   * @param {HTMLButtonElement | null} button
   */
  function open(id, button) {
    openId = id;
    save();
    Array.prototype.forEach.call(results.querySelectorAll('.convo'), function (b) { b.setAttribute('aria-current', String(b === button)); });
    replace(viewer, loading());
    api.get(`/transcripts/${encodeURIComponent(id)}`).then(function (res) {
      if (openId !== id) return;
      if (failed(res, viewer)) return;
      replace(viewer, conversationView(res.data || {}));
      if (button && window.matchMedia('(max-width: 900px)').matches) viewer.scrollIntoView({ block: 'start' });
    });
  }

  function search() {
    FILTERS.forEach(function (k) { values[k] = controls[k].value.trim(); });
    save();
    replace(results, loading());
    count.textContent = '';
    api.get('/transcripts', { q: values.q, reference: values.reference, from: dayToIso(values.from), to: dayToIso(values.to, true) }).then(function (res) {
      if (failed(res, results)) return;
      const conversations = (res.data && res.data.conversations) || [];
      count.textContent = t('conversationsCount', { n: fmt.number(conversations.length) });
      if (!conversations.length) {
        replace(results, empty(t('noConversations')));
        return;
      }
      replace(results, h('ul', { class: 'convo-list' }, conversations.map(function (c) {
        // The title is the customer's first question; under it, what the search matched, when it is another message.
        const title = c.title || c.snippet;
        const button = h('button', { type: 'button', class: 'convo', 'aria-current': String(c.conversationId === openId), onclick: function () { open(c.conversationId, button); } },
          h('strong', { class: 'convo-snippet convo-title' }, title || t('noText')),
          values.q && c.snippet && c.snippet !== title ? h('span', { class: 'convo-snippet convo-match muted' }, c.snippet) : null,
          h('span', { class: 'convo-meta' },
            h('time', { datetime: c.lastAt }, fmt.dateTime(c.lastAt)),
            ' · ', t('messagesCount', { n: fmt.number(Array.isArray(c.messages) ? c.messages.length : c.messages) })));
        return h('li', null, button);
      })));
    });
  }

  const form = h('form', { class: 'filters filters--stack', onsubmit: function (e) { e.preventDefault(); search(); } },
    field(t('searchText'), controls.q),
    field(t('reference'), controls.reference),
    h('div', { class: 'field-row' }, field(t('from'), controls.from), field(t('to'), controls.to)),
    h('button', { type: 'submit', class: 'btn btn--primary' }, t('search')));

  replace(main,
    pageHead(t('transcriptsTitle'), t('transcriptsLead')),
    h('div', { class: 'split' },
      h('section', { class: 'panel' }, form, count, results),
      viewer));
  search();
  if (openId) open(openId, null);
}

run({ id: 'transcripts', title: 'navTranscripts', start: start });
