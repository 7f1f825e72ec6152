// @ts-check
// Dashboard (GET /api/staff/dashboard): totals, the resolution split per day (stacked bars),
// the helpful rate per article (bars + table), the top unanswered questions and the escalations
// per level, each figure with its formula from the API in the page's language. Charts are drawn
// with Chart.js (served from node_modules as /staff/assets/chart.js); every chart has its numbers
// in a table too.
import { api } from './api.js';
import { empty, failed, field, h, loading, pageHead, params as addressParams, replace, saveParams } from './dom.js';
import { currentLang, dayToIso, fmt, t, titleOf } from './i18n.js';
import { run } from './shell.js';

/** @import { Chart, ChartConfiguration } from 'chart.js' */
/** @import { Dashboard, FormulaTexts, Outcome } from '../../apiTypes.js' */
/** @import { Child } from './dom.js' */
/** @import { TextKey } from './texts.js' */

/** @typedef {ChartConfiguration<'bar', number[], string>} BarChart */
/** @typedef {Dashboard['perArticle'][number]} ArticleFigures */
/**
 * The formula of each figure in the page's language (none for the help centre's page views).
 * @typedef {Partial<FormulaTexts & { articleViews: string }>} FormulaLookup
 */

/** Chart.js, a classic script (chart.umd.js) that runs before this module, when it loaded. */
function chartJs() {
  return /** @type {Window & { Chart?: typeof Chart }} */ (window).Chart;
}

/** @type {ReadonlyArray<readonly [Outcome, TextKey, string]>} */
const OUTCOMES = [
  ['confirmed', 'outcomeConfirmed', '#16a34a'],
  ['assumed', 'outcomeAssumed', '#60a5fa'],
  ['escalated', 'outcomeEscalated', '#f59e0b'],
  ['abandoned', 'outcomeAbandoned', '#94a3b8'],
];
const LEVEL_COLOURS = ['#1d4ed8', '#0891b2', '#7c3aed', '#db2777'];
/** @type {Chart[]} */
let charts = [];

/**
 * @param {Dashboard} data
 * @returns {FormulaLookup}
 */
function formulasOf(data) {
  const f = data.formulas;
  return (f && f[currentLang()]) || (f && f.en) || {};
}

/** @param {string | undefined} text */
function formula(text) {
  return text ? h('p', { class: 'formula' }, h('span', { class: 'formula-sign', 'aria-hidden': 'true' }, 'ƒ'), h('span', { class: 'sr-only' }, t('formula') + ' '), text) : null;
}

/** @type {Array<{ canvas: HTMLCanvasElement, config: BarChart }>} */
let pending = [];

/**
 * Queued: Chart.js measures its box, so charts are drawn once their section is in the page (drawCharts).
 * @param {HTMLCanvasElement} canvas
 * @param {BarChart} config
 */
function chart(canvas, config) {
  pending.push({ canvas: canvas, config: config });
}

function drawCharts() {
  const queued = pending;
  pending = [];
  const Chart = chartJs();
  if (typeof Chart !== 'function') return;
  Chart.defaults.font.family = "'Inter', 'Segoe UI', system-ui, -apple-system, sans-serif";
  Chart.defaults.color = '#475569';
  queued.forEach(function (q) {
    q.config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, q.config.options || {});
    charts.push(new Chart(q.canvas, q.config));
  });
}

/**
 * @param {string} label
 * @param {boolean} tall
 */
function chartBox(label, tall) {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  return { canvas: canvas, box: h('div', { class: 'chart' + (tall ? ' chart--tall' : '') }, canvas) };
}

/**
 * @param {Child[]} headers
 * @param {Child[][]} rows
 * @param {boolean[]} [numeric]
 */
function table(headers, rows, numeric) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
    h('thead', null, h('tr', null, headers.map(function (x, i) { return h('th', { scope: 'col', class: numeric && numeric[i] ? 'num' : null }, x); }))),
    h('tbody', null, rows.map(function (r) {
      return h('tr', null, r.map(function (cell, i) { return h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: numeric && numeric[i] ? 'num' : null }, cell); }));
    }))));
}

/**
 * @param {keyof FormulaLookup} key
 * @param {TextKey} labelKey
 * @param {number} value
 * @param {Child} extra
 * @param {FormulaLookup} formulas
 * @param {'volume' | 'outcome'} kind
 */
function kpi(key, labelKey, value, extra, formulas, kind) {
  return h('div', { class: 'kpi kpi--' + kind, 'data-kpi': key },
    h('span', { class: 'kpi-label' }, kind === 'outcome' ? h('span', { class: 'swatch', 'data-colour': key }) : null, t(labelKey)),
    h('strong', { class: 'kpi-value' }, fmt.number(value)),
    extra,
    formula(formulas[key]));
}

/**
 * @param {Dashboard} data
 * @param {FormulaLookup} formulas
 */
function kpis(data, formulas) {
  const totals = data.totals || {};
  const decided = OUTCOMES.reduce(function (sum, o) { return sum + (Number(totals[o[0]]) || 0); }, 0);
  const split = h('div', { class: 'split-bar', role: 'img', 'aria-label': OUTCOMES.map(function (o) { return t(o[1]) + ' ' + fmt.percent(decided ? (Number(totals[o[0]]) || 0) / decided : null); }).join(', ') },
    OUTCOMES.map(function (o) {
      const part = h('span', { 'data-colour': o[0] });
      part.style.width = (decided ? (Number(totals[o[0]]) || 0) / decided * 100 : 0).toFixed(2) + '%';
      return part;
    }));
  return h('section', { class: 'kpis', 'aria-label': t('totals') },
    /** @type {const} */ ([['conversations', 'kpiConversations'], ['questions', 'kpiQuestions'], ['answers', 'kpiAnswers'], ['articleViews', 'kpiArticleViews']]).map(function (c) {
      return kpi(c[0], c[1], Number(totals[c[0]]) || 0, null, formulas, 'volume');
    }),
    h('p', { class: 'kpis-caption' }, t('outcomes')),
    split,
    OUTCOMES.map(function (o) {
      const value = Number(totals[o[0]]) || 0;
      return kpi(o[0], o[1], value, h('span', { class: 'kpi-share' }, t('shareOfConversations', { pct: fmt.percent(decided ? value / decided : null) })), formulas, 'outcome');
    }));
}

/**
 * @param {Dashboard} data
 * @param {FormulaLookup} formulas
 */
function resolutionSection(data, formulas) {
  const days = data.perDay || [];
  const c = chartBox(t('resolutionPerDay'), true);
  const section = h('section', { class: 'panel panel--wide' },
    h('div', { class: 'panel-head' }, h('h2', null, t('resolutionPerDay')), h('p', { class: 'muted' }, t('resolutionLead'))),
    h('div', { class: 'chart-with-notes' },
      days.length ? c.box : empty(t('noData')),
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

/**
 * @param {Dashboard} data
 * @param {FormulaLookup} formulas
 */
function articleSection(data, formulas) {
  const articles = (data.perArticle || []).slice();
  const rated = articles.filter(
    /**
     * @param {ArticleFigures} a
     * @returns {a is ArticleFigures & { helpfulRate: number }}
     */
    function (a) { return typeof a.helpfulRate === 'number'; })
    .sort(function (a, b) { return b.helpfulRate - a.helpfulRate || (b.helpful + b.notHelpful) - (a.helpful + a.notHelpful); })
    .slice(0, 15);
  const c = chartBox(t('helpfulRate'), false);
  c.box.classList.add('chart--bars');
  c.box.style.height = Math.max(160, rated.length * 30 + 60) + 'px';
  const section = h('section', { class: 'panel panel--wide' },
    h('div', { class: 'panel-head' }, h('h2', null, t('helpfulPerArticle')), formula(formulas.helpfulRate)),
    rated.length ? c.box : empty(t('noFeedbackYet')),
    articles.length
      // The chat's figures, then the article's page in the help centre (views and its own "helpful?").
      ? table([t('article'), t('shown'), t('feedbackHelpful'), t('feedbackNotHelpful'), t('helpfulRate'), t('pageViews'), t('pageHelpful'), t('pageNotHelpful'), t('pageHelpfulRate')],
        articles.map(function (a) {
          return [h('span', null, titleOf(a.title) || a.id, ' ', h('code', { class: 'muted' }, a.id)), fmt.number(a.shown), fmt.number(a.helpful), fmt.number(a.notHelpful), fmt.percent(a.helpfulRate),
            fmt.number(a.views || 0), fmt.number(a.pageHelpful || 0), fmt.number(a.pageNotHelpful || 0), fmt.percent(typeof a.pageHelpfulRate === 'number' ? a.pageHelpfulRate : null)];
        }), [false, true, true, true, true, true, true, true, true])
      : null);
  if (rated.length) {
    chart(c.canvas, {
      type: 'bar',
      data: {
        labels: rated.map(function (a) { return titleOf(a.title) || a.id; }),
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

/** @param {Dashboard} data */
function unansweredSection(data) {
  const top = data.topUnanswered || [];
  const max = top.reduce(function (m, q) { return Math.max(m, Number(q.count) || 0); }, 0) || 1;
  return h('section', { class: 'panel' },
    h('div', { class: 'panel-head' }, h('h2', null, t('topUnanswered')), h('a', { href: '/staff/unanswered' }, t('seeAll'))),
    top.length
      ? h('ol', { class: 'rank' }, top.map(function (q) {
        const fill = h('span', { class: 'rank-fill' });
        fill.style.width = ((Number(q.count) || 0) / max * 100).toFixed(1) + '%';
        return h('li', null, h('span', { class: 'rank-text' }, q.question), h('span', { class: 'rank-bar' }, fill), h('strong', { class: 'rank-count' }, fmt.number(q.count)));
      }))
      : empty(t('noUnanswered')));
}

/**
 * @param {Dashboard} data
 * @param {FormulaLookup} formulas
 */
function escalationSection(data, formulas) {
  const byLevel = data.escalationsByLevel || {};
  /** @type {ReadonlyArray<'1' | '2' | '3' | '4'>} */
  const levels = ['1', '2', '3', '4'];
  const c = chartBox(t('escalationsByLevel'), false);
  const section = h('section', { class: 'panel' },
    h('div', { class: 'panel-head' }, h('h2', null, t('escalationsByLevel')), formula(formulas.escalated)),
    c.box,
    table([t('levelQueue'), t('escalations')], levels.map(function (l) { return [t(`level${l}`), fmt.number(byLevel[l])]; }), [false, true]));
  chart(c.canvas, {
    type: 'bar',
    data: {
      labels: levels.map(function (l) { return 'L' + l; }),
      datasets: [{ label: t('escalations'), data: levels.map(function (l) { return Number(byLevel[l]) || 0; }), backgroundColor: LEVEL_COLOURS, borderRadius: 4, maxBarThickness: 48 }],
    },
    options: {
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: function (items) {
          const level = items[0] && levels[items[0].dataIndex];
          return level ? t(`level${level}`) : '';
        } } },
      },
    },
  });
  return section;
}

/** @param {HTMLElement} main */
function start(main) {
  charts.forEach(function (c) { c.destroy(); });
  charts = [];
  const params = addressParams();
  const from = h('input', { type: 'date', name: 'from', value: params.get('from') || '' });
  const to = h('input', { type: 'date', name: 'to', value: params.get('to') || '' });
  const range = h('p', { class: 'count', role: 'status' });
  const body = h('div', { class: 'dashboard' });

  function load() {
    saveParams({ from: from.value, to: to.value });
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    pending = [];
    replace(body, loading());
    range.textContent = '';
    api.get('/dashboard', { from: dayToIso(from.value), to: dayToIso(to.value, true), lang: currentLang() }).then(function (res) {
      if (failed(res, body)) return;
      const data = res.data || {};
      const formulas = formulasOf(data);
      if (data.range) range.textContent = fmt.labelled(t('rangeShown', { from: fmt.dateTime(data.range.from, { label: false }), to: fmt.dateTime(data.range.to, { label: false }) }));
      replace(body,
        typeof chartJs() === 'function' ? null : h('div', { class: 'alert alert--info' }, t('chartsUnavailable')),
        kpis(data, formulas),
        h('div', { class: 'grid-2' },
          resolutionSection(data, formulas),
          articleSection(data, formulas),
          unansweredSection(data),
          escalationSection(data, formulas)));
      drawCharts();
    });
  }

  replace(main,
    pageHead(t('dashboardTitle'), t('dashboardLead')),
    h('form', { class: 'filters', onchange: load, onsubmit: function (e) { e.preventDefault(); load(); } },
      field(t('from'), from),
      field(t('to'), to),
      h('button', { type: 'button', class: 'btn btn--ghost', onclick: function () { from.value = ''; to.value = ''; load(); } }, t('last30Days'))),
    range,
    body);
  load();
}

run({ id: 'dashboard', title: 'navDashboard', start: start });
