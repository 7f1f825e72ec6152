// @ts-check
// Try a question: the bot's own live matcher (POST /api/staff/try) on a question typed here: the
// language it reads, its decision, the top matches with their confidence against the thresholds.
import { api } from './api.js';
import { empty, failed, field, h, loading, pageHead, replace, select } from './dom.js';
import { entryOf, fmt, t, titleOf } from './i18n.js';
import { run } from './shell.js';

/** @import { TryAnswer } from '../../apiTypes.js' */
/** @import { TextKey } from './texts.js' */

/** @type {Record<TryAnswer['decision'], TextKey>} */
const DECISION_KEYS = { answer: 'decisionAnswer', clarify: 'decisionClarify', none: 'decisionNone' };
/** @type {Record<NonNullable<TryAnswer['reason']>, TextKey>} */
const REASON_KEYS = { empty: 'reasonEmpty', 'no-words': 'reasonNoWords', 'too-long': 'reasonTooLong', 'low-confidence': 'reasonLowConfidence' };

/**
 * @param {number} value
 * @param {string} cls
 * @param {string} label
 */
function marker(value, cls, label) {
  const m = h('span', { class: 'threshold ' + cls, title: label });
  m.style.left = (Math.max(0, Math.min(1, Number(value) || 0)) * 100).toFixed(1) + '%';
  return m;
}

/** @param {TryAnswer} data */
function result(data) {
  const th = data.thresholds || {};
  const decision = String(data.decision || '');
  const decisionKey = entryOf(DECISION_KEYS, decision);
  const reasonKey = entryOf(REASON_KEYS, data.reason);
  const matches = data.matches || [];
  return h('div', { class: 'try-result' },
    h('dl', { class: 'try-facts' },
      h('div', null, h('dt', null, t('language')), h('dd', null, String(data.language || '').toUpperCase(), ' ',
        h('span', { class: 'muted small' }, data.languageReliable ? t('languageReliable') : t('languageGuessed')))),
      h('div', null, h('dt', null, t('decision')), h('dd', null,
        h('span', { class: 'decision decision--' + decision.replace(/[^a-z]/g, '') }, decisionKey ? t(decisionKey) : decision),
        data.reason ? h('span', { class: 'muted small' }, ' ', reasonKey ? t(reasonKey) : data.reason) : null)),
      h('div', null, h('dt', null, t('thresholds')), h('dd', null,
        h('span', { class: 'legend-title' }, h('span', { class: 'swatch', 'data-colour': 'answer' }), t('thresholdAnswer', { v: fmt.score(th.answer) })), ' ',
        h('span', { class: 'legend-title' }, h('span', { class: 'swatch', 'data-colour': 'clarify' }), t('thresholdClarify', { v: fmt.score(th.clarify) }))))),
    h('h3', null, t('topMatches')),
    matches.length
      ? h('ol', { class: 'matches' }, matches.map(function (m) {
        const score = Math.max(0, Math.min(1, Number(m.score) || 0));
        const fill = h('span', { class: 'match-fill' + (score >= th.answer ? ' match-fill--answer' : score >= th.clarify ? ' match-fill--clarify' : '') });
        fill.style.width = (score * 100).toFixed(1) + '%';
        return h('li', { class: 'match' },
          h('div', { class: 'match-head' }, h('strong', null, titleOf(m.title) || m.id), h('code', { class: 'muted' }, m.id)),
          h('div', { class: 'match-bar', role: 'img', 'aria-label': t('confidence') + ' ' + fmt.score(m.score) },
            fill, marker(th.clarify, 'threshold--clarify', t('thresholdClarify', { v: fmt.score(th.clarify) })), marker(th.answer, 'threshold--answer', t('thresholdAnswer', { v: fmt.score(th.answer) }))),
          h('span', { class: 'match-score' }, fmt.score(m.score)));
      }))
      : empty(t('noMatches')));
}

/** @param {HTMLElement} main */
function start(main) {
  const question = h('textarea', { name: 'question', rows: 3, maxlength: 1000, placeholder: t('tryPlaceholder'), required: true });
  const lang = select('lang', [['', t('langAuto')], ['fr', t('langFrench')], ['en', t('langEnglish')]], '');
  const out = h('section', { class: 'panel try-panel', 'aria-live': 'polite' }, empty(t('tryHint')));
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, t('tryButton'));
  const form = h('form', { class: 'panel try-form', onsubmit: function (event) {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) {
      question.focus();
      return;
    }
    submit.disabled = true;
    replace(out, loading());
    /** @type {{ question: string, lang?: string }} */
    const body = { question: text };
    if (lang.value) body.lang = lang.value;
    api.post('/try', body).then(function (res) {
      submit.disabled = false;
      if (failed(res, out)) return;
      replace(out, result(res.data || {}));
    });
  } },
    field(t('question'), question),
    h('div', { class: 'form-actions' }, field(t('language'), lang), submit));
  question.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
  replace(main, pageHead(t('tryTitle'), t('tryLead')), h('div', { class: 'try-layout' }, form, out));
  question.focus();
}

run({ id: 'try', title: 'navTry', start: start });
