import { keyedText, type ErrorText } from '../common/errors';
/**
 * Single-file web pages (.mhtml/.mht, "Webpage, Single File" in Chrome and
 * Edge): a MIME multipart/related message whose first text/html part is the
 * page, usually quoted-printable, followed by its images and styles. Only the
 * page is needed, so this reads the outer headers, finds that part and decodes
 * it; every step is one pass over the bytes.
 */
export interface MhtmlPage {
  /** The page's bytes, decoded from quoted-printable or base64. */
  html: Uint8Array;
  /** The charset its Content-Type names, lower case, or null. */
  charset: string | null;
  /** Snapshot-Content-Location or the part's Content-Location: the page's address. */
  location: string | null;
  /** The Subject header (Chrome writes the page title there). */
  subject: string | null;
}

/** Why a file is no single-file web page: a catalogue message and its English text. */
export type MhtmlResult = { ok: true; page: MhtmlPage } | { ok: false; why: ErrorText & { message: string } };

/** Whether bytes look like a MIME message with a multipart body (the first 4 KB are enough). */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 4096));
  return /^content-type:\s*multipart\/related/im.test(head) && /^mime-version:/im.test(head);
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  // Chunks keep String.fromCharCode within its argument limit.
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

interface Headers {
  fields: Map<string, string>;
  bodyStart: number;
}

/** Header block starting at `from`: unfolded fields by lower-case name, and where the body starts. */
function readHeaders(text: string, from: number): Headers {
  const fields = new Map<string, string>();
  let i = from;
  let last: string | null = null;
  while (i < text.length) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = text.length;
    const line = text.slice(i, eol).replace(/\r$/, '');
    i = eol + 1;
    if (line === '') break;
    if (/^[ \t]/.test(line) && last !== null) {
      fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(last)) fields.set(last, line.slice(colon + 1).trim());
  }
  return { fields, bodyStart: Math.min(i, text.length) };
}

function param(value: string | undefined, name: string): string | null {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return m ? (m[1] ?? m[2] ?? null) : null;
}

export function readMhtml(bytes: Uint8Array): MhtmlResult {
  const text = latin1(bytes);
  const outer = readHeaders(text, 0);
  const contentType = outer.fields.get('content-type') ?? '';
  const boundary = param(contentType, 'boundary');
  if (!/multipart\//i.test(contentType) || boundary === null) {
    return { ok: false, why: keyedText('errors:newsRead.mhtmlNotMultipart') };
  }
  const delimiter = `--${boundary}`;
  let at = text.indexOf(delimiter, outer.bodyStart);
  while (at >= 0) {
    const partStart = text.indexOf('\n', at) + 1;
    if (partStart <= 0 || text.startsWith(`${delimiter}--`, at)) break;
    const next = text.indexOf(delimiter, partStart);
    const end = next < 0 ? text.length : next;
    const part = readHeaders(text, partStart);
    const type = part.fields.get('content-type') ?? 'text/plain';
    if (/^\s*text\/html/i.test(type)) {
      const raw = text.slice(part.bodyStart, end).replace(/\r?\n$/, '');
      const encoding = (part.fields.get('content-transfer-encoding') ?? '').toLowerCase();
      const html = encoding === 'quoted-printable' ? decodeQuotedPrintable(raw) : encoding === 'base64' ? decodeBase64(raw) : bytesOf(raw);
      const location = outer.fields.get('snapshot-content-location') ?? part.fields.get('content-location') ?? null;
      return { ok: true, page: { html, charset: param(type, 'charset')?.toLowerCase() ?? null, location, subject: outer.fields.get('subject') ?? null } };
    }
    at = next;
  }
  return { ok: false, why: keyedText('errors:newsRead.mhtmlNoHtml') };
}

function bytesOf(binary: string): Uint8Array {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i) & 0xff;
  return out;
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** RFC 2045 quoted-printable: '=XX' is a byte, '=' at a line end is a soft break. */
export function decodeQuotedPrintable(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c !== 0x3d) {
      out[n++] = c & 0xff;
      continue;
    }
    if (s[i + 1] === '\r' && s[i + 2] === '\n') i += 2;
    else if (s[i + 1] === '\n') i += 1;
    else if (HEX.test(s.slice(i + 1, i + 3))) {
      out[n++] = parseInt(s.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c; // a lone '=' is kept, as lenient readers do
  }
  return out.subarray(0, n);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i += 1) B64_VALUE[B64.charCodeAt(i)] = i;

export function decodeBase64(s: string): Uint8Array {
  const out = new Uint8Array(Math.ceil((s.length * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    const v = code < 128 ? (B64_VALUE[code] ?? -1) : -1;
    if (v < 0) continue; // line breaks and padding
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}
