import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER } from '@shared/api/transport';
import type { Backend } from '@backend/backend';
import { contentSecurityPolicy } from '@backend/csp';

export interface WebServerOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random one per run otherwise. */
  token?: string;
  maxBodyBytes?: number;
}

export interface WebServer {
  url: string;
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
 * only. Every API request must carry the per-run token (handed to the page in
 * index.html) and come with our own Host and Origin, which defeats DNS
 * rebinding and cross-site requests from other pages in the same browser.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 512 * 1024 * 1024;
  const sseClients = new Set<ServerResponse>();
  let port = 0;

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
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) {
        sendJson(res, 403, forbidden('Requests from other web pages are refused.'));
        return;
      }
      if (!hasToken(req, url, token)) {
        sendJson(res, 401, forbidden('Missing or wrong access token. Open the address Tickerline printed.'));
        return;
      }
      if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') {
        openEventStream(res);
        return;
      }
      if (url.pathname.startsWith(HTTP_CALL_PREFIX) && req.method === 'POST') {
        const method = decodeURIComponent(url.pathname.slice(HTTP_CALL_PREFIX.length));
        const body = await readBody(req, maxBody);
        if (body === null) {
          sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'The request is too large.' } });
          return;
        }
        let input: unknown;
        try {
          input = body.length === 0 ? {} : (JSON.parse(body) as unknown);
        } catch {
          sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } });
          return;
        }
        const result = await options.backend.dispatch(method, input);
        sendJson(res, 200, result);
        return;
      }
      sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'No such API route.' } });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    await serveStatic(url.pathname, res);
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
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
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
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    if (extname(served) === '.html') {
      headers['Content-Security-Policy'] = contentSecurityPolicy();
      headers['X-Frame-Options'] = 'DENY';
      content = Buffer.from(
        content
          .toString('utf8')
          .replace('</head>', `<meta name="tickerline-token" content="${token}" />\n</head>`),
      );
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

function hasToken(req: IncomingMessage, url: URL, token: string): boolean {
  // EventSource cannot set headers, so the stream alone may pass it in the query.
  const header = req.headers[HTTP_TOKEN_HEADER];
  const given = typeof header === 'string' ? header : url.pathname === HTTP_EVENTS_PATH ? url.searchParams.get('token') : null;
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function forbidden(message: string): unknown {
  return { ok: false, error: { code: 'FORBIDDEN', message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
