import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { isMethodName } from '@shared/api/contract';
import { FileName } from '@shared/api/files';
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, HTTP_FILE_NAME_HEADER, HTTP_STAGE_PATH, HTTP_TOKEN_HEADER } from '@shared/api/transport';
import { AppError, type ApiError } from '@shared/domain/common/errors';
import type { Backend } from '@backend/backend';
import { contentSecurityPolicy } from '@backend/csp';
import { methodBodyLimit } from './body-limit';
import { serveRecovery } from './recovery-page';

export interface WebServerOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random one per run otherwise. */
  token?: string;
  /** A ceiling on every call's body, below the per-method caps (body-limit.ts); tests make it small. */
  maxBodyBytes?: number;
  /** What the bodies of all calls being read and run at once may hold together (default MAX_BUFFERED_BYTES). */
  maxBufferedBytes?: number;
}

export interface WebServer {
  url: string;
  /** The address to print once: it carries the token that logs a browser in. */
  loginUrl: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Browser mode: the same dispatcher as the desktop app, over HTTP on 127.0.0.1
 * only. Anyone on this machine can connect to the port, so nothing is served
 * without the per-run secret, which only the terminal that started the server
 * ever shows (in the printed address, as Jupyter does). Opening that address
 * trades the token for an HttpOnly, SameSite=Strict cookie and redirects to the
 * bare URL, so the token neither stays in the address bar or history nor ever
 * reaches the page's scripts. Requests must also come with our own Host and
 * Origin, which defeats DNS rebinding and cross-site requests.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 512 * 1024 * 1024;
  const maxBuffered = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  /** Bytes of call bodies held now (read, or announced and being read), until their call is answered. */
  let buffered = 0;
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  // Cookies are shared by every port of 127.0.0.1, so two servers must not overwrite each other's.
  const cookieName = (): string => `tickerline-${port}`;
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const unsubscribe = options.backend.subscribe((event, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Server error.' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      sendJson(res, 421, forbidden('This server only answers requests addressed to 127.0.0.1.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const pathname = safeDecode(url.pathname);
    if (pathname === null) {
      sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The address is not validly encoded.' } });
      return;
    }
    const authorised = hasToken(req, token, cookieName());
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) {
        sendJson(res, 403, forbidden('Requests from other web pages are refused.'));
        return;
      }
      if (!authorised) {
        sendJson(res, 401, forbidden('Missing or wrong access token. Open the address Tickerline printed.'));
        return;
      }
      if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') {
        openEventStream(res);
        return;
      }
      if (url.pathname === HTTP_STAGE_PATH && req.method === 'POST') {
        await stageUpload(req, res);
        return;
      }
      if (url.pathname.startsWith(HTTP_CALL_PREFIX) && req.method === 'POST') {
        const method = pathname.slice(HTTP_CALL_PREFIX.length);
        if (!isMethodName(method)) {
          refuseBody(req, res, 200, { code: 'UNKNOWN_METHOD', message: `Unknown method "${method}".` });
          return;
        }
        // What this method's schema can accept (body-limit.ts), known before a byte is read.
        const limit = Math.min(methodBodyLimit(method), maxBody);
        const tooLarge: ApiError = {
          code: 'TOO_LARGE',
          message: `The request is larger than the ${formatBytes(limit)} a call may send.`,
          details: { method, limitBytes: limit },
        };
        const announced = Number(req.headers['content-length'] ?? 0);
        if (announced > limit) {
          refuseBody(req, res, 413, tooLarge);
          return;
        }
        // Many large calls at once must not add up past the budget: a call that would is asked to come back.
        let held = 0;
        const hold = (bytes: number): boolean => {
          if (bytes <= held) return true;
          if (buffered + bytes - held > maxBuffered) return false;
          buffered += bytes - held;
          held = bytes;
          return true;
        };
        const busy: ApiError = {
          code: 'TOO_LARGE',
          message: `Tickerline is taking in other large requests (${formatBytes(maxBuffered)} at most at once); try again in a moment.`,
          details: { method, limitBytes: maxBuffered },
        };
        try {
          if (!hold(announced)) {
            refuseBody(req, res, 503, busy, { 'Retry-After': '1' });
            return;
          }
          const body = await readBody(req, limit, hold);
          if (body === 'too-large' || body === 'busy') {
            if (body === 'busy') refuseBody(req, res, 503, busy, { 'Retry-After': '1' });
            else refuseBody(req, res, 413, tooLarge);
            return;
          }
          await answerCall(res, method, body);
        } finally {
          buffered -= held;
        }
        return;
      }
      sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'No such API route.' } });
      return;
    }
    const offered = url.searchParams.get('token');
    if (offered !== null && pathname === '/') {
      if (!sameSecret(offered, token)) {
        sendLoginPage(res, 'This address is from an earlier start of Tickerline.');
        return;
      }
      res.writeHead(303, {
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    if (!authorised) {
      sendLoginPage(res);
      return;
    }
    if (options.backend.recovery !== null) {
      // Forms post here; SameSite=Strict already keeps other sites' posts cookieless, the Origin check makes it explicit.
      if (req.method === 'POST' && req.headers.origin !== undefined && !allowedOrigins().has(req.headers.origin)) {
        sendJson(res, 403, forbidden('Requests from other web pages are refused.'));
        return;
      }
      await serveRecovery(req, res, options.backend, pathname, maxBody);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    await serveStatic(pathname, res);
  }

  async function answerCall(res: ServerResponse, method: string, body: string): Promise<void> {
    let input: unknown;
    try {
      input = body.length === 0 ? {} : (JSON.parse(body) as unknown);
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } });
      return;
    }
    const result = await options.backend.dispatch(method, input);
    sendJson(res, 200, result);
  }

  /**
   * A file for import, uploaded once as its raw bytes and staged under an id: its announced size
   * is checked against the staging area's limits (one file, all files together) before a byte is
   * read, then the body streams straight into the room reserved for it: never a string, never base64.
   */
  async function stageUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawName = req.headers[HTTP_FILE_NAME_HEADER];
    const name = FileName.safeParse(typeof rawName === 'string' ? safeDecode(rawName) : null);
    if (!name.success) {
      refuseBody(req, res, 400, { code: 'VALIDATION', message: "An upload needs the file's name." });
      return;
    }
    const length = Number(req.headers['content-length']);
    if (req.headers['content-length'] === undefined || !Number.isSafeInteger(length) || length < 0) {
      refuseBody(req, res, 411, { code: 'VALIDATION', message: `"${name.data}" was sent without its size.` });
      return;
    }
    let staged;
    try {
      staged = await options.backend.context.staging.putStream(name.data, length, req as AsyncIterable<Buffer>);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refuseBody(req, res, error.code === 'TOO_LARGE' ? 413 : 400, error.toJSON());
      return;
    }
    sendJson(res, 200, { ok: true, value: staged });
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) {
      res.writeHead(404).end();
      return;
    }
    let content: Buffer;
    let served = file;
    try {
      content = await readFile(file);
    } catch {
      // Client-side routes (#/…) never reach here; unknown paths get the app shell.
      served = join(options.rendererDir, 'index.html');
      if (extname(relative) !== '') {
        res.writeHead(404).end();
        return;
      }
      content = await readFile(served);
    }
    const type = MIME[extname(served)] ?? 'application/octet-stream';
    // The build names every file under assets/ by its content (index-CmCgEGqr.js), so a name never
    // changes meaning: the browser may keep it, and with it V8's compiled code, which it keeps only
    // for cached scripts; a reload then neither fetches nor compiles the first screen's scripts again.
    // The page itself (index.html, which names them) is asked for afresh every time.
    const immutable = served === file && file.startsWith(join(normalize(options.rendererDir), 'assets') + sep) && extname(served) !== '.html';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': immutable ? 'private, max-age=31536000, immutable' : 'no-store' };
    if (extname(served) === '.html') {
      headers['Content-Security-Policy'] = contentSecurityPolicy();
      headers['X-Frame-Options'] = 'DENY';
    }
    res.writeHead(200, headers);
    res.end(content);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    loginUrl: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}

/** The cookie a logged-in browser sends, or the token header (tests, scripts). */
function hasToken(req: IncomingMessage, token: string, cookieName: string): boolean {
  const header = req.headers[HTTP_TOKEN_HEADER];
  if (typeof header === 'string' && sameSecret(header, token)) return true;
  const cookie = readCookie(req.headers.cookie, cookieName);
  return cookie !== null && sameSecret(cookie, token);
}

/** Constant time, so response timing does not reveal how much of a guess was right. */
function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * What the bodies of all calls in flight may hold together: room for the two largest inline
 * files (base64, for scripts; the app stages files instead) and the open parts of a few calls.
 * Without it, eight 400 MB calls at once would hold over 3 GB.
 */
export const MAX_BUFFERED_BYTES = 768 * 1024 * 1024;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** What a browser without the cookie sees: where to get in, and nothing else. */
function sendLoginPage(res: ServerResponse, reason = ''): void {
  res.writeHead(401, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
  });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tickerline</title>` +
      `<style>body{color-scheme:light dark;font:16px/1.5 system-ui,sans-serif;max-width:34em;margin:15vh auto;padding:0 1em;color:#1f2933;background:#fff}` +
      `@media (prefers-color-scheme:dark){body{color:#e4e7eb;background:#16191d}}</style></head>` +
      `<body><h1>Tickerline</h1><p>${reason ? `${reason} ` : ''}Open the address Tickerline printed in the terminal.</p>` +
      `<p>It carries a key that changes each time Tickerline starts, so that no other program or user on this computer can see your data.</p></body></html>`,
  );
}

/** The body as text; 'too-large' past `limit`, 'busy' when `hold` (the server's budget) cannot take what arrived. */
async function readBody(req: IncomingMessage, limit: number, hold: (bytes: number) => boolean): Promise<string | 'too-large' | 'busy'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return 'too-large';
    if (!hold(size)) return 'busy';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Answers a request whose body will not be kept, at once, and closes the connection after it:
 * whatever of the body still arrives is discarded as it comes, never held.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, error: ApiError, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close', ...headers });
  res.end(JSON.stringify({ ok: false, error }));
  req.on('error', () => undefined);
  req.resume();
}

function forbidden(message: string): unknown {
  return { ok: false, error: { code: 'FORBIDDEN', message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
