// What an answer may hold, as customers read it in the chat and on article pages: Markdown, never
// raw HTML (the chat page's CSP once was all that stopped an <img onerror>), and links only to the
// hosts the configuration allows (the product's own sites by default), so an edit cannot send
// customers who lost their password to any site.
import type { Problem } from './problems.js';

/** The product's own sites, and their subdomains. */
export const DEFAULT_LINK_HOSTS: readonly string[] = ['scriba.example'];

const FENCE = /^\s*(```|~~~)/;
const CODE_SPAN = /(`+)[\s\S]*?\1/g;
// Raw HTML: a tag, a closing tag, a comment, a declaration. Autolinks (<https://…>) are Markdown.
const RAW_HTML = /<(?!https?:\/\/|mailto:)(?:[A-Za-z][\w-]*(?=[\s/>])|\/[A-Za-z][\w-]*\s*>|!--|!\[CDATA\[|![A-Za-z]|\?)/;
// [text](url), [text](<url> "title"), <url>, or a bare address. A Markdown link ends at the ')'
// that is not followed by another, so `javascript:alert(1)` is read whole.
const LINK = /\]\(\s*<?([^\s>]+?)>?(?:\s+"[^"]*")?\)(?!\))|<(https?:\/\/[^>\s]+)>|(?<![(<\w])(https?:\/\/[^\s)>\]"'`]+)/g;

function allowedHost(url: string, hosts: readonly string[]): boolean {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return true;
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    host = parsed.hostname.toLowerCase();
  } catch {
    // A relative link ("/fr/articles/x", "#étape-2") stays on the site that shows it.
    return !/^[a-z][a-z0-9+.-]*:/i.test(url);
  }
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** Problems of one answer's lines (`firstLine` is the file line of lines[0]). */
export function checkAnswerSafety(file: string, lines: readonly string[], firstLine: number, hosts: readonly string[] = DEFAULT_LINK_HOSTS): Problem[] {
  const problems: Problem[] = [];
  let inFence = false;
  lines.forEach((raw, i) => {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      return;
    }
    if (inFence || /^<!--\s*[a-zA-Z]{2}\s*-->$/.test(raw.trim())) return;
    const line = raw.replace(CODE_SPAN, '');
    if (RAW_HTML.test(line)) problems.push({ file, line: firstLine + i, message: 'the answer contains raw HTML; write it in Markdown (HTML is not shown to customers)' });
    for (const m of line.matchAll(LINK)) {
      // A bare URL at the end of a sentence leaves its full stop out.
      const url = (m[1] ?? m[2] ?? m[3] ?? '').replace(/[.,;:!?]+$/, '');
      if (!allowedHost(url, hosts)) problems.push({ file, line: firstLine + i, message: `the link ${url} points outside the allowed sites (${hosts.join(', ')}); set KB_LINK_HOSTS to allow another` });
    }
  });
  return problems;
}
