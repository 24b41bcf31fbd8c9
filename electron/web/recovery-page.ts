import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend, RecoveryChoice, RecoveryState } from '@backend/backend';

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
  if (req.method === 'POST' && pathname.startsWith('/recovery/')) {
    let choice: RecoveryChoice | string;
    try {
      choice = await readChoice(req, pathname, maxBody);
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
    sendPage(res, 400, recoveryPage(state, choice));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  sendPage(res, 503, recoveryPage(state));
}

async function readChoice(req: IncomingMessage, pathname: string, maxBody: number): Promise<RecoveryChoice> {
  const body = await readBytes(req, maxBody);
  if (pathname === '/recovery/fresh') return { kind: 'fresh' };
  if (pathname === '/recovery/restore') {
    const fileName = new URLSearchParams(body.toString('utf8')).get('fileName') ?? '';
    return { kind: 'backup', fileName };
  }
  if (pathname === '/recovery/upload') {
    const file = firstFile(req.headers['content-type'] ?? '', body);
    if (file === null || file.bytes.length === 0) throw new Error('Pick a backup file first.');
    return { kind: 'file', fileName: file.fileName, bytes: file.bytes };
  }
  throw new Error('Unknown action.');
}

async function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error(`The file is larger than the ${Math.round(limit / (1024 * 1024))} MiB Tickerline accepts here.`);
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

export function recoveryPage(state: RecoveryState, error?: string): string {
  const rows = state.backups
    .map(
      (b) =>
        `<tr><td>${escapeHtml(formatStamp(b.createdAt))}</td><td>${b.reason === 'migration' ? 'before an upgrade' : 'before a restore'}</td>` +
        `<td class="num">${escapeHtml(formatSize(b.sizeBytes))}</td><td><form method="post" action="/recovery/restore">` +
        `<input type="hidden" name="fileName" value="${escapeHtml(b.fileName)}"><button>Restore this copy</button></form></td></tr>`,
    )
    .join('');
  const copies =
    state.backups.length > 0
      ? `<table><thead><tr><th>Date</th><th>Made</th><th class="num">Size</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
      : '<p class="muted">There are no automatic copies in the backups folder.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tickerline — your database needs attention</title>
<style>
body{color-scheme:light dark;font:15px/1.5 system-ui,sans-serif;max-width:44em;margin:8vh auto;padding:0 1.2em;color:#1f2933;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e4e7eb;background:#16191d}.box{border-color:#3e4c59!important}}
h1{font-size:1.5em;margin-bottom:.3em}h2{font-size:1.1em;margin-top:1.8em}code{font-size:.92em;word-break:break-all}code.name{white-space:nowrap;word-break:normal}
table{border-collapse:collapse;width:100%}td,th{padding:.35em .6em;border-bottom:1px solid #cbd2d9;text-align:left}
.num{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#7b8794}.error{color:#b42318;font-weight:600}
.box{border:1px solid #cbd2d9;border-radius:6px;padding:.8em 1em;margin:.8em 0}button{font:inherit;padding:.3em .9em}form{margin:0}.row{display:flex;justify-content:space-between;align-items:center;gap:1em}
</style></head><body>
<h1>Tickerline cannot open your database</h1>
<p>The file <code>${escapeHtml(state.databaseFile)}</code> is damaged: ${escapeHtml(state.problem)}.</p>
<p>Whatever you choose, the damaged file is kept beside the new one, renamed <code class="name">tickerline-damaged-…sqlite</code>; nothing is deleted.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<h2>Restore an automatic copy</h2>
${copies}
<h2>Restore a backup file</h2>
<div class="box"><form method="post" action="/recovery/upload" enctype="multipart/form-data" class="row">
<input type="file" name="file" accept=".sqlite,.db,application/vnd.sqlite3" required> <button>Restore this file</button></form></div>
<h2>Start fresh</h2>
<div class="box"><form method="post" action="/recovery/fresh" class="row"><span>Begin with an empty portfolio.</span><button>Start fresh</button></form></div>
</body></html>`;
}
