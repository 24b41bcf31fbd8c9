import { decodeEntities } from './entities';
import { normalizeParagraphs } from './paragraphs';

/**
 * Plain text from the HTML in feed descriptions. Block elements become line
 * breaks so paragraphs survive; images, scripts and styles are dropped (an
 * image's alt text is a caption that repeats the story); everything after an
 * <hr> is a footer on the feeds we have seen, so it is cut.
 */
const BLOCK = /^(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|section|article|header|footer|figure|figcaption|pre)$/i;

export function htmlToText(html: string): string {
  // Most feed titles and many descriptions are plain text: without a '<' there is no tag, comment or <hr> to cut.
  const tagged = html.includes('<');
  let s = html;
  if (tagged) {
    s = cutSpans(s, /<!--/g, () => '-->');
    s = cutSpans(s, /<(script|style|noscript)\b/gi, (m) => `</${(m[1] ?? '').toLowerCase()}`);
    const hr = /<hr\b[^>]*>/i.exec(s);
    if (hr) s = s.slice(0, hr.index);
  }
  // Source newlines in HTML are only whitespace; line breaks come from block elements.
  s = s.replace(/\s+/g, ' ');
  if (tagged) s = s.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) => (BLOCK.test(name) ? '\n' : ''));
  // Every entity starts with '&'.
  if (s.includes('&')) s = decodeEntities(s);
  return normalizeParagraphs(s.replace(/\u00a0/g, ' '));
}

/**
 * Removes each span from an opening match to its terminator in one pass. A lazy
 * regex would rescan to the end for every unterminated opening (quadratic on
 * hostile input); here an unterminated span simply runs to the end of the text.
 */
function cutSpans(text: string, open: RegExp, terminator: (m: RegExpExecArray) => string): string {
  // Lower-cased only when a span opens: most texts have no comment or script at all.
  let lower: string | null = null;
  let out = '';
  let at = 0;
  open.lastIndex = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    out += text.slice(at, m.index);
    const close = terminator(m);
    lower ??= text.toLowerCase();
    const end = lower.indexOf(close, m.index + m[0].length);
    if (end < 0) return out;
    const gt = close.endsWith('>') ? end + close.length : text.indexOf('>', end);
    at = gt < 0 ? text.length : close.endsWith('>') ? gt : gt + 1;
    open.lastIndex = at;
  }
  return out + text.slice(at);
}
