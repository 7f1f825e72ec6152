// The staff API (/api/staff/…) from the pages: JSON in and out, the session cookie sent by the
// browser, and the X-CSRF-Token header on every POST. A 401 means the session ended: the shell
// shows the sign-in form again. A 403 "csrf" (token rotated) is retried once with a fresh token.
(function () {
  'use strict';

  var Staff = (window.Staff = window.Staff || {});
  var BASE = '/api/staff';

  /** {email, role, csrfToken} once signed in */
  Staff.session = null;

  function query(params) {
    var search = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      var v = params[k];
      if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
    });
    var s = search.toString();
    return s ? '?' + s : '';
  }

  Staff.apiUrl = function (path, params) {
    return BASE + path + query(params);
  };

  function send(method, path, options) {
    var headers = { Accept: 'application/json' };
    var init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (Staff.session && Staff.session.csrfToken) headers['X-CSRF-Token'] = Staff.session.csrfToken;
      init.body = JSON.stringify(options.body === undefined ? {} : options.body);
    }
    return fetch(Staff.apiUrl(path, options.params), init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (e) {
          data = null; // not JSON (an HTML error page): the status says enough
        }
        return { status: res.status, ok: res.ok, data: data, headers: res.headers };
      });
    }, function () {
      return { status: 0, ok: false, data: null };
    });
  }

  function call(method, path, options) {
    options = options || {};
    return send(method, path, options).then(function (res) {
      if (res.status === 403 && method !== 'GET' && res.data && res.data.error === 'csrf' && !options.retried) {
        return Staff.api.me().then(function (me) {
          if (!me.ok) return res;
          return call(method, path, Object.assign({}, options, { retried: true }));
        });
      }
      if (res.status === 401 && !options.quiet) {
        res.signedOut = true;
        if (Staff.onSignedOut) Staff.onSignedOut();
      }
      return res;
    });
  }

  Staff.api = {
    get: function (path, params) {
      return call('GET', path, { params: params });
    },
    post: function (path, body) {
      return call('POST', path, { body: body });
    },
    me: function () {
      return send('GET', '/me', {}).then(function (res) {
        Staff.session = res.ok && res.data ? res.data : null;
        return res;
      });
    },
    login: function (email, password) {
      return send('POST', '/login', { body: { email: email, password: password } }).then(function (res) {
        if (res.ok && res.data) Staff.session = res.data;
        return res;
      });
    },
    logout: function () {
      return call('POST', '/logout', { quiet: true }).then(function (res) {
        Staff.session = null;
        return res;
      });
    },
  };

  /** Whether the signed-in person may change requests and the knowledge base. */
  Staff.canEdit = function () {
    return !!Staff.session && (Staff.session.role === 'agent' || Staff.session.role === 'admin');
  };
})();
