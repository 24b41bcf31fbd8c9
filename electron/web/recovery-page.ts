import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TFunction } from 'i18next';
import type { Backend, RecoveryChoice, RecoveryState } from '@backend/backend';
import { createI18n } from '@shared/i18n/i18n';
import { FALLBACK_LANGUAGE, resolveLanguage, type Language } from '@shared/i18n/languages';

type PageT = TFunction<['main']>;
const i18n = createI18n(FALLBACK_LANGUAGE);
/** The page's text; the database (and so Settings ▸ Language) cannot be read, so the browser's languages decide. */
export function pageT(language: Language = FALLBACK_LANGUAGE): PageT {
  return i18n.getFixedT(language, ['main']);
}

/** The browser's preferred languages from Accept-Language ('de-DE,de;q=0.9,en;q=0.8'), best first. */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*')
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

/**
 * Browser mode's way out of a damaged database: a plain server-rendered page
 * (no scripts, forms only, so it works even if the app's bundle would not)
 * that names the file, lists the automatic copies in backups/ with dates and
 * sizes, and restores one, restores a file the user picks, or starts fresh.
 * The damaged file is always kept beside the new one, renamed.
 */
export async function serveRecovery(req: IncomingMessage, res: ServerResponse, backend: Backend, pathname: string, maxBody: number): Promise<void> {
  const state = backend.recovery;
  if (state === null) return;
  const t = pageT(resolveLanguage('system', acceptedLanguages(req.headers['accept-language'])));
  if (req.method === 'POST' && pathname.startsWith('/recovery/')) {
    let choice: RecoveryChoice | string;
    try {
      choice = await readChoice(req, pathname, maxBody, t);
    } catch (error) {
      choice = error instanceof Error ? error.message : String(error);
    }
    if (typeof choice !== 'string') {
      try {
        backend.recover(choice);
        res.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' }).end();
        return;
      } catch (error) {
        choice = error instanceof Error ? error.message : String(error);
      }
    }
    sendPage(res, 400, recoveryPage(state, choice, t));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  sendPage(res, 503, recoveryPage(state, undefined, t));
}

async function readChoice(req: IncomingMessage, pathname: string, maxBody: number, t: PageT): Promise<RecoveryChoice> {
  const body = await readBytes(req, maxBody, t);
  if (pathname === '/recovery/fresh') return { kind: 'fresh' };
  if (pathname === '/recovery/restore') {
    const fileName = new URLSearchParams(body.toString('utf8')).get('fileName') ?? '';
    return { kind: 'backup', fileName };
  }
  if (pathname === '/recovery/upload') {
    const file = firstFile(req.headers['content-type'] ?? '', body);
    if (file === null || file.bytes.length === 0) throw new Error(t('main:recovery.pickFile'));
    return { kind: 'file', fileName: file.fileName, bytes: file.bytes };
  }
  throw new Error(t('main:recovery.unknownAction'));
}

async function readBytes(req: IncomingMessage, limit: number, t: PageT): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error(t('main:recovery.tooLarge', { megabytes: Math.round(limit / (1024 * 1024)) }));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The first file part of a multipart/form-data body (the page's form has exactly one). */
export function firstFile(contentType: string, body: Buffer): { fileName: string; bytes: Buffer } | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) return null;
  const delimiter = Buffer.from(`--${mark}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) return null;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.from(`\r\n--${mark}`), headerEnd + 4);
    if (next < 0) return null;
    const name = /filename="([^"]*)"/i.exec(headers);
    if (name) return { fileName: name[1] || 'backup.sqlite', bytes: body.subarray(headerEnd + 4, next) };
    start = next + 2;
  }
  return null;
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    // With no-referrer a form post says "Origin: null"; same-origin keeps our own origin on it (and sends nothing elsewhere).
    'Referrer-Policy': 'same-origin',
  });
  res.end(html);
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** 2026-11-20T10:15:00.000Z → "2026-11-20 10:15 UTC": unambiguous whatever the reader's locale. */
export function formatStamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function recoveryPage(state: RecoveryState, error?: string, t: PageT = pageT()): string {
  const rows = state.backups
    .map(
      (b) =>
        `<tr><td>${escapeHtml(formatStamp(b.createdAt))}</td><td>${escapeHtml(b.reason === 'migration' ? t('main:recovery.beforeUpgrade') : t('main:recovery.beforeRestore'))}</td>` +
        `<td class="num">${escapeHtml(formatSize(b.sizeBytes))}</td><td><form method="post" action="/recovery/restore">` +
        `<input type="hidden" name="fileName" value="${escapeHtml(b.fileName)}"><button>${escapeHtml(t('main:recovery.restoreThisCopy'))}</button></form></td></tr>`,
    )
    .join('');
  const copies =
    state.backups.length > 0
      ? `<table><thead><tr><th>${escapeHtml(t('main:recovery.date'))}</th><th>${escapeHtml(t('main:recovery.made'))}</th><th class="num">${escapeHtml(t('main:recovery.size'))}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p class="muted">${escapeHtml(t('main:recovery.noCopies'))}</p>`;
  return `<!doctype html><html lang="${escapeHtml(t('main:recovery.lang'))}"><head><meta charset="utf-8"><title>${escapeHtml(t('main:recovery.pageTitle'))}</title>
<style>
body{color-scheme:light dark;font:15px/1.5 system-ui,sans-serif;max-width:44em;margin:8vh auto;padding:0 1.2em;color:#1f2933;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e4e7eb;background:#16191d}.box{border-color:#3e4c59!important}}
h1{font-size:1.5em;margin-bottom:.3em}h2{font-size:1.1em;margin-top:1.8em}code{font-size:.92em;word-break:break-all}code.name{white-space:nowrap;word-break:normal}
table{border-collapse:collapse;width:100%}td,th{padding:.35em .6em;border-bottom:1px solid #cbd2d9;text-align:left}
.num{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#7b8794}.error{color:#b42318;font-weight:600}
.box{border:1px solid #cbd2d9;border-radius:6px;padding:.8em 1em;margin:.8em 0}button{font:inherit;padding:.3em .9em}form{margin:0}.row{display:flex;justify-content:space-between;align-items:center;gap:1em}
</style></head><body>
<h1>${escapeHtml(t('main:recovery.heading'))}</h1>
<p>${t('main:recovery.damaged', { file: `<code>${escapeHtml(state.databaseFile)}</code>`, problem: escapeHtml(state.problem) })}</p>
<p>${t('main:recovery.kept', { name: '<code class="name">tickerline-damaged-…sqlite</code>' })}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<h2>${escapeHtml(t('main:recovery.restoreCopyTitle'))}</h2>
${copies}
<h2>${escapeHtml(t('main:recovery.restoreFileTitle'))}</h2>
<div class="box"><form method="post" action="/recovery/upload" enctype="multipart/form-data" class="row">
<input type="file" name="file" accept=".sqlite,.db,application/vnd.sqlite3" required> <button>${escapeHtml(t('main:recovery.restoreThisFile'))}</button></form></div>
<h2>${escapeHtml(t('main:recovery.startFreshTitle'))}</h2>
<div class="box"><form method="post" action="/recovery/fresh" class="row"><span>${escapeHtml(t('main:recovery.startFreshText'))}</span><button>${escapeHtml(t('main:recovery.startFresh'))}</button></form></div>
</body></html>`;
}
