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
  let s = html.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, '');
  const hr = /<hr\b[^>]*>/i.exec(s);
  if (hr) s = s.slice(0, hr.index);
  // Source newlines in HTML are only whitespace; line breaks come from block elements.
  s = s.replace(/\s+/g, ' ');
  s = s.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) => (BLOCK.test(name) ? '\n' : ''));
  s = decodeEntities(s).replace(/\u00a0/g, ' ');
  return normalizeParagraphs(s);
}
