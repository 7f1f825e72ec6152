// @ts-check
// The console's language and formats. French or English: ?lang=, else the last choice (the FR/EN
// switch, kept in localStorage), else the browser's languages. Every sentence comes from texts.js.
import { currentSession } from './api.js';
import { TEXTS } from './texts.js';

/** @import { TextKey } from './texts.js' */

/**
 * @typedef {'fr' | 'en'} ConsoleLang
 * @typedef {Record<string, string | number>} TextVars
 * A zone name, or { timeZone, label: false } where the page names the zone once.
 * @typedef {string | { timeZone?: string, label?: boolean }} ZoneOptions
 */

const LANG_KEY = 'scriba-staff-lang';

function saved() {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch (e) {
    return null; // storage disabled: the browser's language decides
  }
}

/** @returns {ConsoleLang} */
function initialLang() {
  const asked = new URLSearchParams(location.search).get('lang') || saved();
  if (asked === 'fr' || asked === 'en') return asked;
  const preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'fr'];
  for (const language of preferred) {
    if (/^fr\b/i.test(language)) return 'fr';
    if (/^en\b/i.test(language)) return 'en';
  }
  return 'fr';
}

/** @type {ConsoleLang} */
let lang = initialLang();

/** The page's language. */
export function currentLang() {
  return lang;
}

/** @param {string} next */
export function setLang(next) {
  lang = next === 'en' ? 'en' : 'fr';
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch (e) { /* see saved() */ }
  document.documentElement.lang = lang;
}

/**
 * The text of `key` in the page's language, with {name} replaced by vars.name.
 * @param {TextKey} key
 * @param {TextVars} [vars]
 * @returns {string}
 */
export function t(key, vars) {
  /** @type {unknown} */
  const found = TEXTS[lang][key];
  let text = typeof found === 'string' ? found : null;
  if (text === null) {
    console.warn('staff console: no text for ' + key);
    text = key;
  }
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, function (whole, name) {
    return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole;
  });
}

function locale() {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

/** @param {string | undefined} iso */
function valid(iso) {
  const d = new Date(iso === undefined ? NaN : iso);
  return isNaN(d.getTime()) ? null : d;
}

function browserZone() {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** @type {Record<string, boolean>} */
const zoneChecks = {};
/**
 * @param {unknown} zone
 * @returns {zone is string}
 */
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
  return zoneChecks[zone] === true;
}

/**
 * The business time zone, as the server gives it with the session. Staff work in one place while
 * their browsers may be anywhere: a time read in the browser's zone would be a different hour.
 * An older server that sends none: the browser's own zone, still named in every label.
 * @returns {string}
 */
function businessZone() {
  const session = currentSession();
  const zone = session && session.timeZone;
  return knownZone(zone) ? zone : browserZone();
}

/**
 * `options`: a zone name, or { timeZone, label }; every time is in the business zone unless told.
 * @param {ZoneOptions} [options]
 */
function zoneOf(options) {
  const asked = typeof options === 'string' ? options : options && options.timeZone;
  return knownZone(asked) ? asked : businessZone();
}

/** @param {ZoneOptions} [options] */
function labelled(options) {
  return !(options && typeof options === 'object' && options.label === false);
}

// Formatters are slow to make and a page formats hundreds of times.
/** @type {Record<string, Intl.DateTimeFormat>} */
const formatters = {};
/**
 * @param {'time' | 'date' | 'dateTime'} style
 * @param {string} zone
 */
function formatter(style, zone) {
  const key = locale() + '|' + style + '|' + zone;
  let found = formatters[key];
  if (!found) {
    /** @type {Intl.DateTimeFormatOptions} */
    const options = style === 'time' ? { timeStyle: 'short' } : style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
    options.timeZone = zone;
    found = formatters[key] = new Intl.DateTimeFormat(locale(), options);
  }
  return found;
}

/**
 * @param {string} text
 * @param {string} zone
 */
function withZone(text, zone) {
  return text + ' (' + zone + ')';
}

/**
 * "1 Dec 2026, 10:00 – 10:30" in `zone`; the end's date too when it falls on another day there.
 * @param {Date} start
 * @param {Date} end
 * @param {string} zone
 */
function span(start, end, zone) {
  const sameDay = formatter('date', zone).format(start) === formatter('date', zone).format(end);
  return formatter('dateTime', zone).format(start) + ' – ' + formatter(sameDay ? 'time' : 'dateTime', zone).format(end);
}

export const fmt = {
  /** The zone every time of the console is shown in (the business's, from the server). */
  timeZone: businessZone,
  /**
   * "1 Dec 2026, 10:00 (Europe/Paris)": in the business zone, labelled; { label: false } where the page labels it once.
   * @param {string | undefined} iso
   * @param {ZoneOptions} [options]
   */
  dateTime: function (iso, options) {
    const d = valid(iso);
    if (!d) return String(iso || '');
    const zone = zoneOf(options);
    const text = formatter('dateTime', zone).format(d);
    return labelled(options) ? withZone(text, zone) : text;
  },
  /**
   * "10:00 (Europe/Paris)", same options as dateTime.
   * @param {string | undefined} iso
   * @param {ZoneOptions} [options]
   */
  time: function (iso, options) {
    const d = valid(iso);
    if (!d) return '';
    const zone = zoneOf(options);
    const text = formatter('time', zone).format(d);
    return labelled(options) ? withZone(text, zone) : text;
  },
  /**
   * A callback slot: "1 Dec 2026, 10:00 – 10:30 (Europe/Paris)", both ends in the business zone;
   * when the customer chose it in another zone, their own hours follow.
   * @param {string} startIso
   * @param {string} endIso
   * @param {string} [customerZone]
   */
  slot: function (startIso, endIso, customerZone) {
    const start = valid(startIso);
    const end = valid(endIso);
    if (!start || !end) return [startIso, endIso].filter(Boolean).join(' – ');
    const zone = businessZone();
    let text = withZone(span(start, end, zone), zone);
    if (knownZone(customerZone) && customerZone !== zone) {
      text += ' · ' + t('customerTime', { time: withZone(span(start, end, customerZone), customerZone) });
    }
    return text;
  },
  /**
   * `text` followed by the business zone, for a line that holds several times: "From … to … (Europe/Paris)".
   * @param {string} text
   */
  labelled: function (text) {
    return withZone(text, businessZone());
  },
  /**
   * "YYYY-MM-DD" (a day, no zone) as "24 nov."
   * @param {string} day
   */
  day: function (day) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
    if (!m) return String(day || '');
    return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short' }).format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  },
  /** @param {number | null | undefined} n */
  number: function (n) {
    return new Intl.NumberFormat(locale()).format(n || 0);
  },
  /**
   * 0..1 as "87 %" (or "—" when unknown)
   * @param {number | null | undefined} x
   */
  percent: function (x) {
    if (x === null || x === undefined || isNaN(x)) return '—';
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(x);
  },
  /** @param {unknown} x */
  score: function (x) {
    return typeof x === 'number' ? x.toFixed(2) : '—';
  },
  /**
   * A file's size: 240 kB, 1.2 MB.
   * @param {number} bytes
   */
  size: function (bytes) {
    const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [Math.max(bytes / 1e3, 0.1), 'kilobyte'];
    return new Intl.NumberFormat(locale(), { style: 'unit', unit: unit, maximumFractionDigits: 1 }).format(value);
  },
};

/**
 * An article title from the API: a string, or {fr, en}.
 * @param {string | { fr: string, en: string } | null | undefined} title
 */
export function titleOf(title) {
  if (title && typeof title === 'object') return title[lang] || title.en || title.fr || '';
  return title == null ? '' : String(title);
}

/**
 * A date field's "YYYY-MM-DD" for the API, which reads a day alone in the business zone (`from` its
 * first instant, `to` its end): the browser's midnight would cut the days somewhere else than the
 * times shown. `end` is kept for the callers that say which edge they mean.
 * @param {string} day
 * @param {boolean} [_end]
 */
export function dayToIso(day, _end) {
  return /^\d{4}-\d{2}-\d{2}$/.test(day || '') ? day : '';
}

document.documentElement.lang = lang;

/**
 * What `map` holds for `key`, when it holds it: a value from the API may be one the page does not
 * know (a newer server), and then the page shows it as it came.
 * @template {string} K
 * @template V
 * @param {Record<K, V>} map
 * @param {unknown} key
 * @returns {V | undefined}
 */
export function entryOf(map, key) {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key) ? map[/** @type {K} */ (key)] : undefined;
}
