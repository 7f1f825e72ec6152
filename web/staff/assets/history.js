// @ts-check
// Knowledge base history: every staff edit (GET /api/staff/articles/history), newest first, with
// who made it, when, and the lines it changed in each article file; an agent can revert one
// (POST …/history/:id/revert), which the server refuses when the article changed since.
import { api, canEdit } from './api.js';
import { clear, confirmButton, empty, errorBox, failed, field, h, loading, pageHead, params as addressParams, problemsBox, replace, saveParams, toast } from './dom.js';
import { entryOf, fmt, t } from './i18n.js';
import { run } from './shell.js';

/** @import { KbHistory } from '../../apiTypes.js' */
/** @import { TextKey } from './texts.js' */

/** @typedef {KbHistory['edits'][number]} Edit */

/** @type {Record<Edit['action'], TextKey>} */
const ACTION_KEYS = { 'create-article': 'kbActionCreate', 'add-question': 'kbActionAdd', 'move-question': 'kbActionMove', revert: 'kbActionRevert' };

/**
 * The lines of `before` and `after` as kept, removed or added (longest common subsequence).
 * @param {string | null} before
 * @param {string | null} after
 * @returns {Array<[' ' | '+' | '-', string | undefined]>}
 */
function lineDiff(before, after) {
  const a = before === null ? [] : before.split('\n');
  const b = after === null ? [] : after.split('\n');
  const n = a.length;
  const m = b.length;
  // lcs(i, j): how many lines a[i…] and b[j…] have in common, in order.
  const common = new Uint32Array((n + 1) * (m + 1));
  /**
   * @param {number} i
   * @param {number} j
   */
  const lcs = (i, j) => common[i * (m + 1) + j] || 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) common[i * (m + 1) + j] = a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
  }
  /** @type {Array<[' ' | '+' | '-', string | undefined]>} */
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push([' ', a[i]]); i++; j++; }
    else if (j < m && (i === n || lcs(i, j + 1) >= lcs(i + 1, j))) { out.push(['+', b[j]]); j++; }
    else { out.push(['-', a[i]]); i++; }
  }
  return out;
}

/**
 * Changed lines with two lines of context; long unchanged stretches folded.
 * @param {Edit['changes'][number]} change
 */
function diffView(change) {
  const lines = lineDiff(change.before, change.after);
  const near = lines.map(function (line, k) {
    for (let d = -2; d <= 2; d++) {
      const other = lines[k + d];
      if (other && other[0] !== ' ') return true;
    }
    return false;
  });
  /** @type {HTMLLIElement[]} */
  const rows = [];
  let folded = false;
  lines.forEach(function (line, k) {
    if (!near[k]) {
      if (!folded) rows.push(h('li', { class: 'diff-fold' }, '⋯'));
      folded = true;
      return;
    }
    folded = false;
    const kind = line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : 'same';
    rows.push(h('li', { class: 'diff-line diff-line--' + kind }, h('span', { class: 'diff-sign', 'aria-hidden': 'true' }, line[0]), line[1] || ' '));
  });
  const what = change.before === null ? t('kbFileCreated') : change.after === null ? t('kbFileRemoved') : t('kbFileChanged');
  return h('div', { class: 'diff' },
    h('p', { class: 'diff-file' }, h('code', null, 'knowledge/articles/' + change.articleId + '.md'), ' ', h('span', { class: 'muted small' }, what)),
    h('ol', { class: 'diff-lines', 'aria-label': t('kbChanges') }, rows));
}

/**
 * @param {Edit} edit
 * @param {() => void} reload
 */
function editRow(edit, reload) {
  const details = h('div', { class: 'edit-details', hidden: true }, (edit.changes || []).map(diffView));
  const message = h('div', { class: 'form-message' });
  const toggle = h('button', { type: 'button', class: 'btn btn--ghost btn--small', 'aria-expanded': 'false', onclick: function () {
    details.hidden = !details.hidden;
    toggle.setAttribute('aria-expanded', String(!details.hidden));
    toggle.textContent = t(details.hidden ? 'kbShowChanges' : 'kbHideChanges');
  } }, t('kbShowChanges'));
  const actions = h('div', { class: 'edit-actions' }, toggle);

  if (canEdit() && !edit.reverted) {
    confirmButton({
      label: t('kbRevert'),
      question: t('kbRevertConfirm'),
      yes: t('kbRevertYes'),
      before: function () { clear(message); },
      act: function (back) {
        api.post(`/articles/history/${encodeURIComponent(edit.id)}/revert`, {}).then(function (res) {
          if (res.signedOut) return;
          if (res.ok) {
            toast(t('kbReverted', { id: edit.articleId }));
            reload();
            return;
          }
          back();
          if (res.status === 409) replace(message, h('div', { class: 'alert alert--error', role: 'alert' }, t('kbChangedSince', { id: (res.data && res.data.article && res.data.article.id) || edit.articleId })));
          else if (res.status === 422 && res.data && Array.isArray(res.data.problems)) replace(message, problemsBox(res.data.problems));
          else replace(message, errorBox(res));
        });
      },
    }).forEach(function (el) { actions.appendChild(el); });
  }

  const actionKey = entryOf(ACTION_KEYS, edit.action);
  return h('li', { class: 'edit' + (edit.reverted ? ' edit--reverted' : '') },
    h('div', { class: 'edit-head' },
      h('span', { class: 'badge badge--action' }, actionKey ? t(actionKey) : String(edit.action)),
      h('strong', null, h('code', null, edit.articleId)),
      edit.reverted ? h('span', { class: 'badge badge--reverted' }, t('kbRevertedBadge')) : null),
    h('p', { class: 'edit-summary' }, String(edit.summary || '')),
    h('p', { class: 'muted small' }, t('kbEditBy', { who: String(edit.by || ''), when: fmt.dateTime(edit.at) })),
    actions, message, details);
}

/** @param {HTMLElement} main */
function start(main) {
  const list = h('section', { class: 'edit-list-wrap', 'aria-live': 'polite' }, loading());
  const article = h('input', { type: 'search', name: 'article', placeholder: t('kbArticleFilter'), class: 'mono', value: addressParams().get('article') || '' });
  const count = h('p', { class: 'count', role: 'status' });

  function load() {
    /** @type {{ limit: number, article?: string }} */
    const params = { limit: 200 };
    const id = article.value.trim();
    if (id) params.article = id;
    saveParams({ article: id });
    api.get('/articles/history', params).then(function (res) {
      if (failed(res, list)) return;
      const edits = (res.data && res.data.edits) || [];
      count.textContent = t('kbEditsN', { n: fmt.number(res.data.total || 0) });
      replace(list, edits.length
        ? h('ol', { class: 'edit-list' }, edits.map(function (e) { return editRow(e, load); }))
        : empty(t('kbNoEdits')));
    });
  }

  const filters = h('form', { class: 'filters', onsubmit: function (event) {
    event.preventDefault();
    load();
  } }, field(t('kbArticle'), article), h('button', { type: 'submit', class: 'btn btn--secondary' }, t('kbFilter')));
  replace(main, pageHead(t('kbHistoryTitle'), t('kbHistoryLead')), filters, count, list);
  load();
}

run({ id: 'history', title: 'navHistory', start: start });
