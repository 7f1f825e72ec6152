// The first useful part of an answer, to show in the chat panel: whole paragraphs, and of a list
// as many whole steps as fit, up to about what the panel shows without scrolling; the rest is one
// click away on the article's page. A table or a step is never cut in the middle.

/** About what the chat panel shows on a laptop without scrolling (answers run 850-1,850 characters). */
export const SHORT_ANSWER_CHARS = 700;

export interface ShortAnswer {
  text: string;
  /** something was left out: link to the whole article */
  cut: boolean;
}

const LIST_ITEM = /^(?:\d+[.)]|[-*+])\s/;

/** Blank-line separated blocks; a list's items (and what is indented under them) stay together. */
function blocksOf(markdown: string): string[] {
  return markdown.trim().split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
}

/** A list block as its top-level items, each with its indented lines. */
function itemsOf(block: string): string[] | undefined {
  const lines = block.split('\n');
  if (!LIST_ITEM.test(lines[0] ?? '')) return undefined;
  const items: string[] = [];
  for (const line of lines) {
    if (LIST_ITEM.test(line)) items.push(line);
    else if (items.length > 0) items[items.length - 1] += `\n${line}`;
  }
  return items;
}

export function shortAnswer(markdown: string, limit = SHORT_ANSWER_CHARS): ShortAnswer {
  const blocks = blocksOf(markdown);
  const kept: string[] = [];
  let length = 0;
  for (const block of blocks) {
    const room = limit - length;
    if (block.length <= room || kept.length === 0) {
      // The first block always goes in whole unless it is a list that can give its first steps.
      const items = kept.length === 0 && block.length > room ? itemsOf(block) : undefined;
      if (!items) {
        kept.push(block);
        length += block.length + 2;
        continue;
      }
    }
    const items = itemsOf(block);
    if (items) {
      const fitting: string[] = [];
      let used = 0;
      for (const item of items) {
        if (used + item.length + 1 > room && (fitting.length > 0 || kept.length > 0)) break;
        fitting.push(item);
        used += item.length + 1;
      }
      if (fitting.length > 0) kept.push(fitting.join('\n'));
    }
    break;
  }
  const text = kept.join('\n\n');
  return { text, cut: kept.length < blocks.length || text.length < blocks.join('\n\n').length };
}
