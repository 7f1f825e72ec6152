// Building the page: every text, and above all every text from the API, goes in as a text node or
// textContent. Never innerHTML: a question such as `<img src=x onerror=…>` must show as those
// characters (the page's CSP also enforces Trusted Types, so an innerHTML string would throw).
(function () {
  'use strict';

  var Staff = (window.Staff = window.Staff || {});
  var PROPERTIES = { value: 1, checked: 1, disabled: 1, selected: 1, hidden: 1, required: 1, open: 1, multiple: 1 };

  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(el, c); });
      return;
    }
    el.appendChild(typeof child === 'object' && child.nodeType ? child : document.createTextNode(String(child)));
  }

  /**
   * h('button', { class: 'btn', type: 'button', onclick: fn }, 'Label', node, [more])
   * Attributes come from this code, never from the API: only children carry data (as text).
   */
  Staff.h = function (tag, props) {
    var el = document.createElement(tag);
    var attrs = props || {};
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === 'class') el.className = value;
      else if (key.slice(0, 2) === 'on' && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (PROPERTIES[key]) el[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    });
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  };

  var INLINE = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

  /**
   * The bot's Markdown, shown the way the customer saw it: **bold**, `code` and [links](https://…)
   * become elements whose text is set as text; everything else stays characters. Links other than
   * http(s) stay text.
   */
  Staff.richText = function (text) {
    var nodes = [];
    var source = String(text == null ? '' : text);
    var last = 0;
    var m;
    INLINE.lastIndex = 0;
    while ((m = INLINE.exec(source))) {
      if (m.index > last) nodes.push(source.slice(last, m.index));
      if (m[1] !== undefined) nodes.push(Staff.h('strong', null, m[1]));
      else if (m[2] !== undefined) nodes.push(Staff.h('code', null, m[2]));
      else if (/^https?:\/\//i.test(m[4])) nodes.push(Staff.h('a', { href: m[4], target: '_blank', rel: 'noopener noreferrer' }, m[3]));
      else nodes.push(m[0]);
      last = INLINE.lastIndex;
    }
    if (last < source.length) nodes.push(source.slice(last));
    return nodes;
  };

  Staff.clear = function (el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  };

  Staff.replace = function (el) {
    Staff.clear(el);
    for (var i = 1; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  };

  var h = Staff.h;
  var t = function (key, vars) { return Staff.t(key, vars); };

  Staff.loading = function () {
    return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('loading'));
  };

  Staff.empty = function (text) {
    return h('p', { class: 'empty' }, text);
  };

  /** A failed API call as a sentence the staff can act on. */
  Staff.errorText = function (res) {
    if (!res || res.status === 0) return t('errNetwork');
    var code = res.data && typeof res.data.error === 'string' ? res.data.error : '';
    if (res.status === 403) return t(code === 'csrf' ? 'errCsrf' : 'errForbidden');
    if (res.status === 404) return t('errNotFound');
    if (res.status === 429) return t('errTooMany');
    // The API names the wrong field ("bad article: title.fr: …"): worth showing as it is.
    if (res.status === 400) return t('errBadRequest') + (code ? ' ' + code : '');
    return t('errServer', { status: res.status }) + (code ? ' (' + code + ')' : '');
  };

  Staff.errorBox = function (res) {
    return h('div', { class: 'alert alert--error', role: 'alert' }, Staff.errorText(res));
  };

  /**
   * True when an API call failed: its error then fills `container` (nothing when the failure was
   * a lost session, whose sign-in form is already showing).
   */
  Staff.failed = function (res, container) {
    if (res.ok) return false;
    if (!res.signedOut) Staff.replace(container, Staff.errorBox(res));
    return true;
  };

  /** The KB checker's problems, shown exactly as it wrote them. */
  Staff.problemsBox = function (problems) {
    return h('div', { class: 'alert alert--error problems', role: 'alert' },
      h('p', { class: 'alert-title' }, t('kbProblems')),
      h('ul', null, (problems || []).map(function (p) { return h('li', null, h('code', null, String(p))); })));
  };

  var toastTimer;
  Staff.toast = function (text, kind) {
    var region = document.getElementById('toast');
    if (!region) {
      region = h('div', { id: 'toast', class: 'toast', role: 'status', 'aria-live': 'polite' });
      document.body.appendChild(region);
    }
    region.className = 'toast toast--show' + (kind === 'error' ? ' toast--error' : '');
    region.textContent = text;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { region.className = 'toast'; }, 4000);
  };

  /** A pill for a request status (open, in-progress, resolved, closed). */
  Staff.statusPill = function (status) {
    return h('span', { class: 'pill pill--' + String(status).replace(/[^a-z-]/g, '') }, Staff.statusLabel(status));
  };

  var STATUS_KEYS = { open: 'statusOpen', 'in-progress': 'statusInProgress', resolved: 'statusResolved', closed: 'statusClosed' };
  Staff.STATUSES = ['open', 'in-progress', 'resolved', 'closed'];
  Staff.statusLabel = function (status) {
    return STATUS_KEYS[status] ? t(STATUS_KEYS[status]) : String(status);
  };

  /** A 0..1 value as a small bar (with its number beside it). */
  Staff.meter = function (value, label) {
    var pct = Math.max(0, Math.min(1, Number(value) || 0)) * 100;
    var bar = h('span', { class: 'meter-fill' });
    bar.style.width = pct.toFixed(1) + '%';
    return h('span', { class: 'meter', role: 'img', 'aria-label': label || Staff.fmt.score(value) }, h('span', { class: 'meter-track' }, bar), h('span', { class: 'meter-value' }, Staff.fmt.score(value)));
  };

  /** Filters kept in the address, so a reload or a shared link shows the same list. */
  Staff.params = function () {
    return new URLSearchParams(location.search);
  };
  Staff.saveParams = function (values) {
    var params = new URLSearchParams();
    Object.keys(values).forEach(function (k) { if (values[k]) params.set(k, values[k]); });
    var query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
  };

  /**
   * A button that asks in place before it acts: [label] → "question [yes] [cancel]". `act(done)`
   * runs on yes; calling `done()` puts the button back (after a refusal; a success usually reloads).
   * `before` runs when the button is pressed (e.g. to clear a message). Returns [button, question].
   */
  Staff.confirmButton = function (options) {
    var button = h('button', { type: 'button', class: 'btn ' + (options.buttonClass || 'btn--secondary') + ' btn--small' }, options.label);
    var question = h('span', { class: 'edit-confirm', hidden: true });
    function back(focus) {
      question.hidden = true;
      button.hidden = false;
      if (focus) button.focus();
    }
    question.appendChild(h('span', null, options.question));
    question.appendChild(document.createTextNode(' '));
    question.appendChild(h('button', { type: 'button', class: 'btn btn--primary btn--small', onclick: function (event) {
      var yes = event.currentTarget;
      yes.disabled = true;
      options.act(function () {
        yes.disabled = false;
        back(false);
      });
    } }, options.yes));
    question.appendChild(document.createTextNode(' '));
    question.appendChild(h('button', { type: 'button', class: 'btn btn--ghost btn--small', onclick: function () { back(true); } }, t('cancel')));
    button.addEventListener('click', function () {
      if (options.before) options.before();
      button.hidden = true;
      question.hidden = false;
    });
    return [button, question];
  };

  /** A table that scrolls sideways on a narrow screen: column headers (texts or nodes), then its <tr> rows. */
  Staff.table = function (className, headers, rows) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'table ' + className },
      h('thead', null, h('tr', null, headers.map(function (x) { return h('th', { scope: 'col' }, x); }))),
      h('tbody', null, rows)));
  };

  /** A labelled form field. */
  Staff.field = function (label, control, hint) {
    return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control, hint ? h('span', { class: 'field-hint' }, hint) : null);
  };

  /** A <select> from [value, label] pairs. */
  Staff.select = function (name, options, value) {
    return h('select', { name: name }, options.map(function (o) {
      return h('option', { value: o[0], selected: o[0] === value }, o[1]);
    }));
  };

  /** The page header: title, one line of help, actions on the right. */
  Staff.pageHead = function (title, lead, actions) {
    return h('div', { class: 'page-head' },
      h('div', null, h('h1', null, title), lead ? h('p', { class: 'lead' }, lead) : null),
      actions ? h('div', { class: 'page-actions' }, actions) : null);
  };
})();
