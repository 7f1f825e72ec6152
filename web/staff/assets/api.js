// @ts-check
// The staff API (/api/staff/…) from the pages: JSON in and out, the session cookie sent by the
// browser, and the X-CSRF-Token header on every POST. A 401 means the session ended: the shell
// shows the sign-in form again. A 403 "csrf" (token rotated) is retried once with a fresh token.
// What each route answers is typed in web/apiTypes.ts, which the server's answers are checked
// against too: `api.get('/requests')` is a RequestsPage.

/** @import { ApiErrorBody, Me, StaffGetAnswer, StaffGetPath, StaffPostAnswer, StaffPostPath } from '../../apiTypes.js' */

/**
 * An answer of the API: its data when it succeeded, else the error's body (null when it had none
 * or was not JSON; status 0: the network failed). `signedOut`: a 401 that sent the page to sign-in.
 * @template T
 * @typedef {{ ok: true, status: number, data: T, headers?: Headers, signedOut?: undefined }
 *   | { ok: false, status: number, data: ApiErrorBody | null, headers?: Headers, signedOut?: boolean }} ApiResult
 */

/**
 * Query parameters; empty ones are left out.
 * @typedef {Record<string, string | number | boolean | null | undefined>} Params
 */

/**
 * @typedef {object} CallOptions
 * @property {Params} [params]
 * @property {unknown} [body]
 * @property {boolean} [quiet] a 401 is the caller's business (signing out)
 * @property {boolean} [retried]
 */

const BASE = '/api/staff';

/** @type {Me | null} once signed in */
let session = null;
/** @type {(() => void) | null} */
let signedOutHandler = null;

/** Who is signed in ({ email, role, csrfToken, timeZone }), or null. */
export function currentSession() {
  return session;
}

/**
 * What to do when a call finds the session ended (the shell shows the sign-in form).
 * @param {() => void} handler
 */
export function onSignedOut(handler) {
  signedOutHandler = handler;
}

/** @param {Params | undefined} params */
function query(params) {
  const search = new URLSearchParams();
  Object.keys(params || {}).forEach(function (k) {
    const v = params && params[k];
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  });
  const s = search.toString();
  return s ? '?' + s : '';
}

/**
 * @param {string} path
 * @param {Params} [params]
 */
export function apiUrl(path, params) {
  return BASE + path + query(params);
}

/**
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {CallOptions} options
 * @returns {Promise<ApiResult<unknown>>}
 */
function send(method, path, options) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  /** @type {RequestInit} */
  const init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (session && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
    init.body = JSON.stringify(options.body === undefined ? {} : options.body);
  }
  return fetch(apiUrl(path, options.params), init).then(function (res) {
    return res.text().then(function (text) {
      /** @type {unknown} */
      let data = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch (e) {
        data = null; // not JSON (an HTML error page): the status says enough
      }
      // The server's answers are typed in apiTypes.ts; what it sends is trusted to be that.
      return /** @type {ApiResult<unknown>} */ ({ status: res.status, ok: res.ok, data: data, headers: res.headers });
    });
  }, function () {
    return /** @type {ApiResult<unknown>} */ ({ status: 0, ok: false, data: null });
  });
}

/**
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {CallOptions} [options]
 * @returns {Promise<ApiResult<unknown>>}
 */
function call(method, path, options) {
  const opts = options || {};
  return send(method, path, opts).then(function (res) {
    if (!res.ok && res.status === 403 && method !== 'GET' && res.data && res.data.error === 'csrf' && !opts.retried) {
      return api.me().then(function (me) {
        if (!me.ok) return res;
        return call(method, path, Object.assign({}, opts, { retried: true }));
      });
    }
    if (!res.ok && res.status === 401 && !opts.quiet) {
      res.signedOut = true;
      if (signedOutHandler) signedOutHandler();
    }
    return res;
  });
}

export const api = {
  /**
   * @template {StaffGetPath} P
   * @param {P} path
   * @param {Params} [params]
   * @returns {Promise<ApiResult<StaffGetAnswer<P>>>}
   */
  get: function (path, params) {
    return /** @type {Promise<ApiResult<StaffGetAnswer<P>>>} */ (call('GET', path, { params: params }));
  },
  /**
   * @template {StaffPostPath} P
   * @param {P} path
   * @param {unknown} body
   * @returns {Promise<ApiResult<StaffPostAnswer<P>>>}
   */
  post: function (path, body) {
    return /** @type {Promise<ApiResult<StaffPostAnswer<P>>>} */ (call('POST', path, { body: body }));
  },
  /** @returns {Promise<ApiResult<Me>>} */
  me: function () {
    return send('GET', '/me', {}).then(function (res) {
      session = res.ok && res.data ? /** @type {Me} */ (res.data) : null;
      return /** @type {ApiResult<Me>} */ (res);
    });
  },
  /**
   * @param {string} email
   * @param {string} password
   * @returns {Promise<ApiResult<Me>>}
   */
  login: function (email, password) {
    return send('POST', '/login', { body: { email: email, password: password } }).then(function (res) {
      if (res.ok && res.data) session = /** @type {Me} */ (res.data);
      return /** @type {ApiResult<Me>} */ (res);
    });
  },
  logout: function () {
    return call('POST', '/logout', { quiet: true }).then(function (res) {
      session = null;
      return res;
    });
  },
};

/** Whether the signed-in person may change requests and the knowledge base. */
export function canEdit() {
  return !!session && (session.role === 'agent' || session.role === 'admin');
}
