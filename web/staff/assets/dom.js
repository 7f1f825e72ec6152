// @ts-check
// Building the page: every text, and above all every text from the API, goes in as a text node or
// textContent. Never innerHTML: a question such as `<img src=x onerror=…>` must show as those
// characters (the page's CSP also enforces Trusted Types, so an innerHTML string would throw).
import { entryOf, fmt, t } from './i18n.js';

/** @import { RequestStatus } from '../../apiTypes.js' */
/** @import { ApiResult } from './api.js' */
/** @import { TextKey } from './texts.js' */

/**
 * What h() and replace() put in an element: nodes, texts (as text), nothing for null, undefined
 * and false, and lists of these (three deep: a JSDoc type cannot name itself).
 * @typedef {Node | string | number | false | null | undefined} Leaf
 * @typedef {Leaf | ReadonlyArray<Leaf | ReadonlyArray<Leaf | ReadonlyArray<Leaf>>>} Child
 */

/**
 * Attributes, properties (value, checked…) and `on…` listeners of an element made by h().
 * @typedef {Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>} Props
 */

/**
 * A failed API call.
 * @typedef {Extract<ApiResult<unknown>, { ok: false }>} Failure
 */

/** @type {Record<string, 1>} */
const PROPERTIES = { value: 1, checked: 1, disabled: 1, selected: 1, hidden: 1, required: 1, open: 1, multiple: 1 };

/**
 * Array.isArray, for the read-only lists TypeScript's own does not narrow.
 * @param {Child} child
 * @returns {child is Extract<Child, ReadonlyArray<unknown>>}
 */
function isList(child) {
  return Array.isArray(child);
}

/**
 * @param {Node} el
 * @param {Child} child
 */
function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (isList(child)) {
    child.forEach(function (c) { append(el, c); });
    return;
  }
  el.appendChild(typeof child === 'object' && child.nodeType ? child : document.createTextNode(String(child)));
}

/**
 * h('button', { class: 'btn', type: 'button', onclick: fn }, 'Label', node, [more])
 * Attributes come from this code, never from the API: only children carry data (as text).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props | null} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  const attrs = props || {};
  Object.keys(attrs).forEach(function (key) {
    const value = attrs[key];
    if (value === null || value === undefined || value === false) return;
    if (key === 'class') el.className = String(value);
    else if (key.slice(0, 2) === 'on' && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (PROPERTIES[key]) Object.assign(el, { [key]: value });
    else el.setAttribute(key, value === true ? '' : String(value));
  });
  children.forEach(function (child) { append(el, child); });
  return el;
}

const INLINE = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

/**
 * The bot's Markdown, shown the way the customer saw it: **bold**, `code` and [links](https://…)
 * become elements whose text is set as text; everything else stays characters. Links other than
 * http(s) stay text.
 * @param {string | null | undefined} text
 * @returns {Array<Node | string>}
 */
export function richText(text) {
  /** @type {Array<Node | string>} */
  const nodes = [];
  const source = String(text == null ? '' : text);
  let last = 0;
  let m;
  INLINE.lastIndex = 0;
  while ((m = INLINE.exec(source))) {
    if (m.index > last) nodes.push(source.slice(last, m.index));
    if (m[1] !== undefined) nodes.push(h('strong', null, m[1]));
    else if (m[2] !== undefined) nodes.push(h('code', null, m[2]));
    else if (m[4] !== undefined && /^https?:\/\//i.test(m[4])) nodes.push(h('a', { href: m[4], target: '_blank', rel: 'noopener noreferrer' }, m[3]));
    else nodes.push(m[0]);
    last = INLINE.lastIndex;
  }
  if (last < source.length) nodes.push(source.slice(last));
  return nodes;
}

/**
 * @template {Node} E
 * @param {E} el
 * @returns {E}
 */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/**
 * @template {Node} E
 * @param {E} el
 * @param {...Child} children
 * @returns {E}
 */
export function replace(el, ...children) {
  clear(el);
  children.forEach(function (child) { append(el, child); });
  return el;
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('loading'));
}

/** @param {Child} text */
export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

/**
 * A failed API call as a sentence the staff can act on.
 * @param {ApiResult<unknown> | null | undefined} res
 */
export function errorText(res) {
  if (!res || res.status === 0) return t('errNetwork');
  const data = res.data;
  const code = typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'string' ? data.error : '';
  if (res.status === 403) return t(code === 'csrf' ? 'errCsrf' : 'errForbidden');
  if (res.status === 404) return t('errNotFound');
  if (res.status === 429) return t('errTooMany');
  // The API names the wrong field ("bad article: title.fr: …"): worth showing as it is.
  if (res.status === 400) return t('errBadRequest') + (code ? ' ' + code : '');
  return t('errServer', { status: res.status }) + (code ? ' (' + code + ')' : '');
}

/** @param {ApiResult<unknown> | null | undefined} res */
export function errorBox(res) {
  return h('div', { class: 'alert alert--error', role: 'alert' }, errorText(res));
}

/**
 * True when an API call failed: its error then fills `container` (nothing when the failure was
 * a lost session, whose sign-in form is already showing).
 * @template T
 * @param {ApiResult<T>} res
 * @param {HTMLElement} container
 * @returns {res is Extract<ApiResult<T>, { ok: false }>}
 */
export function failed(res, container) {
  if (res.ok) return false;
  if (!res.signedOut) replace(container, errorBox(res));
  return true;
}

/**
 * The KB checker's problems, shown exactly as it wrote them.
 * @param {readonly unknown[] | null | undefined} problems
 */
export function problemsBox(problems) {
  return h('div', { class: 'alert alert--error problems', role: 'alert' },
    h('p', { class: 'alert-title' }, t('kbProblems')),
    h('ul', null, (problems || []).map(function (p) { return h('li', null, h('code', null, String(p))); })));
}

/** @type {number | undefined} */
let toastTimer;
/**
 * @param {string} text
 * @param {'error'} [kind]
 */
export function toast(text, kind) {
  let region = document.getElementById('toast');
  if (!region) {
    region = h('div', { id: 'toast', class: 'toast', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(region);
  }
  const shown = region;
  shown.className = 'toast toast--show' + (kind === 'error' ? ' toast--error' : '');
  shown.textContent = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(function () { shown.className = 'toast'; }, 4000);
}

/**
 * A pill for a request status (open, in-progress, resolved, closed).
 * @param {string} status
 */
export function statusPill(status) {
  return h('span', { class: 'pill pill--' + String(status).replace(/[^a-z-]/g, '') }, statusLabel(status));
}

/** @type {Record<RequestStatus, TextKey>} */
const STATUS_KEYS = { open: 'statusOpen', 'in-progress': 'statusInProgress', resolved: 'statusResolved', closed: 'statusClosed' };
/** @type {readonly RequestStatus[]} */
export const STATUSES = ['open', 'in-progress', 'resolved', 'closed'];
/** @param {string} status */
export function statusLabel(status) {
  const key = entryOf(STATUS_KEYS, status);
  return key ? t(key) : String(status);
}

/**
 * A 0..1 value as a small bar (with its number beside it).
 * @param {unknown} value
 * @param {string} [label]
 */
export function meter(value, label) {
  const pct = Math.max(0, Math.min(1, Number(value) || 0)) * 100;
  const bar = h('span', { class: 'meter-fill' });
  bar.style.width = pct.toFixed(1) + '%';
  return h('span', { class: 'meter', role: 'img', 'aria-label': label || fmt.score(value) }, h('span', { class: 'meter-track' }, bar), h('span', { class: 'meter-value' }, fmt.score(value)));
}

/** Filters kept in the address, so a reload or a shared link shows the same list. */
export function params() {
  return new URLSearchParams(location.search);
}
/** @param {Record<string, string | null | undefined>} values */
export function saveParams(values) {
  const search = new URLSearchParams();
  Object.keys(values).forEach(function (k) {
    const value = values[k];
    if (value) search.set(k, value);
  });
  const query = search.toString();
  history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
}

/**
 * A button that asks in place before it acts: [label] → "question [yes] [cancel]". `act(done)`
 * runs on yes; calling `done()` puts the button back (after a refusal; a success usually reloads).
 * `before` runs when the button is pressed (e.g. to clear a message). Returns [button, question].
 * @param {{ label: string, question: string, yes: string, buttonClass?: string, before?: () => void, act: (done: () => void) => void }} options
 */
export function confirmButton(options) {
  const button = h('button', { type: 'button', class: 'btn ' + (options.buttonClass || 'btn--secondary') + ' btn--small' }, options.label);
  const question = h('span', { class: 'edit-confirm', hidden: true });
  /** @param {boolean} focus */
  function back(focus) {
    question.hidden = true;
    button.hidden = false;
    if (focus) button.focus();
  }
  question.appendChild(h('span', null, options.question));
  question.appendChild(document.createTextNode(' '));
  const yes = h('button', { type: 'button', class: 'btn btn--primary btn--small', onclick: function () {
    yes.disabled = true;
    options.act(function () {
      yes.disabled = false;
      back(false);
    });
  } }, options.yes);
  question.appendChild(yes);
  question.appendChild(document.createTextNode(' '));
  question.appendChild(h('button', { type: 'button', class: 'btn btn--ghost btn--small', onclick: function () { back(true); } }, t('cancel')));
  button.addEventListener('click', function () {
    if (options.before) options.before();
    button.hidden = true;
    question.hidden = false;
  });
  return [button, question];
}

/**
 * A table that scrolls sideways on a narrow screen: column headers (texts or nodes), then its <tr> rows.
 * @param {string} className
 * @param {Child[]} headers
 * @param {Child} rows
 */
export function table(className, headers, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table ' + className },
    h('thead', null, h('tr', null, headers.map(function (x) { return h('th', { scope: 'col' }, x); }))),
    h('tbody', null, rows)));
}

/**
 * A labelled form field.
 * @param {Child} label
 * @param {Node} control
 * @param {Child} [hint]
 */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control, hint ? h('span', { class: 'field-hint' }, hint) : null);
}

/**
 * A <select> from [value, label] pairs.
 * @param {string} name
 * @param {ReadonlyArray<readonly [string, string]>} options
 * @param {string} value
 */
export function select(name, options, value) {
  return h('select', { name: name }, options.map(function (o) {
    return h('option', { value: o[0], selected: o[0] === value }, o[1]);
  }));
}

/**
 * The page header: title, one line of help, actions on the right.
 * @param {string} title
 * @param {string | null} [lead]
 * @param {Child} [actions]
 */
export function pageHead(title, lead, actions) {
  return h('div', { class: 'page-head' },
    h('div', null, h('h1', null, title), lead ? h('p', { class: 'lead' }, lead) : null),
    actions ? h('div', { class: 'page-actions' }, actions) : null);
}
