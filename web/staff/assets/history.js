// Knowledge base history: every staff edit (GET /api/staff/articles/history), newest first, with
// who made it, when, and the lines it changed in each article file; an agent can revert one
// (POST …/history/:id/revert), which the server refuses when the article changed since.
(function () {
  'use strict';

  var Staff = window.Staff;
  var h = Staff.h;
  var t = Staff.t;
  var fmt = Staff.fmt;

  var ACTION_KEYS = { 'create-article': 'kbActionCreate', 'add-question': 'kbActionAdd', 'move-question': 'kbActionMove', revert: 'kbActionRevert' };

  /** The lines of `before` and `after` as kept, removed or added (longest common subsequence). */
  function lineDiff(before, after) {
    var a = before === null ? [] : before.split('\n');
    var b = after === null ? [] : after.split('\n');
    var n = a.length;
    var m = b.length;
    var common = [];
    for (var i = 0; i <= n; i++) common.push(new Array(m + 1).fill(0));
    for (i = n - 1; i >= 0; i--) {
      for (var j = m - 1; j >= 0; j--) common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
    var out = [];
    i = 0;
    j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { out.push([' ', a[i]]); i++; j++; }
      else if (j < m && (i === n || common[i][j + 1] >= common[i + 1][j])) { out.push(['+', b[j]]); j++; }
      else { out.push(['-', a[i]]); i++; }
    }
    return out;
  }

  /** Changed lines with two lines of context; long unchanged stretches folded. */
  function diffView(change) {
    var lines = lineDiff(change.before, change.after);
    var near = lines.map(function (line, k) {
      for (var d = -2; d <= 2; d++) if (lines[k + d] && lines[k + d][0] !== ' ') return true;
      return false;
    });
    var rows = [];
    var folded = false;
    lines.forEach(function (line, k) {
      if (!near[k]) {
        if (!folded) rows.push(h('li', { class: 'diff-fold' }, '⋯'));
        folded = true;
        return;
      }
      folded = false;
      var kind = line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : 'same';
      rows.push(h('li', { class: 'diff-line diff-line--' + kind }, h('span', { class: 'diff-sign', 'aria-hidden': 'true' }, line[0]), line[1] || ' '));
    });
    var what = change.before === null ? t('kbFileCreated') : change.after === null ? t('kbFileRemoved') : t('kbFileChanged');
    return h('div', { class: 'diff' },
      h('p', { class: 'diff-file' }, h('code', null, 'knowledge/articles/' + change.articleId + '.md'), ' ', h('span', { class: 'muted small' }, what)),
      h('ol', { class: 'diff-lines', 'aria-label': t('kbChanges') }, rows));
  }

  function editRow(edit, reload) {
    var details = h('div', { class: 'edit-details', hidden: true }, (edit.changes || []).map(diffView));
    var message = h('div', { class: 'form-message' });
    var toggle = h('button', { type: 'button', class: 'btn btn--ghost btn--small', 'aria-expanded': 'false', onclick: function () {
      details.hidden = !details.hidden;
      toggle.setAttribute('aria-expanded', String(!details.hidden));
      toggle.textContent = t(details.hidden ? 'kbShowChanges' : 'kbHideChanges');
    } }, t('kbShowChanges'));
    var actions = h('div', { class: 'edit-actions' }, toggle);

    if (Staff.canEdit() && !edit.reverted) {
      Staff.confirmButton({
        label: t('kbRevert'),
        question: t('kbRevertConfirm'),
        yes: t('kbRevertYes'),
        before: function () { Staff.clear(message); },
        act: function (back) {
          Staff.api.post('/articles/history/' + encodeURIComponent(edit.id) + '/revert', {}).then(function (res) {
            if (res.signedOut) return;
            if (res.ok) {
              Staff.toast(t('kbReverted', { id: edit.articleId }));
              reload();
              return;
            }
            back();
            if (res.status === 409) Staff.replace(message, h('div', { class: 'alert alert--error', role: 'alert' }, t('kbChangedSince', { id: (res.data && res.data.article && res.data.article.id) || edit.articleId })));
            else if (res.status === 422 && res.data && Array.isArray(res.data.problems)) Staff.replace(message, Staff.problemsBox(res.data.problems));
            else Staff.replace(message, Staff.errorBox(res));
          });
        },
      }).forEach(function (el) { actions.appendChild(el); });
    }

    return h('li', { class: 'edit' + (edit.reverted ? ' edit--reverted' : '') },
      h('div', { class: 'edit-head' },
        h('span', { class: 'badge badge--action' }, ACTION_KEYS[edit.action] ? t(ACTION_KEYS[edit.action]) : String(edit.action)),
        h('strong', null, h('code', null, edit.articleId)),
        edit.reverted ? h('span', { class: 'badge badge--reverted' }, t('kbRevertedBadge')) : null),
      h('p', { class: 'edit-summary' }, String(edit.summary || '')),
      h('p', { class: 'muted small' }, t('kbEditBy', { who: String(edit.by || ''), when: fmt.dateTime(edit.at) })),
      actions, message, details);
  }

  function start(main) {
    var list = h('section', { class: 'edit-list-wrap', 'aria-live': 'polite' }, Staff.loading());
    var article = h('input', { type: 'search', name: 'article', placeholder: t('kbArticleFilter'), class: 'mono', value: Staff.params().get('article') || '' });
    var count = h('p', { class: 'count', role: 'status' });

    function load() {
      var params = { limit: 200 };
      var id = article.value.trim();
      if (id) params.article = id;
      Staff.saveParams({ article: id });
      Staff.api.get('/articles/history', params).then(function (res) {
        if (Staff.failed(res, list)) return;
        var edits = (res.data && res.data.edits) || [];
        count.textContent = t('kbEditsN', { n: fmt.number(res.data.total || 0) });
        Staff.replace(list, edits.length
          ? h('ol', { class: 'edit-list' }, edits.map(function (e) { return editRow(e, load); }))
          : Staff.empty(t('kbNoEdits')));
      });
    }

    var filters = h('form', { class: 'filters', onsubmit: function (event) {
      event.preventDefault();
      load();
    } }, Staff.field(t('kbArticle'), article), h('button', { type: 'submit', class: 'btn btn--secondary' }, t('kbFilter')));
    Staff.replace(main, Staff.pageHead(t('kbHistoryTitle'), t('kbHistoryLead')), filters, count, list);
    load();
  }

  Staff.run({ id: 'history', title: 'navHistory', start: start });
})();
