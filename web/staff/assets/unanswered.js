// Unanswered: the questions the bot could not answer, grouped (GET /api/staff/unanswered), most
// frequent first; from a row, add the question to an article or draft a new one (articleForms.js).
(function () {
  'use strict';

  var Staff = window.Staff;
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  var KIND_KEYS = { none: 'kindNone', 'clarify-no-pick': 'kindClarifyNoPick', 'not-helpful': 'kindNotHelpful' };
  var EXAMPLES = 4;

  function groupRow(group, panels) {
    var panel = h('div', { class: 'group-panel', hidden: true });
    var done = h('p', { class: 'group-done', hidden: true });
    var buttons = [];

    function openPanel(which, button) {
      var wasOpen = !panel.hidden && panel.getAttribute('data-form') === which;
      panels.closeAll();
      if (wasOpen) return;
      panel.setAttribute('data-form', which);
      var finish = function (text) {
        done.textContent = text;
        done.hidden = false;
        item.classList.add('group--done');
      };
      Staff.replace(panel, which === 'add' ? Staff.addToArticleForm(group, finish) : Staff.articleDraftForm(group, finish));
      panel.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      var focus = panel.querySelector('input[type=search], input');
      if (focus) focus.focus();
    }

    var addButton = h('button', { type: 'button', class: 'btn btn--primary btn--small', 'aria-expanded': 'false', onclick: function () { openPanel('add', addButton); } }, t('addToArticle'));
    var draftButton = h('button', { type: 'button', class: 'btn btn--secondary btn--small', 'aria-expanded': 'false', onclick: function () { openPanel('draft', draftButton); } }, t('newArticleDraft'));
    buttons.push(addButton, draftButton);

    var questions = group.questions || [];
    var kinds = group.kinds || {};
    var suggestions = group.suggestions || [];
    var item = h('li', { class: 'group', 'data-key': group.key },
      h('div', { class: 'group-main' },
        h('div', { class: 'group-count', title: t('timesAsked') }, h('strong', null, fmt.number(group.count)), h('span', null, t('times'))),
        h('div', { class: 'group-body' },
          h('p', { class: 'group-question' }, group.question),
          h('div', { class: 'group-meta' },
            h('span', { class: 'muted' }, t('lastSeen'), ' ', h('time', { datetime: group.lastSeen }, fmt.dateTime(group.lastSeen))),
            (group.languages || []).map(function (l) { return h('span', { class: 'badge badge--lang' }, String(l).toUpperCase()); }),
            Object.keys(kinds).filter(function (k) { return kinds[k] > 0; }).map(function (k) {
              return h('span', { class: 'badge badge--kind-' + k.replace(/[^a-z-]/g, '') }, (KIND_KEYS[k] ? t(KIND_KEYS[k]) : k) + ' · ' + fmt.number(kinds[k]));
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
              suggestions.map(function (s) { return h('span', { class: 'chip chip--quiet' }, Staff.titleOf(s.title) || s.id, ' ', h('span', { class: 'muted' }, fmt.score(s.score))); }))
            : null,
          done),
        Staff.canEdit() ? h('div', { class: 'group-actions' }, buttons) : null),
      panel);
    panels.register(function () {
      panel.hidden = true;
      Staff.clear(panel);
      panel.removeAttribute('data-form');
      buttons.forEach(function (b) { b.setAttribute('aria-expanded', 'false'); });
    });
    return item;
  }

  function start(main) {
    var params = Staff.params();
    var values = { from: params.get('from') || '', to: params.get('to') || '' };
    var from = h('input', { type: 'date', name: 'from', value: values.from });
    var to = h('input', { type: 'date', name: 'to', value: values.to });
    var exportLink = h('a', { class: 'btn btn--secondary', download: 'unanswered.csv' }, t('exportUnanswered'));
    var count = h('p', { class: 'count', role: 'status' });
    var list = h('div', { class: 'list-host' });

    function load() {
      values = { from: from.value, to: to.value };
      Staff.saveParams(values);
      var query = { from: Staff.dayToIso(values.from), to: Staff.dayToIso(values.to, true) };
      exportLink.setAttribute('href', Staff.apiUrl('/export/unanswered.csv', query));
      Staff.replace(list, Staff.loading());
      count.textContent = '';
      Staff.api.get('/unanswered', query).then(function (res) {
        if (Staff.failed(res, list)) return;
        var groups = (res.data && res.data.groups) || [];
        var total = groups.reduce(function (sum, g) { return sum + (Number(g.count) || 0); }, 0);
        count.textContent = t('groupsCount', { groups: fmt.number(groups.length), n: fmt.number(total) });
        if (!groups.length) {
          Staff.replace(list, Staff.empty(t('noUnanswered')));
          return;
        }
        var closers = [];
        var panels = {
          register: function (close) { closers.push(close); },
          closeAll: function () { closers.forEach(function (c) { c(); }); },
        };
        Staff.replace(list, h('ul', { class: 'group-list' }, groups.map(function (g) { return groupRow(g, panels); })));
      });
    }

    var form = h('form', { class: 'filters', onchange: load, onsubmit: function (e) { e.preventDefault(); load(); } },
      Staff.field(t('from'), from),
      Staff.field(t('to'), to),
      h('button', { type: 'button', class: 'btn btn--ghost', onclick: function () { from.value = ''; to.value = ''; load(); } }, t('resetFilters')));

    Staff.replace(main,
      Staff.pageHead(t('unansweredTitle'), t(Staff.canEdit() ? 'unansweredLead' : 'unansweredLeadReadOnly'), [exportLink]),
      form,
      count,
      list);
    load();
  }

  Staff.run({ id: 'unanswered', title: 'navUnanswered', start: start });
})();
