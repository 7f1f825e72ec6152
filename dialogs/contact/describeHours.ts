// Opening hours as a sentence: "du lundi au vendredi, de 09:00 à 18:00", "Monday to Friday, 09:00–18:00".
import type { Lang } from '../../knowledge/types.js';
import type { BusinessHours, OpeningRange, Weekday } from './businessHours.js';

const DAYS: Record<Lang, readonly string[]> = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
// Weeks start on Monday for the people reading this.
const ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function ranges(list: readonly OpeningRange[], lang: Lang): string {
  return list.map((r) => (lang === 'fr' ? `de ${hhmm(r.start)} à ${hhmm(r.end)}` : `${hhmm(r.start)}–${hhmm(r.end)}`)).join(lang === 'fr' ? ' et ' : ' and ');
}

export function describeHours(hours: BusinessHours, lang: Lang): string {
  const key = (d: Weekday) => JSON.stringify(hours.days[d]);
  const groups: Array<{ first: Weekday; last: Weekday }> = [];
  for (const d of ORDER) {
    if (hours.days[d].length === 0) continue;
    const last = groups.at(-1);
    const previous = ORDER[ORDER.indexOf(d) - 1];
    if (last && previous === last.last && key(last.last) === key(d)) last.last = d;
    else groups.push({ first: d, last: d });
  }
  const names = DAYS[lang];
  return groups
    .map(({ first, last }) => {
      const days = first === last ? names[first] : lang === 'fr' ? `du ${names[first]} au ${names[last]}` : `${names[first]} to ${names[last]}`;
      return `${days}, ${ranges(hours.days[first], lang)}`;
    })
    .join('; ');
}
