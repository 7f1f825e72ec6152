// The console's language and formats. French or English: ?lang=, else the last choice (the FR/EN
// switch, kept in localStorage), else the browser's languages. Every sentence comes from texts.js.
(function () {
  'use strict';

  var Staff = (window.Staff = window.Staff || {});
  var TEXTS = window.StaffTexts;
  var LANG_KEY = 'scriba-staff-lang';

  function saved() {
    try {
      return localStorage.getItem(LANG_KEY);
    } catch (e) {
      return null; // storage disabled: the browser's language decides
    }
  }

  function initialLang() {
    var asked = new URLSearchParams(location.search).get('lang') || saved();
    if (asked === 'fr' || asked === 'en') return asked;
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'fr'];
    for (var i = 0; i < preferred.length; i++) {
      if (/^fr\b/i.test(preferred[i])) return 'fr';
      if (/^en\b/i.test(preferred[i])) return 'en';
    }
    return 'fr';
  }

  Staff.lang = initialLang();

  Staff.setLang = function (lang) {
    Staff.lang = lang === 'en' ? 'en' : 'fr';
    try {
      localStorage.setItem(LANG_KEY, Staff.lang);
    } catch (e) { /* see saved() */ }
    document.documentElement.lang = Staff.lang;
  };

  /** The text of `key` in the page's language, with {name} replaced by vars.name. */
  Staff.t = function (key, vars) {
    var text = TEXTS[Staff.lang][key];
    if (typeof text !== 'string') {
      console.warn('staff console: no text for ' + key);
      text = key;
    }
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole;
    });
  };

  function locale() {
    return Staff.lang === 'fr' ? 'fr-FR' : 'en-GB';
  }

  function valid(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? null : d;
  }

  Staff.fmt = {
    dateTime: function (iso, timeZone) {
      var d = valid(iso);
      if (!d) return String(iso || '');
      var options = { dateStyle: 'medium', timeStyle: 'short' };
      if (timeZone) options.timeZone = timeZone;
      try {
        return new Intl.DateTimeFormat(locale(), options).format(d);
      } catch (e) {
        return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
      }
    },
    time: function (iso) {
      var d = valid(iso);
      return d ? new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(d) : '';
    },
    /** "YYYY-MM-DD" (a day, no zone) as "24 nov." */
    day: function (day) {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
      if (!m) return String(day || '');
      return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short' }).format(new Date(+m[1], +m[2] - 1, +m[3]));
    },
    number: function (n) {
      return new Intl.NumberFormat(locale()).format(n || 0);
    },
    /** 0..1 as "87 %" (or "—" when unknown) */
    percent: function (x) {
      if (x === null || x === undefined || isNaN(x)) return '—';
      return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(x);
    },
    score: function (x) {
      return typeof x === 'number' ? x.toFixed(2) : '—';
    },
  };

  /** An article title from the API: a string, or {fr, en}. */
  Staff.titleOf = function (title) {
    if (title && typeof title === 'object') return title[Staff.lang] || title.en || title.fr || '';
    return title == null ? '' : String(title);
  };

  /** A date field's "YYYY-MM-DD" as the ISO instant of that local midnight; `end` = the next midnight (the API's `to` is exclusive). */
  Staff.dayToIso = function (day, end) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
    if (!m) return '';
    return new Date(+m[1], +m[2] - 1, +m[3] + (end ? 1 : 0)).toISOString();
  };

  document.documentElement.lang = Staff.lang;
})();
