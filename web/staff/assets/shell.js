// @ts-check
// The frame of every console page: the sign-in form while GET /api/staff/me answers 401, else the
// top bar (pages, FR/EN switch, who is signed in, sign out) around the page's own content.
// A page's module calls run({ id, title, start(main) }); start() may be called again (after a
// language switch or a new sign-in), so it builds everything inside `main` from scratch.
import { api, currentSession, onSignedOut } from './api.js';
import { clear, errorBox, errorText, field, h, loading, replace } from './dom.js';
import { currentLang, entryOf, setLang, t } from './i18n.js';

/** @import { ApiResult } from './api.js' */
/** @import { TextKey } from './texts.js' */

/**
 * A console page: its id (the menu's), its title, and what builds it inside `main`.
 * @typedef {{ id: string, title: TextKey, start: (main: HTMLElement) => void }} Page
 */

/** @type {ReadonlyArray<readonly [string, string, TextKey, string?]>} */
const NAV = [
  ['inbox', '/staff/', 'navInbox'],
  ['transcripts', '/staff/transcripts', 'navTranscripts'],
  ['unanswered', '/staff/unanswered', 'navUnanswered'],
  ['dashboard', '/staff/dashboard', 'navDashboard'],
  ['try', '/staff/try', 'navTry'],
  ['history', '/staff/history', 'navHistory'],
  // Admins only: the API refuses everyone else, so nobody else is shown the way there.
  ['accounts', '/staff/accounts', 'navAccounts', 'admin'],
  ['audit', '/staff/audit', 'navAudit', 'admin'],
];
/** @type {Record<'viewer' | 'agent' | 'admin', TextKey>} */
const ROLE_KEYS = { viewer: 'roleViewer', agent: 'roleAgent', admin: 'roleAdmin' };

/** @type {Page | null} */
let page = null;
/** @type {HTMLElement | null} */
let app = null;
/** @type {'loading' | 'signin' | 'console' | 'down'} */
let view = 'loading';
/** @type {{ kind: 'info', text: string } | null} */
let signInMessage = null;

function langSwitch() {
  return h('div', { class: 'lang-switch', role: 'group', 'aria-label': t('language') },
    /** @type {const} */ (['fr', 'en']).map(function (lang) {
      return h('button', {
        type: 'button',
        class: 'lang-button',
        lang: lang,
        'aria-pressed': String(currentLang() === lang),
        title: t(lang === 'fr' ? 'langFrench' : 'langEnglish'),
        onclick: function () {
          if (currentLang() === lang) return;
          setLang(lang);
          render();
        },
      }, lang.toUpperCase());
    }));
}

function brand() {
  return h('a', { class: 'brand', href: '/staff/' },
    h('img', { src: '/staff/assets/avatar.svg', alt: '', width: 30, height: 30 }),
    h('span', null, 'Scriba'),
    h('span', { class: 'brand-tag' }, t('consoleTag')));
}

function renderSignIn() {
  if (!app) return;
  view = 'signin';
  document.title = t('signInTitle') + ' · ' + t('appName');
  document.body.className = 'is-signin';
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { class: 'signin-message', role: 'alert', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary btn--block' }, t('signInButton'));
  if (signInMessage) {
    message.appendChild(h('p', { class: 'alert alert--' + signInMessage.kind }, signInMessage.text));
  }
  const form = h('form', { class: 'signin-card', novalidate: true, onsubmit: function (event) {
    event.preventDefault();
    clear(message);
    if (!email.value.trim() || !password.value) {
      message.appendChild(h('p', { class: 'alert alert--error' }, t('signInMissing')));
      return;
    }
    submit.disabled = true;
    submit.textContent = t('signingIn');
    api.login(email.value.trim(), password.value).then(function (res) {
      submit.disabled = false;
      submit.textContent = t('signInButton');
      if (res.ok) {
        signInMessage = null;
        renderConsole();
        return;
      }
      let text;
      if (res.status === 401) text = t('signInWrong');
      else if (res.status === 403 && res.data && res.data.error === 'account disabled') text = t('signInDisabled');
      else if (res.status === 429) {
        const seconds = res.data && Number(res.data.retryAfterSeconds);
        text = seconds && seconds > 0 ? t('signInTooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) }) : t('signInTooManyLater');
      } else text = errorText(res);
      password.value = '';
      message.appendChild(h('p', { class: 'alert alert--error', 'data-status': res.status }, text));
      password.focus();
    });
  } },
    h('div', { class: 'signin-brand' }, h('img', { src: '/staff/assets/avatar.svg', alt: '', width: 44, height: 44 }),
      h('div', null, h('strong', null, 'Scriba'), h('span', null, t('consoleTag')))),
    h('h1', null, t('signInTitle')),
    h('p', { class: 'lead' }, t('signInLead')),
    message,
    field(t('email'), email),
    field(t('password'), password),
    submit,
    h('p', { class: 'signin-foot' }, t('signInHelp')));
  replace(app, h('div', { class: 'signin-wrap' }, h('div', { class: 'signin-lang' }, langSwitch()), h('main', { class: 'signin-main' }, form)));
  email.focus();
}

function signOut() {
  api.logout().then(function () {
    signInMessage = { kind: 'info', text: t('signedOut') };
    renderSignIn();
  });
}

function renderConsole() {
  if (!app || !page) return;
  const shown = page;
  view = 'console';
  document.body.className = 'is-console';
  document.title = t(shown.title) + ' · ' + t('appName');
  /** @type {{ email?: string, role?: string }} */
  const session = currentSession() || {};
  const roleKey = entryOf(ROLE_KEYS, session.role);
  const nav = h('nav', { class: 'nav', 'aria-label': t('navLabel') }, NAV.filter(function (item) {
    return !item[3] || session.role === item[3];
  }).map(function (item) {
    return h('a', { href: item[1], 'aria-current': item[0] === shown.id ? 'page' : null }, t(item[2]));
  }));
  const top = h('header', { class: 'topbar' },
    brand(),
    nav,
    h('div', { class: 'topbar-end' },
      langSwitch(),
      h('span', { class: 'who', title: session.email || '' }, h('span', { class: 'who-email' }, session.email || ''),
        h('span', { class: 'role role--' + (roleKey ? session.role : 'viewer') }, roleKey ? t(roleKey) : String(session.role || ''))),
      h('button', { type: 'button', class: 'btn btn--ghost', id: 'sign-out', onclick: signOut }, t('signOut'))));
  const main = h('main', { class: 'page page--' + shown.id, id: 'main' });
  replace(app, h('a', { class: 'skip', href: '#main' }, t('skipToContent')), top, main);
  // The menu scrolls sideways when it is wider than the bar (an admin's, in French): the page
  // one is on stays in sight.
  const current = nav.querySelector('[aria-current=page]');
  const hidden = current ? current.getBoundingClientRect().right - nav.getBoundingClientRect().right : 0;
  if (hidden > 0) nav.scrollLeft += hidden;
  shown.start(main);
}

/** @param {ApiResult<unknown>} res */
function renderDown(res) {
  if (!app) return;
  view = 'down';
  document.body.className = 'is-signin';
  document.title = t('appName');
  replace(app, h('div', { class: 'signin-wrap' }, h('div', { class: 'signin-lang' }, langSwitch()),
    h('main', { class: 'signin-main' }, h('div', { class: 'signin-card' },
      h('h1', null, t('unavailableTitle')),
      errorBox(res),
      h('button', { type: 'button', class: 'btn btn--primary', onclick: boot }, t('retry'))))));
}

function render() {
  if (view === 'console') renderConsole();
  else if (view === 'signin') renderSignIn();
  else boot();
}

function boot() {
  if (!app) return;
  replace(app, loading());
  api.me().then(function (res) {
    if (res.ok) renderConsole();
    else if (res.status === 401) renderSignIn();
    else renderDown(res);
  });
}

onSignedOut(function () {
  if (view === 'signin') return;
  signInMessage = { kind: 'info', text: t('sessionExpired') };
  renderSignIn();
});

/**
 * Shows the page, or the sign-in form first.
 * @param {Page} definition
 */
export function run(definition) {
  page = definition;
  app = document.getElementById('app');
  boot();
}
