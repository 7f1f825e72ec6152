// An article's Markdown as HTML for the help centre's pages, rendered the way the chat shows the
// same answer: Web Chat's own renderer (botframework-webchat's renderMarkdown) needs a browser DOM,
// so this runs its two steps here with the very packages Web Chat resolves (markdown-it with Web
// Chat's options, then sanitize-html with Web Chat's allow-list). Loading them from Web Chat's
// folder keeps the versions the chat uses without a second copy in package.json.
import { createRequire } from 'node:module';
import { packageFile } from '../staticFiles.js';

interface MarkdownIt {
  render(markdown: string): string;
}
type MarkdownItClass = new (options: Record<string, boolean>) => MarkdownIt;
interface SanitizeOptions {
  allowedAttributes: Record<string, string[]>;
  allowedSchemes: string[];
  allowedTags: string[];
  nonBooleanAttributes: string[];
  transformTags?: Record<string, (tag: string, attribs: Record<string, string>) => { tagName: string; attribs: Record<string, string> }>;
}
type Sanitize = (html: string, options: SanitizeOptions) => string;

const fromWebChat = createRequire(packageFile('botframework-webchat', 'lib/markdown/renderMarkdown.js'));
const MarkdownItCtor = fromWebChat('markdown-it') as MarkdownItClass;
const sanitizeHtml = fromWebChat('sanitize-html') as Sanitize;

/** botframework-webchat 4.18's MARKDOWN_IT_INIT (renderMarkdown.js); `html` as Web Chat's default. */
export const MARKDOWN_OPTIONS = Object.freeze({ breaks: false, html: true, linkify: true, typographer: true, xhtmlOut: true });

/** botframework-webchat 4.18's SANITIZE_HTML_OPTIONS (renderMarkdown.js), checked against it by a test. */
export const SANITIZE_OPTIONS = Object.freeze({
  allowedAttributes: { a: ['aria-label', 'class', 'href', 'name', 'rel', 'target'], button: ['aria-label', 'class', 'type', 'value'], img: ['alt', 'class', 'src', 'title'], span: ['aria-label'] },
  allowedSchemes: ['data', 'http', 'https', 'ftp', 'mailto', 'sip', 'tel'],
  allowedTags: ['a', 'b', 'blockquote', 'br', 'button', 'caption', 'code', 'del', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'nl', 'ol', 'p', 'pre', 's', 'span', 'strike', 'strong', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'],
  nonBooleanAttributes: [] as string[],
});

const markdown = new MarkdownItCtor({ ...MARKDOWN_OPTIONS });

// Web Chat opens every absolute link in a new tab without an opener; a page of this site
// (another article) opens in place, as a reader of a help centre expects.
const linkTarget = (_tag: string, attribs: Record<string, string>) => {
  const external = /^[a-z][a-z0-9+.-]*:/i.test(attribs.href ?? '');
  return { tagName: 'a', attribs: external ? { ...attribs, rel: 'noopener noreferrer', target: '_blank' } : attribs };
};

/** Sanitised HTML of an answer's Markdown. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(markdown.render(text), {
    ...SANITIZE_OPTIONS,
    allowedAttributes: { ...SANITIZE_OPTIONS.allowedAttributes },
    allowedSchemes: [...SANITIZE_OPTIONS.allowedSchemes],
    allowedTags: [...SANITIZE_OPTIONS.allowedTags],
    transformTags: { a: linkTarget },
  });
}

/** Text for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
