import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '@backend/csp';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './origin';

/**
 * The UI is served from app://tickerline/ rather than file://, so it has a real
 * origin (checked on every IPC call), a CSP header, and no access to the disk.
 */
export { APP_HOST, APP_ORIGIN, APP_SCHEME };

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled UI scripts between launches, as it does for http(s) pages, so
    // a start after the first does not parse and compile the first screen's half megabyte again.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    let relative: string;
    try {
      relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      // A malformed escape such as "%E0%A4%A" is a missing file, not a network error.
      return new Response('Not found', { status: 404 });
    }
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const headers: Record<string, string> = { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' };
      if (extname(file) === '.html') headers['Content-Security-Policy'] = contentSecurityPolicy();
      return new Response(new Uint8Array(body), { headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
