// Dashboard (GET /api/staff/dashboard): totals, the resolution split per day (stacked bars),
// the helpful rate per article (bars + table), the top unanswered questions and the escalations
// per level, each figure with its formula from the API in the page's language. Charts are drawn
// with Chart.js (served from node_modules as /staff/assets/chart.js); every chart has its numbers
// in a table too.
(function () {
  'use strict';

  var Staff = window.Staff;
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  var OUTCOMES = [
    ['confirmed', 'outcomeConfirmed', '#16a34a'],
    ['assumed', 'outcomeAssumed', '#60a5fa'],
    ['escalated', 'outcomeEscalated', '#f59e0b'],
    ['abandoned', 'outcomeAbandoned', '#94a3b8'],
  ];
  var LEVEL_COLOURS = ['#1d4ed8', '#0891b2', '#7c3aed', '#db2777'];
  var charts = [];

  function formulasOf(data) {
    var f = data.formulas || {};
    if (f[Staff.lang] && typeof f[Staff.lang] === 'object') return f[Staff.lang];
    if (f.en && typeof f.en === 'object') return f.en;
    return f;
  }

  function formula(text) {
    return text ? h('p', { class: 'formula' }, h('span', { class: 'formula-sign', 'aria-hidden': 'true' }, 'ƒ'), h('span', { class: 'sr-only' }, t('formula') + ' '), text) : null;
  }

  var pending = [];

  /** Queued: Chart.js measures its box, so charts are drawn once their section is in the page (drawCharts). */
  function chart(canvas, config) {
    pending.push({ canvas: canvas, config: config });
  }

  function drawCharts() {
    var queued = pending;
    pending = [];
    if (typeof window.Chart !== 'function') return;
    var Chart = window.Chart;
    Chart.defaults.font.family = "'Inter', 'Segoe UI', system-ui, -apple-system, sans-serif";
    Chart.defaults.color = '#475569';
    queued.forEach(function (q) {
      q.config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, q.config.options || {});
      charts.push(new Chart(q.canvas, q.config));
    });
  }

  function chartBox(label, tall) {
    var canvas = h('canvas', { role: 'img', 'aria-label': label });
    return { canvas: canvas, box: h('div', { class: 'chart' + (tall ? ' chart--tall' : '') }, canvas) };
  }

  function table(headers, rows, numeric) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
      h('thead', null, h('tr', null, headers.map(function (x, i) { return h('th', { scope: 'col', class: numeric && numeric[i] ? 'num' : null }, x); }))),
      h('tbody', null, rows.map(function (r) {
        return h('tr', null, r.map(function (cell, i) { return h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: numeric && numeric[i] ? 'num' : null }, cell); }));
      }))));
  }

  function kpi(key, labelKey, value, extra, formulas, kind) {
    return h('div', { class: 'kpi kpi--' + kind, 'data-kpi': key },
      h('span', { class: 'kpi-label' }, kind === 'outcome' ? h('span', { class: 'swatch', 'data-colour': key }) : null, t(labelKey)),
      h('strong', { class: 'kpi-value' }, fmt.number(value)),
      extra,
      formula(formulas[key]));
  }

  function kpis(data, formulas) {
    var totals = data.totals || {};
    var decided = OUTCOMES.reduce(function (sum, o) { return sum + (Number(totals[o[0]]) || 0); }, 0);
    var split = h('div', { class: 'split-bar', role: 'img', 'aria-label': OUTCOMES.map(function (o) { return t(o[1]) + ' ' + fmt.percent(decided ? (Number(totals[o[0]]) || 0) / decided : null); }).join(', ') },
      OUTCOMES.map(function (o) {
        var part = h('span', { 'data-colour': o[0] });
        part.style.width = (decided ? (Number(totals[o[0]]) || 0) / decided * 100 : 0).toFixed(2) + '%';
        return part;
      }));
    return h('section', { class: 'kpis', 'aria-label': t('totals') },
      [['conversations', 'kpiConversations'], ['questions', 'kpiQuestions'], ['answers', 'kpiAnswers'], ['articleViews', 'kpiArticleViews']].map(function (c) {
        return kpi(c[0], c[1], Number(totals[c[0]]) || 0, null, formulas, 'volume');
      }),
      h('p', { class: 'kpis-caption' }, t('outcomes')),
      split,
      OUTCOMES.map(function (o) {
        var value = Number(totals[o[0]]) || 0;
        return kpi(o[0], o[1], value, h('span', { class: 'kpi-share' }, t('shareOfConversations', { pct: fmt.percent(decided ? value / decided : null) })), formulas, 'outcome');
      }));
  }

  function resolutionSection(data, formulas) {
    var days = data.perDay || [];
    var c = chartBox(t('resolutionPerDay'), true);
    var section = h('section', { class: 'panel panel--wide' },
      h('div', { class: 'panel-head' }, h('h2', null, t('resolutionPerDay')), h('p', { class: 'muted' }, t('resolutionLead'))),
      h('div', { class: 'chart-with-notes' },
        days.length ? c.box : Staff.empty(t('noData')),
        h('ul', { class: 'legend-notes' }, OUTCOMES.map(function (o) {
          return h('li', null, h('span', { class: 'legend-title' }, h('span', { class: 'swatch', 'data-colour': o[0] }), t(o[1])), formula(formulas[o[0]]));
        }))),
      h('details', { class: 'table-toggle' }, h('summary', null, t('showTable')),
        table([t('day'), t('kpiConversations'), t('kpiAnswers')].concat(OUTCOMES.map(function (o) { return t(o[1]); })),
          days.map(function (d) { return [fmt.day(d.day), fmt.number(d.conversations), fmt.number(d.answers)].concat(OUTCOMES.map(function (o) { return fmt.number(d[o[0]]); })); }),
          [false, true, true, true, true, true, true])));
    if (days.length) {
      chart(c.canvas, {
        type: 'bar',
        data: {
          labels: days.map(function (d) { return fmt.day(d.day); }),
          datasets: OUTCOMES.map(function (o) {
            return { label: t(o[1]), data: days.map(function (d) { return Number(d[o[0]]) || 0; }), backgroundColor: o[2], borderRadius: 3, maxBarThickness: 36 };
          }),
        },
        options: {
          scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('kpiConversations') } } },
          plugins: { legend: { position: 'bottom' }, tooltip: { mode: 'index', intersect: false } },
        },
      });
    }
    return section;
  }

  function articleSection(data, formulas) {
    var articles = (data.perArticle || []).slice();
    var rated = articles.filter(function (a) { return typeof a.helpfulRate === 'number'; })
      .sort(function (a, b) { return b.helpfulRate - a.helpfulRate || (b.helpful + b.notHelpful) - (a.helpful + a.notHelpful); })
      .slice(0, 15);
    var c = chartBox(t('helpfulRate'), false);
    c.box.classList.add('chart--bars');
    c.box.style.height = Math.max(160, rated.length * 30 + 60) + 'px';
    var section = h('section', { class: 'panel panel--wide' },
      h('div', { class: 'panel-head' }, h('h2', null, t('helpfulPerArticle')), formula(formulas.helpfulRate)),
      rated.length ? c.box : Staff.empty(t('noFeedbackYet')),
      articles.length
        // The chat's figures, then the article's page in the help centre (views and its own "helpful?").
        ? table([t('article'), t('shown'), t('feedbackHelpful'), t('feedbackNotHelpful'), t('helpfulRate'), t('pageViews'), t('pageHelpful'), t('pageNotHelpful'), t('pageHelpfulRate')],
          articles.map(function (a) {
            return [h('span', null, Staff.titleOf(a.title) || a.id, ' ', h('code', { class: 'muted' }, a.id)), fmt.number(a.shown), fmt.number(a.helpful), fmt.number(a.notHelpful), fmt.percent(a.helpfulRate),
              fmt.number(a.views || 0), fmt.number(a.pageHelpful || 0), fmt.number(a.pageNotHelpful || 0), fmt.percent(typeof a.pageHelpfulRate === 'number' ? a.pageHelpfulRate : null)];
          }), [false, true, true, true, true, true, true, true, true])
        : null);
    if (rated.length) {
      chart(c.canvas, {
        type: 'bar',
        data: {
          labels: rated.map(function (a) { return Staff.titleOf(a.title) || a.id; }),
          datasets: [{ label: t('helpfulRate'), data: rated.map(function (a) { return Math.round(a.helpfulRate * 1000) / 10; }), backgroundColor: '#1d4ed8', borderRadius: 3, maxBarThickness: 18 }],
        },
        options: {
          indexAxis: 'y',
          scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } }, y: { grid: { display: false } } },
          plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (ctx) { return ctx.parsed.x + ' %'; } } } },
        },
      });
    }
    return section;
  }

  function unansweredSection(data) {
    var top = data.topUnanswered || [];
    var max = top.reduce(function (m, q) { return Math.max(m, Number(q.count) || 0); }, 0) || 1;
    return h('section', { class: 'panel' },
      h('div', { class: 'panel-head' }, h('h2', null, t('topUnanswered')), h('a', { href: '/staff/unanswered' }, t('seeAll'))),
      top.length
        ? h('ol', { class: 'rank' }, top.map(function (q) {
          var fill = h('span', { class: 'rank-fill' });
          fill.style.width = ((Number(q.count) || 0) / max * 100).toFixed(1) + '%';
          return h('li', null, h('span', { class: 'rank-text' }, q.question), h('span', { class: 'rank-bar' }, fill), h('strong', { class: 'rank-count' }, fmt.number(q.count)));
        }))
        : Staff.empty(t('noUnanswered')));
  }

  function escalationSection(data, formulas) {
    var byLevel = data.escalationsByLevel || {};
    var levels = ['1', '2', '3', '4'];
    var c = chartBox(t('escalationsByLevel'), false);
    var section = h('section', { class: 'panel' },
      h('div', { class: 'panel-head' }, h('h2', null, t('escalationsByLevel')), formula(formulas.escalated)),
      c.box,
      table([t('levelQueue'), t('escalations')], levels.map(function (l) { return [t('level' + l), fmt.number(byLevel[l])]; }), [false, true]));
    chart(c.canvas, {
      type: 'bar',
      data: {
        labels: levels.map(function (l) { return 'L' + l; }),
        datasets: [{ label: t('escalations'), data: levels.map(function (l) { return Number(byLevel[l]) || 0; }), backgroundColor: LEVEL_COLOURS, borderRadius: 4, maxBarThickness: 48 }],
      },
      options: {
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } },
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: function (items) { return t('level' + levels[items[0].dataIndex]); } } } },
      },
    });
    return section;
  }

  function start(main) {
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    var params = Staff.params();
    var from = h('input', { type: 'date', name: 'from', value: params.get('from') || '' });
    var to = h('input', { type: 'date', name: 'to', value: params.get('to') || '' });
    var range = h('p', { class: 'count', role: 'status' });
    var body = h('div', { class: 'dashboard' });

    function load() {
      Staff.saveParams({ from: from.value, to: to.value });
      charts.forEach(function (c) { c.destroy(); });
      charts = [];
      pending = [];
      Staff.replace(body, Staff.loading());
      range.textContent = '';
      Staff.api.get('/dashboard', { from: Staff.dayToIso(from.value), to: Staff.dayToIso(to.value, true), lang: Staff.lang }).then(function (res) {
        if (Staff.failed(res, body)) return;
        var data = res.data || {};
        var formulas = formulasOf(data);
        if (data.range) range.textContent = fmt.labelled(t('rangeShown', { from: fmt.dateTime(data.range.from, { label: false }), to: fmt.dateTime(data.range.to, { label: false }) }));
        Staff.replace(body,
          typeof window.Chart === 'function' ? null : h('div', { class: 'alert alert--info' }, t('chartsUnavailable')),
          kpis(data, formulas),
          h('div', { class: 'grid-2' },
            resolutionSection(data, formulas),
            articleSection(data, formulas),
            unansweredSection(data),
            escalationSection(data, formulas)));
        drawCharts();
      });
    }

    Staff.replace(main,
      Staff.pageHead(t('dashboardTitle'), t('dashboardLead')),
      h('form', { class: 'filters', onchange: load, onsubmit: function (e) { e.preventDefault(); load(); } },
        Staff.field(t('from'), from),
        Staff.field(t('to'), to),
        h('button', { type: 'button', class: 'btn btn--ghost', onclick: function () { from.value = ''; to.value = ''; load(); } }, t('last30Days'))),
      range,
      body);
    load();
  }

  Staff.run({ id: 'dashboard', title: 'navDashboard', start: start });
})();
