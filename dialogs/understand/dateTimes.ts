// Dates and times typed for a callback ("demain 14h", "jeudi matin", "tomorrow after 3pm"), read
// by the Bot Framework's own recognizers (@microsoft/recognizers-text-date-time), French and English.
//
// Why these and not chrono-node: they are the SDK's own and already in the tree, they read day parts
// as ranges ("jeudi matin" → 08:00–12:00, which we intersect with opening hours), and they return every
// reading of an ambiguous text (last or next Thursday, 10:30 or 22:30) so business hours can choose;
// side by side on 40 typed phrasings, chrono-node read "après-demain 9h" and "le 27 à 10h" as the wrong
// day. Their cost: about 20 ms a message and a few seconds to compile on first use, so a turn only
// reads times when the conversation expects one, and the models are built once per process.
import * as recognizers from '@microsoft/recognizers-text-date-time';
import type { Lang } from '../../knowledge/types.js';

/** One way of reading what was typed: a day (YYYY-MM-DD) and/or a window of minutes since midnight. */
export interface TimeReading {
  date?: string;
  /** start of the window; with `exact`, the time asked for */
  from?: number;
  /** end of the window (exclusive); absent = open until closing time */
  to?: number;
  /** a precise time ("14h"), not a part of the day ("le matin") or an open window ("after 3pm") */
  exact: boolean;
}

export interface TimeWish {
  /** the words read as a time */
  text: string;
  readings: TimeReading[];
}

type Model = ReturnType<recognizers.DateTimeRecognizer['getDateTimeModel']>;
const models: Partial<Record<Lang, Model>> = {};

function modelFor(lang: Lang): Model {
  models[lang] ??= new recognizers.DateTimeRecognizer(lang === 'fr' ? recognizers.Culture.French : recognizers.Culture.English).getDateTimeModel();
  return models[lang]!;
}

/** Compiles both languages' expressions now rather than on a customer's turn. */
export function warmUpDateTimes(): void {
  const at = new Date(2026, 0, 1, 12);
  modelFor('fr').parse('demain 14h', at);
  modelFor('en').parse('tomorrow 2pm', at);
}

// SMS spellings the recognizers do not know, rewritten before reading; whole words only.
const SPELLINGS: Record<Lang, Array<[RegExp, string]>> = {
  fr: [
    [/\baprem\b|\bap(?:re|rè)s?[- ]?m(?:idi)?\b|\bam\b(?= ?\d)/gu, 'après-midi'],
    [/\bapr[eè]s[- ]demain\b/gu, 'après-demain'],
    [/\bdmain\b|\bdemin\b|\bdemian\b/gu, 'demain'],
    [/\baujourd ?hui\b|\bauj\b|\bajd\b/gu, "aujourd'hui"],
    [/\b(\d{1,2}) ?h ?(\d{2})?\b/gu, (_m: string, h: string, m?: string) => `${h}h${m ?? ''}`] as unknown as [RegExp, string],
  ],
  en: [
    [/\btmrw\b|\btmr\b|\btomorow\b|\btommorow\b|\btomorrw\b|\btmorrow\b/gu, 'tomorrow'],
    [/\bthurs\b/gu, 'thursday'],
    [/\bweds\b/gu, 'wednesday'],
    [/\barvo\b/gu, 'afternoon'],
  ],
};

function respell(text: string, lang: Lang): string {
  let t = text.toLowerCase();
  for (const [pattern, replacement] of SPELLINGS[lang]) t = t.replace(pattern, replacement as string);
  return t;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The reference instant as the recognizers want it: a local Date showing the business zone's wall time. */
function wallDate(now: Date, timeZone: string): Date {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((x) => [x.type, x.value]),
  );
  return new Date(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
}

function minutesOf(time: string | undefined): number | undefined {
  const m = /^(\d{2}):(\d{2})/.exec(time ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

interface Value {
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}

/** A recognizer value as a reading: "2026-11-25 14:00:00", "2026-11-25", "14:00:00", ranges of those. */
function readingOf(v: Value): TimeReading | undefined {
  const split = (s: string | undefined) => {
    const [date, time] = (s ?? '').split(' ');
    return /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') ? { date, time } : { date: undefined, time: date };
  };
  switch (v.type) {
    case 'datetime': {
      const { date, time } = split(v.value);
      const from = minutesOf(time);
      return date && from !== undefined ? { date, from, exact: true } : undefined;
    }
    case 'date':
      return v.value && /^\d{4}-\d{2}-\d{2}$/.test(v.value) ? { date: v.value, exact: false } : undefined;
    case 'time': {
      const from = minutesOf(v.value);
      return from === undefined ? undefined : { from, exact: true };
    }
    case 'timerange': {
      const from = minutesOf(v.start);
      const to = minutesOf(v.end);
      if (from === undefined && to === undefined) return undefined;
      return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), exact: false };
    }
    case 'datetimerange': {
      const start = split(v.start);
      const end = split(v.end);
      if (!start.date) return undefined;
      const from = minutesOf(start.time);
      const to = end.date === start.date ? minutesOf(end.time) : undefined;
      return { date: start.date, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), exact: false };
    }
    case 'daterange':
      return v.start && /^\d{4}-\d{2}-\d{2}$/.test(v.start) && v.end && v.end === v.start ? { date: v.start, exact: false } : undefined;
    default:
      return undefined;
  }
}

/**
 * Every reading of the date and time in `text`, or undefined when it holds none. A day and a time
 * given apart ("demain à 14h", "tomorrow after 3pm") are read together. Phone numbers and references
 * must be taken out first: "06 12" reads as the 6th of December.
 */
export function readTime(text: string, lang: Lang, now: Date, timeZone: string): TimeWish | undefined {
  const results: Array<{ text: string; resolution?: { values?: unknown[] } }> = modelFor(lang).parse(respell(text, lang), wallDate(now, timeZone));
  const parts = results
    .map((r) => ({ text: r.text, readings: ((r.resolution?.values ?? []) as Value[]).map(readingOf).filter((x): x is TimeReading => x !== undefined) }))
    .filter((p) => p.readings.length > 0);
  if (parts.length === 0) return undefined;
  const days = parts.find((p) => p.readings.every((r) => r.date && r.from === undefined && r.to === undefined));
  const times = parts.find((p) => p.readings.every((r) => !r.date));
  if (days && times) {
    const readings = days.readings.flatMap((d) => times.readings.map((t) => ({ ...t, date: d.date! })));
    return { text: `${days.text} ${times.text}`, readings };
  }
  const first = parts[0]!;
  return { text: first.text, readings: first.readings.map((r) => afternoonAsWindow(r, first.text)) };
}

// The French model reads "jeudi après-midi" as Thursday 12:00 sharp; customers mean the afternoon.
function afternoonAsWindow(reading: TimeReading, text: string): TimeReading {
  if (!reading.exact || reading.from !== 12 * 60 || !/apr[eè]s-midi|afternoon/.test(text)) return reading;
  return { ...reading, from: 12 * 60, to: 18 * 60, exact: false };
}

// "As soon as possible" in the ways people type it; the recognizers know only the English "asap".
const ASAP = /\b(asap|as soon as (?:possible|you can)|right away|straight away|now|(?:le )?plus t[oô]t possible|d[eè]s que possible|au plus vite|au plus t[oô]t|tout de suite|maintenant|rapidement|vite)\b/u;

export function asksAsap(text: string): boolean {
  return ASAP.test(text.toLowerCase());
}

/** "2026-11-25" and minutes → "2026-11-25T14:00", the wall time tests and logs compare. */
export function wallTimeText(date: string, minutes: number): string {
  return `${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
