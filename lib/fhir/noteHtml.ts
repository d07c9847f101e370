import type { DOMPurify } from 'dompurify';
import { Marked } from 'marked';
import type { NoteContent } from './clinicalNote';

/**
 * What a note may keep of its formatting: text structure only. No images or media (each would be
 * a request to a server the patient never chose, and a tracking pixel), no forms, no styles, no
 * ids (DOM clobbering), no headings (a note's "# Plan" must not break the page's outline).
 */
// prettier-ignore
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'span', 'div',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a',
];
const ALLOWED_ATTR = ['href', 'colspan', 'rowspan', 'scope'];
const SAFE_LINK = /^(https?:|mailto:)/i;

// Markdown headings become bold paragraphs; raw HTML inside markdown is sanitised like any other.
const markdown = new Marked({ gfm: true, breaks: true, async: false });
markdown.use({
  renderer: {
    heading({ tokens }) {
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
  },
});

/** DOMPurify instances that already carry the link hook: each gets it once, and no other is touched. */
const hooked = new WeakSet<DOMPurify>();

function withLinkHook(purify: DOMPurify): DOMPurify {
  if (hooked.has(purify)) return purify;
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    if (!SAFE_LINK.test(href)) node.removeAttribute('href');
    else {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  hooked.add(purify);
  return purify;
}

/** Headings as bold paragraphs, so "<h3>Plan</h3>Rest" does not run together once headings go. */
const asBoldLines = (html: string) =>
  html.replace(/<h[1-6]\b[^>]*>/gi, '<p><strong>').replace(/<\/h[1-6]\s*>/gi, '</strong></p>');

/**
 * A markdown or XHTML note as HTML that is safe to insert: rendered, then cleaned by DOMPurify to
 * the structure above, with no aria-* or data-* attributes (a note must not hide its own text from
 * a screen reader or rename a link). Links keep only http(s) and mailto targets and open in a new
 * tab without telling the target where they came from. Plain text is never HTML: it returns null.
 * `purify` should be an instance of its own (`DOMPurify(window)`): a hook is added to it once.
 */
export function noteHtml(note: NoteContent, purify: DOMPurify): string | null {
  if (note.format === 'plain') return null;
  const html = note.format === 'markdown' ? (markdown.parse(note.text) as string) : asBoldLines(note.text);
  return withLinkHook(purify).sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_ARIA_ATTR: false,
    ALLOW_DATA_ATTR: false,
    KEEP_CONTENT: true,
  });
}
