// @ts-check
// Unanswered: the questions the bot could not answer, grouped (GET /api/staff/unanswered), most
// frequent first; from a row, add the question to an article or draft a new one (articleForms.js).
import { api, apiUrl, canEdit } from './api.js';
import { addToArticleForm, articleDraftForm } from './articleForms.js';
import { clear, empty, failed, field, h, loading, pageHead, params as addressParams, replace, saveParams } from './dom.js';
import { dayToIso, entryOf, fmt, t, titleOf } from './i18n.js';
import { run } from './shell.js';

/** @import { UnansweredKind } from '../../apiTypes.js' */
/** @import { Group } from './articleForms.js' */
/** @import { TextKey } from './texts.js' */

/**
 * The rows' forms: one open at a time.
 * @typedef {{ register: (close: () => void) => void, closeAll: () => void }} Panels
 */

/** @type {Record<UnansweredKind, TextKey>} */
const KIND_KEYS = { none: 'kindNone', 'clarify-no-pick': 'kindClarifyNoPick', 'not-helpful': 'kindNotHelpful' };
const EXAMPLES = 4;

/**
 * @param {Group} group
 * @param {Panels} panels
 */
function groupRow(group, panels) {
  const panel = h('div', { class: 'group-panel', hidden: true });
  const done = h('p', { class: 'group-done', hidden: true });
  /** @type {HTMLButtonElement[]} */
  const buttons = [];

  /**
   * @param {'add' | 'draft'} which
   * @param {HTMLButtonElement} button
   */
  function openPanel(which, button) {
    const wasOpen = !panel.hidden && panel.getAttribute('data-form') === which;
    panels.closeAll();
    if (wasOpen) return;
    panel.setAttribute('data-form', which);
    /** @param {string} text */
    const finish = function (text) {
      done.textContent = text;
      done.hidden = false;
      item.classList.add('group--done');
    };
    replace(panel, which === 'add' ? addToArticleForm(group, finish) : articleDraftForm(group, finish));
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const focus = /** @type {HTMLInputElement | null} */ (panel.querySelector('input[type=search], input'));
    if (focus) focus.focus();
  }

  const addButton = h('button', { type: 'button', class: 'btn btn--primary btn--small', 'aria-expanded': 'false', onclick: function () { openPanel('add', addButton); } }, t('addToArticle'));
  const draftButton = h('button', { type: 'button', class: 'btn btn--secondary btn--small', 'aria-expanded': 'false', onclick: function () { openPanel('draft', draftButton); } }, t('newArticleDraft'));
  buttons.push(addButton, draftButton);

  const questions = group.questions || [];
  const kinds = group.kinds || {};
  const suggestions = group.suggestions || [];
  const item = h('li', { class: 'group', 'data-key': group.key },
    h('div', { class: 'group-main' },
      h('div', { class: 'group-count', title: t('timesAsked') }, h('strong', null, fmt.number(group.count)), h('span', null, t('times'))),
      h('div', { class: 'group-body' },
        h('p', { class: 'group-question' }, group.question),
        h('div', { class: 'group-meta' },
          h('span', { class: 'muted' }, t('lastSeen'), ' ', h('time', { datetime: group.lastSeen }, fmt.dateTime(group.lastSeen))),
          (group.languages || []).map(function (l) { return h('span', { class: 'badge badge--lang' }, String(l).toUpperCase()); }),
          Object.keys(kinds).filter(function (k) { return (entryOf(kinds, k) || 0) > 0; }).map(function (k) {
            const key = entryOf(KIND_KEYS, k);
            return h('span', { class: 'badge badge--kind-' + k.replace(/[^a-z-]/g, '') }, (key ? t(key) : k) + ' · ' + fmt.number(entryOf(kinds, k)));
          })),
        questions.length > 1
          ? h('ul', { class: 'example-peek' }, questions.filter(function (q) { return q !== group.question; }).slice(0, EXAMPLES - 1).map(function (q) { return h('li', null, q); }))
          : null,
        questions.length > EXAMPLES
          ? h('details', { class: 'examples' },
            h('summary', null, t('exampleQuestions', { n: fmt.number(questions.length) })),
            h('ul', null, questions.slice(0, 20).map(function (q) { return h('li', null, q); })),
            questions.length > 20 ? h('p', { class: 'muted small' }, t('andMore', { n: fmt.number(questions.length - 20) })) : null)
          : null,
        suggestions.length
          ? h('p', { class: 'suggestions' }, h('span', { class: 'muted' }, t('closestArticles')),
            suggestions.map(function (s) { return h('span', { class: 'chip chip--quiet' }, titleOf(s.title) || s.id, ' ', h('span', { class: 'muted' }, fmt.score(s.score))); }))
          : null,
        done),
      canEdit() ? h('div', { class: 'group-actions' }, buttons) : null),
    panel);
  panels.register(function () {
    panel.hidden = true;
    clear(panel);
    panel.removeAttribute('data-form');
    buttons.forEach(function (b) { b.setAttribute('aria-expanded', 'false'); });
  });
  return item;
}

/** @param {HTMLElement} main */
function start(main) {
  const params = addressParams();
  let values = { from: params.get('from') || '', to: params.get('to') || '' };
  const from = h('input', { type: 'date', name: 'from', value: values.from });
  const to = h('input', { type: 'date', name: 'to', value: values.to });
  const exportLink = h('a', { class: 'btn btn--secondary', download: 'unanswered.csv' }, t('exportUnanswered'));
  const count = h('p', { class: 'count', role: 'status' });
  const list = h('div', { class: 'list-host' });

  function load() {
    values = { from: from.value, to: to.value };
    saveParams(values);
    const query = { from: dayToIso(values.from), to: dayToIso(values.to, true) };
    exportLink.setAttribute('href', apiUrl('/export/unanswered.csv', query));
    replace(list, loading());
    count.textContent = '';
    api.get('/unanswered', query).then(function (res) {
      if (failed(res, list)) return;
      const groups = (res.data && res.data.groups) || [];
      const total = groups.reduce(function (sum, g) { return sum + (Number(g.count) || 0); }, 0);
      count.textContent = t('groupsCount', { groups: fmt.number(groups.length), n: fmt.number(total) });
      if (!groups.length) {
        replace(list, empty(t('noUnanswered')));
        return;
      }
      /** @type {Array<() => void>} */
      const closers = [];
      /** @type {Panels} */
      const panels = {
        register: function (close) { closers.push(close); },
        closeAll: function () { closers.forEach(function (c) { c(); }); },
      };
      replace(list, h('ul', { class: 'group-list' }, groups.map(function (g) { return groupRow(g, panels); })));
    });
  }

  const form = h('form', { class: 'filters', onchange: load, onsubmit: function (e) { e.preventDefault(); load(); } },
    field(t('from'), from),
    field(t('to'), to),
    h('button', { type: 'button', class: 'btn btn--ghost', onclick: function () { from.value = ''; to.value = ''; load(); } }, t('resetFilters')));

  replace(main,
    pageHead(t('unansweredTitle'), t(canEdit() ? 'unansweredLead' : 'unansweredLeadReadOnly'), [exportLink]),
    form,
    count,
    list);
  load();
}

run({ id: 'unanswered', title: 'navUnanswered', start: start });
