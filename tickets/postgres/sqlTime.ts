// A time range (from inclusive, to exclusive, either open) as the two bounds a timestamptz
// comparison takes: PostgreSQL's -infinity and infinity stand for an open end.
import { timeBounds } from '../dataLayout.js';
import type { TimeRange } from '../types.js';

export function sqlRange(range: TimeRange): [Date | string, Date | string] {
  const { from, to } = timeBounds(range);
  return [Number.isFinite(from) ? new Date(from) : '-infinity', Number.isFinite(to) ? new Date(to) : 'infinity'];
}
