// @ts-check
// The Scriba chat on any website, with one line:
//   <script src="https://help.scriba.example/embed.js" data-locale="fr" async></script>
// adds a round chat button at the bottom right; it opens a panel showing the chat page
// (/chat.html) of the server the script came from, in an iframe loaded on first open.
// data-locale: fr or en (default: the visitor's browser language). Styles are set through the DOM
// (no <style> element, no inline script), so a strict Content-Security-Policy on the host page
// only needs to allow this script and `frame-src` of the chat server. A classic script, not a
// module: sites paste it with a plain <script src>, and it must run on their pages as it is.
(function () {
  'use strict';
  var page = /** @type {Window & { __scribaChat?: boolean }} */ (window);
  if (page.__scribaChat) return; // pasted twice: one button only
  page.__scribaChat = true;

  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  var origin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var asked = (script && script.getAttribute('data-locale')) || navigator.language || 'fr';
  /** @type {'fr' | 'en'} */
  var lang = /^fr\b/i.test(asked) ? 'fr' : 'en';
  /** @type {Record<'fr' | 'en', { open: string, close: string, title: string, unread: (n: number) => string }>} */
  var TEXTS = {
    fr: {
      open: "Ouvrir l'assistant Scriba", close: "Fermer l'assistant Scriba", title: 'Assistant Scriba',
      unread: function (n) { return n === 1 ? '1 nouveau message' : n + ' nouveaux messages'; },
    },
    en: {
      open: 'Open the Scriba assistant', close: 'Close the Scriba assistant', title: 'Scriba assistant',
      unread: function (n) { return n === 1 ? '1 new message' : n + ' new messages'; },
    },
  };
  var t = TEXTS[lang];
  var OPEN_KEY = 'scriba-chat-open';
  var CHAT_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/><path d="M8.5 12h.01M12 12h.01M15.5 12h.01"/></svg>';
  var CLOSE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="26" height="26" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>';

  /**
   * @template {HTMLElement} E
   * @param {E} el
   * @param {Record<string, string>} styles
   * @returns {E}
   */
  function css(el, styles) {
    for (var key in styles) el.style.setProperty(key, styles[key] || '');
    return el;
  }

  var button = css(document.createElement('button'), {
    position: 'fixed', right: '24px', bottom: '24px', width: '60px', height: '60px', 'border-radius': '50%',
    border: '0', padding: '0', cursor: 'pointer', 'z-index': '2147483000', display: 'flex', 'align-items': 'center',
    'justify-content': 'center', background: 'linear-gradient(135deg, #1d4ed8 0%, #0f3d91 100%)',
    'box-shadow': '0 8px 24px rgba(15, 23, 42, .28)', transition: 'transform .15s',
  });
  button.type = 'button';
  button.id = 'scriba-chat-button';
  button.setAttribute('aria-controls', 'scriba-chat-panel');

  var panel = css(document.createElement('div'), {
    position: 'fixed', right: '24px', bottom: '96px', width: '380px', height: '620px',
    'max-height': 'calc(100vh - 120px)', 'max-width': 'calc(100vw - 48px)', 'border-radius': '16px', overflow: 'hidden',
    background: '#fff', 'box-shadow': '0 16px 48px rgba(15, 23, 42, .3)', 'z-index': '2147483000', display: 'none',
  });
  panel.id = 'scriba-chat-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t.title);

  // Unread answers while the panel is closed: a red count on the launcher, also in its label.
  var badge = css(document.createElement('span'), {
    position: 'absolute', top: '-4px', right: '-4px', 'min-width': '22px', height: '22px', padding: '0 6px',
    'border-radius': '11px', background: '#dc2626', color: '#fff', border: '2px solid #fff', 'box-sizing': 'border-box',
    font: '700 12px/18px system-ui, sans-serif', 'text-align': 'center', display: 'none', 'pointer-events': 'none',
  });
  badge.id = 'scriba-chat-unread';
  badge.setAttribute('aria-hidden', 'true');
  var unread = 0;

  /** @type {HTMLIFrameElement | null} */
  var frame = null;
  var isOpen = false;

  /** @param {boolean} open */
  function remember(open) {
    try {
      if (open) sessionStorage.setItem(OPEN_KEY, '1');
      else sessionStorage.removeItem(OPEN_KEY);
    } catch (e) { /* storage blocked: the panel starts closed after a reload */ }
  }

  function fitScreen() {
    // Phones: the panel takes the whole screen.
    var small = window.innerWidth < 480;
    css(panel, small
      ? { right: '0', bottom: '0', width: '100vw', height: '100vh', 'max-height': '100vh', 'max-width': '100vw', 'border-radius': '0' }
      : { right: '24px', bottom: '96px', width: '380px', height: '620px', 'max-height': 'calc(100vh - 120px)', 'max-width': 'calc(100vw - 48px)', 'border-radius': '16px' });
    css(button, { display: small && isOpen ? 'none' : 'flex' });
  }

  /** @param {boolean} open */
  function setOpen(open) {
    isOpen = open;
    if (open && !frame) {
      frame = css(document.createElement('iframe'), { width: '100%', height: '100%', border: '0', display: 'block' });
      frame.title = t.title;
      frame.src = origin + '/chat.html?embed=1&locale=' + lang;
      panel.appendChild(frame);
    }
    panel.style.display = open ? 'block' : 'none';
    if (open) unread = 0;
    button.innerHTML = open ? CLOSE_ICON : CHAT_ICON;
    button.appendChild(badge);
    button.setAttribute('aria-expanded', String(open));
    showLabel();
    remember(open);
    fitScreen();
    if (open && frame) frame.focus();
  }

  function showLabel() {
    var label = isOpen ? t.close : t.open;
    if (!isOpen && unread) label += ' (' + t.unread(unread) + ')';
    button.setAttribute('aria-label', label);
    button.title = label;
    badge.textContent = unread > 9 ? '9+' : String(unread);
    badge.style.display = !isOpen && unread ? 'block' : 'none';
  }

  button.addEventListener('click', function () {
    setOpen(!isOpen);
  });
  button.addEventListener('mouseenter', function () { button.style.transform = 'scale(1.06)'; });
  button.addEventListener('mouseleave', function () { button.style.transform = ''; });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && isOpen) {
      setOpen(false);
      button.focus();
    }
  });
  // The chat page in the iframe asks to close the panel (its close button, Escape pressed inside
  // it) and says when the bot writes.
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow || !event.data) return;
    if (event.data.type === 'scriba-chat:close' && isOpen) {
      setOpen(false);
      button.focus();
    } else if (event.data.type === 'scriba-chat:message' && !isOpen) {
      unread += 1;
      showLabel();
    }
  });
  window.addEventListener('resize', fitScreen);

  function install() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
    var wasOpen = false;
    try {
      wasOpen = sessionStorage.getItem(OPEN_KEY) === '1';
    } catch (e) { /* see remember */ }
    setOpen(wasOpen);
  }
  if (document.body) install();
  else document.addEventListener('DOMContentLoaded', install);
})();
