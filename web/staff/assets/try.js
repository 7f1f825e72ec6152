// Try a question: the bot's own live matcher (POST /api/staff/try) on a question typed here: the
// language it reads, its decision, the top matches with their confidence against the thresholds.
(function () {
  'use strict';

  var Staff = window.Staff;
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  var DECISION_KEYS = { answer: 'decisionAnswer', clarify: 'decisionClarify', none: 'decisionNone' };
  var REASON_KEYS = { empty: 'reasonEmpty', 'no-words': 'reasonNoWords', 'too-long': 'reasonTooLong', 'low-confidence': 'reasonLowConfidence' };

  function marker(value, cls, label) {
    var m = h('span', { class: 'threshold ' + cls, title: label });
    m.style.left = (Math.max(0, Math.min(1, Number(value) || 0)) * 100).toFixed(1) + '%';
    return m;
  }

  function result(data) {
    var th = data.thresholds || {};
    var decision = String(data.decision || '');
    var matches = data.matches || [];
    return h('div', { class: 'try-result' },
      h('dl', { class: 'try-facts' },
        h('div', null, h('dt', null, t('language')), h('dd', null, String(data.language || '').toUpperCase(), ' ',
          h('span', { class: 'muted small' }, data.languageReliable ? t('languageReliable') : t('languageGuessed')))),
        h('div', null, h('dt', null, t('decision')), h('dd', null,
          h('span', { class: 'decision decision--' + decision.replace(/[^a-z]/g, '') }, DECISION_KEYS[decision] ? t(DECISION_KEYS[decision]) : decision),
          data.reason ? h('span', { class: 'muted small' }, ' ', REASON_KEYS[data.reason] ? t(REASON_KEYS[data.reason]) : data.reason) : null)),
        h('div', null, h('dt', null, t('thresholds')), h('dd', null,
          h('span', { class: 'legend-title' }, h('span', { class: 'swatch', 'data-colour': 'answer' }), t('thresholdAnswer', { v: fmt.score(th.answer) })), ' ',
          h('span', { class: 'legend-title' }, h('span', { class: 'swatch', 'data-colour': 'clarify' }), t('thresholdClarify', { v: fmt.score(th.clarify) }))))),
      h('h3', null, t('topMatches')),
      matches.length
        ? h('ol', { class: 'matches' }, matches.map(function (m) {
          var score = Math.max(0, Math.min(1, Number(m.score) || 0));
          var fill = h('span', { class: 'match-fill' + (score >= th.answer ? ' match-fill--answer' : score >= th.clarify ? ' match-fill--clarify' : '') });
          fill.style.width = (score * 100).toFixed(1) + '%';
          return h('li', { class: 'match' },
            h('div', { class: 'match-head' }, h('strong', null, Staff.titleOf(m.title) || m.id), h('code', { class: 'muted' }, m.id)),
            h('div', { class: 'match-bar', role: 'img', 'aria-label': t('confidence') + ' ' + fmt.score(m.score) },
              fill, marker(th.clarify, 'threshold--clarify', t('thresholdClarify', { v: fmt.score(th.clarify) })), marker(th.answer, 'threshold--answer', t('thresholdAnswer', { v: fmt.score(th.answer) }))),
            h('span', { class: 'match-score' }, fmt.score(m.score)));
        }))
        : Staff.empty(t('noMatches')));
  }

  function start(main) {
    var question = h('textarea', { name: 'question', rows: 3, maxlength: 1000, placeholder: t('tryPlaceholder'), required: true });
    var lang = Staff.select('lang', [['', t('langAuto')], ['fr', t('langFrench')], ['en', t('langEnglish')]], '');
    var out = h('section', { class: 'panel try-panel', 'aria-live': 'polite' }, Staff.empty(t('tryHint')));
    var submit = h('button', { type: 'submit', class: 'btn btn--primary' }, t('tryButton'));
    var form = h('form', { class: 'panel try-form', onsubmit: function (event) {
      event.preventDefault();
      var text = question.value.trim();
      if (!text) {
        question.focus();
        return;
      }
      submit.disabled = true;
      Staff.replace(out, Staff.loading());
      var body = { question: text };
      if (lang.value) body.lang = lang.value;
      Staff.api.post('/try', body).then(function (res) {
        submit.disabled = false;
        if (Staff.failed(res, out)) return;
        Staff.replace(out, result(res.data || {}));
      });
    } },
      Staff.field(t('question'), question),
      h('div', { class: 'form-actions' }, Staff.field(t('language'), lang), submit));
    question.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
    });
    Staff.replace(main, Staff.pageHead(t('tryTitle'), t('tryLead')), h('div', { class: 'try-layout' }, form, out));
    question.focus();
  }

  Staff.run({ id: 'try', title: 'navTry', start: start });
})();
