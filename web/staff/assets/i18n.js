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

  function browserZone() {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }

  var zoneChecks = {};
  function knownZone(zone) {
    if (typeof zone !== 'string' || !zone) return false;
    if (!(zone in zoneChecks)) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        zoneChecks[zone] = true;
      } catch (e) {
        zoneChecks[zone] = false;
      }
    }
    return zoneChecks[zone];
  }

  /**
   * The business time zone, as the server gives it with the session. Staff work in one place while
   * their browsers may be anywhere: a time read in the browser's zone would be a different hour.
   * An older server that sends none: the browser's own zone, still named in every label.
   */
  function businessZone() {
    var zone = Staff.session && Staff.session.timeZone;
    return knownZone(zone) ? zone : browserZone();
  }

  /** `options`: a zone name, or { timeZone, label }; every time is in the business zone unless told. */
  function zoneOf(options) {
    var asked = typeof options === 'string' ? options : options && options.timeZone;
    return knownZone(asked) ? asked : businessZone();
  }

  function labelled(options) {
    return !(options && typeof options === 'object' && options.label === false);
  }

  // Formatters are slow to make and a page formats hundreds of times.
  var formatters = {};
  function formatter(style, zone) {
    var key = locale() + '|' + style + '|' + zone;
    if (!formatters[key]) {
      var options = style === 'time' ? { timeStyle: 'short' } : style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
      options.timeZone = zone;
      formatters[key] = new Intl.DateTimeFormat(locale(), options);
    }
    return formatters[key];
  }

  function withZone(text, zone) {
    return text + ' (' + zone + ')';
  }

  /** "1 Dec 2026, 10:00 – 10:30" in `zone`; the end's date too when it falls on another day there. */
  function span(start, end, zone) {
    var sameDay = formatter('date', zone).format(start) === formatter('date', zone).format(end);
    return formatter('dateTime', zone).format(start) + ' – ' + formatter(sameDay ? 'time' : 'dateTime', zone).format(end);
  }

  Staff.fmt = {
    /** The zone every time of the console is shown in (the business's, from the server). */
    timeZone: businessZone,
    /** "1 Dec 2026, 10:00 (Europe/Paris)": in the business zone, labelled; { label: false } where the page labels it once. */
    dateTime: function (iso, options) {
      var d = valid(iso);
      if (!d) return String(iso || '');
      var zone = zoneOf(options);
      var text = formatter('dateTime', zone).format(d);
      return labelled(options) ? withZone(text, zone) : text;
    },
    /** "10:00 (Europe/Paris)", same options as dateTime. */
    time: function (iso, options) {
      var d = valid(iso);
      if (!d) return '';
      var zone = zoneOf(options);
      var text = formatter('time', zone).format(d);
      return labelled(options) ? withZone(text, zone) : text;
    },
    /**
     * A callback slot: "1 Dec 2026, 10:00 – 10:30 (Europe/Paris)", both ends in the business zone;
     * when the customer chose it in another zone, their own hours follow.
     */
    slot: function (startIso, endIso, customerZone) {
      var start = valid(startIso);
      var end = valid(endIso);
      if (!start || !end) return [startIso, endIso].filter(Boolean).join(' – ');
      var zone = businessZone();
      var text = withZone(span(start, end, zone), zone);
      if (knownZone(customerZone) && customerZone !== zone) {
        text += ' · ' + Staff.t('customerTime', { time: withZone(span(start, end, customerZone), customerZone) });
      }
      return text;
    },
    /** `text` followed by the business zone, for a line that holds several times: "From … to … (Europe/Paris)". */
    labelled: function (text) {
      return withZone(text, businessZone());
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

  /**
   * A date field's "YYYY-MM-DD" for the API, which reads a day alone in the business zone (`from` its
   * first instant, `to` its end): the browser's midnight would cut the days somewhere else than the
   * times shown. `end` is kept for the callers that say which edge they mean.
   */
  Staff.dayToIso = function (day, _end) {
    return /^\d{4}-\d{2}-\d{2}$/.test(day || '') ? day : '';
  };

  document.documentElement.lang = Staff.lang;
})();
