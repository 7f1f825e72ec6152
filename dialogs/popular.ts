// The topics offered in the welcome: the articles users were shown most over the last weeks
// (from the feedback records), topped up with the configured defaults on a young install.
export const POPULAR_WINDOW_DAYS = 30;

export function mostAsked(shownArticleIds: readonly string[], defaults: readonly string[], exists: (id: string) => boolean, count = 4): string[] {
  const tally = new Map<string, number>();
  for (const id of shownArticleIds) if (exists(id)) tally.set(id, (tally.get(id) ?? 0) + 1);
  const ranked = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  const out = ranked.slice(0, count);
  for (const id of defaults) if (out.length < count && !out.includes(id) && exists(id)) out.push(id);
  return out;
}
