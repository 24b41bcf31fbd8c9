import { keyedText, type ErrorText } from '../common/errors';
import type { ErrorKey, TextParams } from '../../i18n/errorText';
import { decodeEntities } from './entities';

/**
 * A small, non-validating XML reader for news feeds. Written here rather than
 * pulled in because shared code has no DOMParser and feeds need little: elements,
 * attributes, text, CDATA. It never expands DTD entities (a DOCTYPE declaring
 * any is refused), so a hostile feed cannot blow up memory, and every error
 * names the line.
 */
export interface XmlElement {
  name: string; // qualified, e.g. 'content:encoded'
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
}

export type XmlNode = XmlElement | string;

/** A syntax error: its line, a catalogue message (`key`, `params`) and that message's English text. */
export type XmlParseResult = { ok: true; root: XmlElement } | ({ ok: false; line: number; message: string } & ErrorText);

const NAME = /[A-Za-z_:][\w:.-]*/y;
const ATTR = /\s*([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

class XmlSyntaxError extends Error {
  readonly text: ErrorText;
  constructor(
    readonly line: number,
    key: ErrorKey,
    params?: TextParams,
  ) {
    const text = keyedText(key, params);
    super(text.message);
    this.text = params ? { key, params } : { key };
  }
}

/** What /\s/ matches, by character code: ASCII answered without a regex, which ran for every tag. */
function isXmlSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 128 && /\s/.test(String.fromCharCode(code)));
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function parseXml(text: string): XmlParseResult {
  const starts = lineStarts(text);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  try {
    return { ok: true, root: read(text, lineAt) };
  } catch (e) {
    if (e instanceof XmlSyntaxError) return { ok: false, line: e.line, message: e.message, ...e.text };
    throw e;
  }
}

function read(text: string, lineAt: (offset: number) => number): XmlElement {
  const stack: XmlElement[] = [];
  // Set by readOpeningTag; declared this way so the compiler does not take it as always null after the loop.
  let root = null as XmlElement | null;
  let i = 0;
  const fail = (offset: number, key: ErrorKey, params?: TextParams): never => {
    throw new XmlSyntaxError(lineAt(offset), key, params);
  };
  const skipPast = (start: number, terminator: string, what: ErrorKey): number => {
    const end = text.indexOf(terminator, start);
    if (end < 0) fail(start, 'errors:xml.partNeverClosed', { what: { key: what }, line: lineAt(start) });
    return end + terminator.length;
  };
  const appendText = (s: string): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(s);
    else if (s.trim() !== '') fail(i, 'errors:xml.textOutsideRoot');
  };

  /** An opening (or self-closing) tag at `at`: the element joins its parent; returns where reading goes on. */
  function readOpeningTag(at: number): number {
    i = at;
    NAME.lastIndex = i + 1;
    const m = NAME.exec(text);
    if (!m) fail(i, 'errors:xml.notATag', { line: lineAt(i) });
    const el: XmlElement = { name: m?.[0] ?? '', attrs: {}, children: [], line: lineAt(i) };
    let j = NAME.lastIndex;
    for (;;) {
      ATTR.lastIndex = j;
      const a = ATTR.exec(text);
      if (!a) break;
      el.attrs[a[1] ?? ''] = decodeEntities(a[3] ?? a[4] ?? '', true);
      j = ATTR.lastIndex;
    }
    while (j < text.length && isXmlSpace(text.charCodeAt(j))) j += 1;
    const selfClosing = text.startsWith('/>', j);
    if (!selfClosing && text[j] !== '>') fail(j, 'errors:xml.tagMalformed', { name: el.name, line: el.line });
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) fail(i, 'errors:xml.secondRoot', { name: el.name, line: el.line });
    else root = el;
    if (!selfClosing) stack.push(el);
    return j + (selfClosing ? 2 : 1);
  }

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      appendText(decodeEntities(text.slice(i), true));
      break;
    }
    if (lt > i) appendText(decodeEntities(text.slice(i, lt), true));
    i = lt;
    const next = text.charCodeAt(i + 1);
    // '<!' and '<?' open comments, CDATA, declarations and instructions; '</' a closing tag; anything else an opening tag.
    if (next !== 33 && next !== 63 && next !== 47) {
      i = readOpeningTag(i);
    } else if (text.startsWith('<!--', i)) {
      i = skipPast(i + 4, '-->', 'errors:xml.part.comment');
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = skipPast(i + 9, ']]>', 'errors:xml.part.cdata');
      appendText(text.slice(i + 9, end - 3));
      i = end;
    } else if (text.startsWith('<?', i)) {
      i = skipPast(i + 2, '?>', 'errors:xml.part.instruction');
    } else if (text.startsWith('<!', i)) {
      const close = text.indexOf('>', i);
      // Only a '[' before the declaration's '>' opens an internal subset; searching past it would rescan the file for every declaration.
      const bracketIn = text.slice(i, close < 0 ? text.length : close).indexOf('[');
      const bracket = bracketIn < 0 ? -1 : i + bracketIn;
      const end = bracket >= 0 ? skipPast(bracket, ']>', 'errors:xml.part.doctype') : skipPast(i, '>', 'errors:xml.part.declaration');
      if (/<!ENTITY/i.test(text.slice(i, end))) fail(i, 'errors:xml.entities');
      i = end;
    } else if (text.startsWith('</', i)) {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(text);
      if (!m) fail(i, 'errors:xml.closingNoName', { line: lineAt(i) });
      const name = m?.[0] ?? '';
      const gt = text.indexOf('>', NAME.lastIndex);
      if (gt < 0 || text.slice(NAME.lastIndex, gt).trim() !== '') fail(i, 'errors:xml.closingNotTerminated', { name, line: lineAt(i) });
      const open = stack.pop();
      if (!open) fail(i, 'errors:xml.closingUnmatched', { name, line: lineAt(i) });
      else if (open.name !== name) fail(i, 'errors:xml.closingMismatch', { name, line: lineAt(i), open: open.name, openLine: open.line });
      i = gt + 1;
    } else {
      i = readOpeningTag(i);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) throw new XmlSyntaxError(unclosed.line, 'errors:xml.elementNeverClosed', { name: unclosed.name, line: unclosed.line });
  if (!root) fail(0, 'errors:xml.noElement');
  return root as XmlElement;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function firstChild(el: XmlElement, ...names: string[]): XmlElement | null {
  for (const name of names) {
    const found = childElements(el, name)[0];
    if (found) return found;
  }
  return null;
}

/** Concatenated text of an element and its descendants, trimmed (pretty-printed feeds wrap values in whitespace). */
export function textOf(el: XmlElement | null): string {
  if (!el) return '';
  const parts: string[] = [];
  // An explicit stack: feeds nest elements arbitrarily deep, and recursion would overflow.
  const stack: XmlNode[] = [...el.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node === 'string') parts.push(node);
    else for (let k = node.children.length - 1; k >= 0; k -= 1) stack.push(node.children[k] as XmlNode);
  }
  return parts.join('').trim();
}
