// @ts-check
// The website chat, in the browser: the official Bot Framework Web Chat (window.WebChat, served
// from /assets/webchat.js, a classic script that runs before this module) on a Direct Line token
// from POST /api/directline/token. The conversation id and its token stay in sessionStorage, so a
// reload resumes the same conversation and Web Chat shows its history. Page texts are in French or
// English, from ?locale=, else the browser's language (texts.js); the same locale goes to Web Chat
// and to the bot.
import { TEXTS } from './texts.js';

/** @import { ChatToken } from '../apiTypes.js' */
/** @import { ChatTextKey } from './texts.js' */

/**
 * What the chat keeps to resume a conversation after a reload.
 * @typedef {Pick<ChatToken, 'mode' | 'domain' | 'conversationId' | 'token'>} ChatSession
 */

/**
 * The parts of Web Chat's bundle (window.WebChat) this page uses.
 * @typedef {object} WebChatApi
 * @property {(options: DirectLineOptions) => DirectLine} createDirectLine
 * @property {(initialState: object, ...middleware: StoreMiddleware[]) => WebChatStore} createStore
 * @property {(props: { directLine: DirectLine, store: WebChatStore, locale: string, styleOptions: StyleOptions, renderMarkdown: MarkdownRenderer }, element: HTMLElement) => void} renderWebChat
 * @property {MarkdownRenderer} renderMarkdown
 *
 * @typedef {(markdown: string, styleOptions?: unknown, options?: unknown) => string} MarkdownRenderer
 *
 * @typedef {object} DirectLineOptions
 * @property {string} domain
 * @property {string} token
 * @property {string | undefined} conversationId
 * @property {boolean} webSocket
 * @property {number} pollingInterval
 * @property {{ locale: string }} conversationStartProperties
 *
 * @typedef {object} DirectLine
 * @property {string} [conversationId]
 * @property {string} [token]
 * @property {{ subscribe(next: (status: number) => void): unknown }} connectionStatus$
 * @property {() => void} end
 *
 * @typedef {{ dispatch(action: WebChatAction): unknown }} WebChatStore
 * @typedef {{ type: string, payload?: { activity?: { type?: string, from?: { role?: string } }, text?: string, name?: string, value?: unknown, attachments?: ReadonlyArray<{ blob: Blob | File }>, id?: string, level?: string, message?: string } }} WebChatAction
 * @typedef {(next: (action: WebChatAction) => unknown) => (action: WebChatAction) => unknown} Dispatcher
 * @typedef {(store: unknown) => Dispatcher} StoreMiddleware
 * @typedef {Record<string, string | number | boolean>} StyleOptions
 */

/**
 * What Direct Line answers to the reconnect call (GET /conversations/{id}): a fresh token.
 * @typedef {{ conversationId?: string, token?: string }} Reconnected
 */

/**
 * The server's file limits (tickets/filePolicy.ts, which the browser cannot import; a test keeps
 * the two the same): the picker offers these, and a file past them is left out before an upload.
 */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES_PER_MESSAGE = 5;
const ACCEPTED_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'heic', 'pdf', 'zip', 'txt', 'log', 'csv', 'json', 'xml', 'ini', 'cfg', 'conf', 'md'];

const SESSION_KEY = 'scriba-chat-session';
const FAILED_TO_CONNECT = 4; // botframework-directlinejs ConnectionStatus.FailedToConnect

const params = new URLSearchParams(location.search);
const asked = params.get('locale') || navigator.language || 'fr';
const lang = /^fr\b/i.test(asked) ? 'fr' : 'en';
const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
const t = TEXTS[lang];
const WebChat = /** @type {Window & { WebChat?: WebChatApi }} */ (window).WebChat;

/**
 * The text a page element names (data-i18n…), if texts.js has it.
 * @param {string | null} key
 * @returns {string | undefined}
 */
function text(key) {
  return key !== null && Object.prototype.hasOwnProperty.call(t, key) ? t[/** @type {ChatTextKey} */ (key)] : undefined;
}

function translatePage() {
  document.documentElement.lang = lang;
  document.title = t.title;
  document.querySelectorAll('[data-i18n]').forEach(function (el) {
    el.textContent = text(el.getAttribute('data-i18n')) || el.textContent;
  });
  document.querySelectorAll('[data-i18n-label]').forEach(function (el) {
    const label = text(el.getAttribute('data-i18n-label'));
    if (label) el.setAttribute('aria-label', label);
  });
  document.querySelectorAll('[data-help-path]').forEach(function (el) {
    el.setAttribute('href', '/help/' + lang + '/' + (el.getAttribute('data-help-path') || ''));
  });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(function (el) {
    const placeholder = text(el.getAttribute('data-i18n-placeholder'));
    if (placeholder) el.setAttribute('placeholder', placeholder);
  });
}

// sessionStorage can be unavailable (privacy settings, some third-party iframes): then a reload
// simply starts a new conversation.
/** @returns {ChatSession | null} */
function loadSession() {
  try {
    const saved = /** @type {Partial<ChatSession> | null} */ (JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null'));
    return saved && saved.conversationId && saved.token && saved.domain ? /** @type {ChatSession} */ (saved) : null;
  } catch (e) {
    return null;
  }
}
/** @param {ChatSession} session */
function saveSession(session) {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch (e) { /* see loadSession */ }
}
function forgetSession() {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch (e) { /* see loadSession */ }
}

/** @returns {Promise<ChatToken>} */
function newSession() {
  return fetch('/api/directline/token', { method: 'POST', headers: { accept: 'application/json' } }).then(function (res) {
    if (!res.ok) throw new Error('token endpoint answered ' + res.status);
    return /** @type {Promise<ChatToken>} */ (res.json());
  });
}

const host = document.getElementById('webchat');
const status = document.getElementById('chat-status-message');
/** @type {{ directLine: DirectLine, store: WebChatStore, session: ChatSession, timer: number } | null} */
let current = null;
const avatar = new URL('/assets/avatar.svg', location.href).href;

/** @type {StyleOptions} */
const styleOptions = {
  accent: '#1d4ed8',
  primaryFont: "'Inter', 'Segoe UI', system-ui, -apple-system, sans-serif",
  backgroundColor: '#ffffff',
  botAvatarImage: avatar,
  botAvatarInitials: 'S',
  botAvatarBackgroundColor: '#ffffff',
  avatarSize: 36,
  bubbleBackground: '#f1f5f9',
  bubbleBorderWidth: 0,
  bubbleBorderRadius: 14,
  bubbleFromUserBackground: '#1d4ed8',
  bubbleFromUserTextColor: '#ffffff',
  bubbleFromUserBorderWidth: 0,
  bubbleFromUserBorderRadius: 14,
  bubbleMaxWidth: 560,
  // Web Chat's default ('break-word') lets tables and card labels shrink until words split
  // ("Versio/ns"); chat.css / site.css still wrap a single word wider than the bubble.
  messageActivityWordBreak: 'normal',
  // A long answer stops scrolling at its own top: the customer reads it from its first line
  // instead of landing on its end.
  autoScrollSnapOnPage: true,
  // Screenshots and logs for the support team (the server checks each file again: its real type,
  // 10 MB, 5 per message; the bot explains a refusal). The picker offers what is accepted.
  hideUploadButton: false,
  uploadAccept: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/heic', 'application/pdf', 'application/zip']
    .concat(ACCEPTED_EXTENSIONS.map(function (extension) { return '.' + extension; })).join(','),
  uploadMultiple: true,
  // Its thumbnails are drawn in a worker made from a blob: the page's CSP allows no such worker;
  // the sent message shows the image from the server instead.
  enableUploadThumbnail: false,
  sendBoxHeight: 48,
  suggestedActionLayout: 'flow',
  suggestedActionBorderRadius: 18,
  suggestedActionBorderColor: '#1d4ed8',
  suggestedActionTextColor: '#1d4ed8',
  suggestedActionHeight: 36,
  timestampColor: '#64748b',
};

/**
 * @param {string} message
 * @param {boolean} [withRetry]
 */
function showStatus(message, withRetry) {
  if (!status) return;
  status.textContent = message || '';
  status.hidden = !message;
  if (withRetry) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chat-retry';
    button.textContent = t.retry;
    button.addEventListener('click', function () {
      showStatus('');
      start(false);
    });
    status.appendChild(document.createTextNode(' '));
    status.appendChild(button);
  }
}

function stop() {
  if (!current) return;
  clearInterval(current.timer);
  try {
    current.directLine.end();
  } catch (e) { /* already ended */ }
  current = null;
}

/** Keeps the latest token: Web Chat refreshes it every 15 minutes while the page is open. */
function remember() {
  if (!current) return;
  const dl = current.directLine;
  saveSession({
    mode: current.session.mode,
    domain: current.session.domain,
    conversationId: dl.conversationId || current.session.conversationId,
    token: dl.token || current.session.token,
  });
}

/**
 * @param {ChatSession} session
 * @param {boolean} resume
 */
function mount(session, resume) {
  if (!host || !WebChat) return; // never: the page starts the chat only when both are there
  stop();
  const directLine = WebChat.createDirectLine({
    domain: new URL(session.domain, location.href).href.replace(/\/$/, ''),
    token: session.token,
    // Given a conversation id, Direct Line reconnects (GET /conversations/{id}) instead of starting one.
    conversationId: resume ? session.conversationId : undefined,
    webSocket: session.mode === 'azure',
    pollingInterval: 500,
    conversationStartProperties: { locale: locale },
  });
  const store = WebChat.createStore({}, tellEmbed, askForAPerson, filesWithinLimits);
  current = { directLine: directLine, store: store, session: session, timer: setInterval(remember, 30000) };
  saveSession(session);

  directLine.connectionStatus$.subscribe(function (value) {
    if (value !== FAILED_TO_CONNECT || !current || current.directLine !== directLine) return;
    if (resume) {
      // The saved conversation is gone (expired token, server reset): start a new one.
      forgetSession();
      start(false);
    } else {
      stop();
      showStatus(t.unavailable, true);
    }
  });

  WebChat.renderWebChat(
    {
      directLine: directLine,
      store: store,
      locale: locale,
      styleOptions: styleOptions,
      renderMarkdown: withPageLinks,
    },
    host,
  );
  showStatus('');
}

/**
 * The bot links the help centre's pages by their path (/help/fr/…): this page's server serves them.
 * Web Chat only makes a link of an absolute http(s) address (anything else becomes an inert
 * button), so the paths are made absolute on this page's origin before Web Chat draws them.
 * @type {MarkdownRenderer}
 */
function withPageLinks(markdown, style, options) {
  const absolute = String(markdown).replace(/\]\((\/(?!\/)[^\s)]*)\)/g, function (_all, path) {
    return '](' + location.origin + path + ')';
  });
  return /** @type {WebChatApi} */ (WebChat).renderMarkdown(absolute, style, options);
}

/**
 * Asks Direct Line whether the saved conversation can be resumed (the reconnect call, which also
 * gives a fresh token), so that a token that died with a restart or expired leads straight to a
 * new conversation instead of a failed Web Chat connection.
 * @param {ChatSession} saved
 * @returns {Promise<ChatSession | null>}
 */
function resumable(saved) {
  const url = new URL(saved.domain, location.href).href.replace(/\/$/, '') + '/conversations/' + encodeURIComponent(saved.conversationId) + '?watermark=';
  return fetch(url, { headers: { authorization: 'Bearer ' + saved.token, accept: 'application/json' } })
    .then(function (res) {
      return res.ok ? /** @type {Promise<Reconnected>} */ (res.json()) : null;
    })
    .then(function (answer) {
      if (!answer || answer.conversationId !== saved.conversationId || !answer.token) return null;
      return { mode: saved.mode, domain: saved.domain, conversationId: saved.conversationId, token: answer.token };
    })
    .catch(function () {
      return null;
    });
}

/** @param {boolean} tryResume */
function start(tryResume) {
  const saved = tryResume ? loadSession() : null;
  showStatus(t.connecting);
  if (saved) {
    resumable(saved).then(function (session) {
      if (session) mount(session, true);
      else {
        forgetSession();
        start(false);
      }
    });
    return;
  }
  newSession().then(
    function (session) {
      mount(session, false);
    },
    function () {
      showStatus(t.unavailable, true);
    },
  );
}

const embedded = window.parent !== window;

/**
 * Inside the embed's iframe, tells the page around it when the bot writes (its launcher counts
 * unread answers while the panel is closed). Only a ping: no text leaves the frame.
 * @type {StoreMiddleware}
 */
function tellEmbed() {
  return function (next) {
    return function (action) {
      const activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
      if (embedded && activity && activity.type === 'message' && activity.from && activity.from.role === 'bot') {
        window.parent.postMessage({ type: 'scriba-chat:message' }, '*');
      }
      return next(action);
    };
  };
}

/**
 * Opened from a help-centre article's "Talk to a human" (`?contact=<article id>[&kind=callback]`):
 * once connected, the bot is told which article was read, and starts the request from it. Sent
 * once: the address loses the parameters, so a reload does not ask again.
 */
const contact = params.get('contact');
const contactKind = params.get('kind') === 'callback' ? 'callback' : undefined;
let contactSent = false;

/** @type {StoreMiddleware} */
function askForAPerson(store) {
  const { dispatch } = /** @type {WebChatStore} */ (store);
  return function (next) {
    return function (action) {
      const result = next(action);
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && contact && !contactSent) {
        contactSent = true;
        dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'scriba/contact', value: contactKind ? { articleId: contact, kind: contactKind } : { articleId: contact } } });
        const url = new URL(location.href);
        url.searchParams.delete('contact');
        url.searchParams.delete('kind');
        history.replaceState(null, '', url.pathname + url.search + url.hash);
      }
      return result;
    };
  };
}

/**
 * Picked files over the limits are left out of the message at once, with a notice saying which
 * and why, instead of an upload the server refuses after it came (the server checks again).
 * @type {StoreMiddleware}
 */
function filesWithinLimits(store) {
  const { dispatch } = /** @type {WebChatStore} */ (store);
  return function (next) {
    return function (action) {
      const picked = action.type === 'WEB_CHAT/SET_SEND_BOX_ATTACHMENTS' && action.payload && action.payload.attachments;
      if (!picked) return next(action);
      const kept = picked.filter(function (a, i) { return a.blob.size <= MAX_FILE_BYTES && i < MAX_FILES_PER_MESSAGE; });
      if (kept.length === picked.length) return next(action);
      const left = picked.filter(function (a) { return kept.indexOf(a) < 0; }).map(function (a) {
        const name = 'name' in a.blob ? a.blob.name : 'file';
        return lang === 'fr' ? '« ' + name + ' »' : '"' + name + '"';
      });
      const result = next({ type: action.type, payload: { attachments: kept } });
      dispatch({ type: 'WEB_CHAT/SET_NOTIFICATION', payload: { id: 'scriba-files-not-attached', level: 'warn', message: t.filesNotAttached.replace('{names}', left.join(', ')) } });
      return result;
    };
  };
}

/**
 * Sends a question as if typed: the topic cards of the help page.
 * @param {string | undefined} question
 */
function ask(question) {
  if (current && question) current.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: question } });
}

if (host) {
  translatePage();
  if (!WebChat) showStatus(t.unavailable, false);
  else {
    start(true);

    document.querySelectorAll('[data-ask]').forEach(function (el) {
      el.addEventListener('click', function () {
        ask(text(el.getAttribute('data-ask')));
      });
    });

    const restart = document.getElementById('chat-new');
    if (restart) {
      restart.title = t.newConversation; // the tooltip when a narrow panel shows it as an icon
      restart.addEventListener('click', function () {
        forgetSession();
        start(false);
      });
    }
    const close = document.getElementById('chat-close');
    if (close) {
      // Inside the embed's iframe: the page around it owns the panel.
      close.hidden = window.parent === window;
      close.addEventListener('click', function () {
        window.parent.postMessage({ type: 'scriba-chat:close' }, '*');
      });
    }
    if (embedded) {
      // Escape closes the panel from anywhere inside it, the send box included: key presses inside
      // the iframe never reach the page around it. Capture phase, before Web Chat's own handlers.
      window.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') window.parent.postMessage({ type: 'scriba-chat:close' }, '*');
      }, true);
    }
    window.addEventListener('pagehide', remember);
  }
}
