import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '@backend/backend';
import { tempBackend } from '@backend/testing/temp-backend';
import { FIXTURES_DIR } from '../../test-support/fixtures';
import { firstFile, formatSize } from './recovery-page';
import { startWebServer, type WebServer } from './server';

let backend: ReturnType<typeof tempBackend>;
let web: WebServer;

beforeEach(async () => {
  backend = tempBackend();
  const rendererDir = join(backend.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  web = await startWebServer({ backend, rendererDir, token: 'test-token' });
});
afterEach(async () => {
  await web.close();
  backend.dispose();
});

/** Raw HTTP so the test controls Host and Origin exactly as an attacker could. */
function send(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, path: opts.path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${web.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** POST /api/stage with a raw body; a Content-Length unless the headers ask for chunks. */
const upload = (headers: Record<string, string>, body: Buffer, port = web.port): ReturnType<typeof send> =>
  new Promise((resolve, reject) => {
    const chunked = headers['transfer-encoding'] === 'chunked';
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/stage',
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, 'x-tickerline-token': 'test-token', ...(chunked ? {} : { 'content-length': String(body.length) }), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const call = (headers: Record<string, string>, body = '{}'): ReturnType<typeof send> =>
  send({ path: '/api/call/settings.get', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/`);
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers a call that carries the token', async () => {
    const res = await call({ 'x-tickerline-token': 'test-token', origin: `http://127.0.0.1:${web.port}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { baseCurrency: 'EUR', theme: 'system', locale: 'en-GB', language: 'system' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await call({})).status).toBe(401);
    expect((await call({ 'x-tickerline-token': 'test-tokem' })).status).toBe(401);
    expect(JSON.parse((await call({})).body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses calls from another origin even with the token', async () => {
    const res = await call({ 'x-tickerline-token': 'test-token', origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const res = await call({ 'x-tickerline-token': 'test-token', host: `evil.example:${web.port}` });
    expect(res.status).toBe(421);
    const page = await send({ path: '/', headers: { host: 'rebind.example' } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('test-token');
  });

  it('logs a browser in from the printed address: cookie set, redirected to the bare URL', async () => {
    expect(web.loginUrl).toBe(`http://127.0.0.1:${web.port}/?token=test-token`);
    const login = await send({ path: '/?token=test-token' });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const setCookie = (login.headers['set-cookie'] as string[] | undefined)?.[0] ?? '';
    expect(setCookie).toBe(`tickerline-${web.port}=test-token; HttpOnly; SameSite=Strict; Path=/`);
    const cookie = setCookie.split(';')[0] ?? '';

    const page = await send({ path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // The secret stays out of the page, where any script (or extension) could read it.
    expect(page.body).not.toContain('test-token');

    const api = await call({ cookie, origin: `http://127.0.0.1:${web.port}` });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ ok: true });
    const events = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: web.port, path: '/api/events', headers: { host: `127.0.0.1:${web.port}`, cookie } },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.destroy();
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(events).toBe(200);
  });

  it('shows only where to get in to a browser without the cookie, and refuses a wrong token', async () => {
    for (const res of [
      await send({ path: '/' }),
      await send({ path: '/assets/app.js' }),
      await send({ path: '/', headers: { cookie: `tickerline-${web.port}=test-tokem` } }),
      await send({ path: '/?token=test-tokem' }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toContain('Open the address Tickerline printed in the terminal');
      expect(res.body).not.toContain('test-token');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    // The cookie of a server on another port is not this server's.
    expect((await call({ cookie: 'tickerline-1=test-token' })).status).toBe(401);
    expect((await send({ path: '/api/events?token=test-token' })).status).toBe(401);
  });

  it('lets the browser keep the content-named files under assets/, never the page that names them', async () => {
    const rendererDir = join(backend.dataDir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'index-CmCgEGqr.js'), 'export {};');
    writeFileSync(join(rendererDir, 'app-shell.js'), 'export {};');
    const token = { 'x-tickerline-token': 'test-token' };
    const script = await send({ path: '/assets/index-CmCgEGqr.js', headers: token });
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/app-shell.js', '/assets/../index.html', '/charts']) {
      const res = await send({ path, headers: token });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // A missing asset is a 404, not the page under a cacheable name.
    expect((await send({ path: '/assets/gone-123.js', headers: token })).status).toBe(404);
  });

  it('answers a malformed percent-encoding with 400, not a server error', async () => {
    const page = await send({ path: '/%E0%A4%A', headers: { 'x-tickerline-token': 'test-token' } });
    expect(page.status).toBe(400);
    const api = await send({ path: '/api/call/settings%ZZget', method: 'POST', headers: { 'x-tickerline-token': 'test-token' }, body: '{}' });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers an oversized body with 413 and the limit', async () => {
    const small = await startWebServer({ backend, rendererDir: join(backend.dataDir, 'renderer'), token: 't', maxBodyBytes: 1024 });
    try {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: small.port, path: '/api/call/settings.get', method: 'POST', headers: { host: `127.0.0.1:${small.port}`, 'x-tickerline-token': 't' } },
          (r) => {
            let body = '';
            r.on('data', (c: Buffer) => (body += c.toString()));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end('x'.repeat(4096));
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error: { message: 'The request is larger than the 1 KiB a call may send.', details: { limitBytes: 1024 } } });
    } finally {
      await small.close();
    }
  });

  it("refuses a body over the method's schema limit with 413 and the limit, before reading it", async () => {
    const headers = { 'x-tickerline-token': 'test-token', 'content-type': 'application/json' };
    // prices.series takes {"securityId":n}: at most 40 bytes, plus 4,096 for formatting = 4,136.
    const limit = 40 + 4096;
    const over = await send({ path: '/api/call/prices.series', method: 'POST', headers, body: `{"securityId":1}${' '.repeat(limit - 16 + 1)}` });
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({
      ok: false,
      error: { code: 'TOO_LARGE', message: 'The request is larger than the 4 KiB a call may send.', details: { method: 'prices.series', limitBytes: limit } },
    });
    // Exactly at the limit it is read and answered (no such security: NOT_FOUND).
    const at = await send({ path: '/api/call/prices.series', method: 'POST', headers, body: `{"securityId":1}${' '.repeat(limit - 16)}` });
    expect(at.status).toBe(200);
    expect(JSON.parse(at.body)).toMatchObject({ ok: true, value: null });
    // A 100 MB body is refused on its announced size alone: the answer comes while not one byte of it was sent.
    const early = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: web.port, path: '/api/call/prices.series', method: 'POST', headers: { host: `127.0.0.1:${web.port}`, ...headers, 'content-length': String(100_000_000) } },
        (r) => {
          let body = '';
          r.on('data', (c: Buffer) => (body += c.toString()));
          r.on('end', () => {
            req.destroy();
            resolve({ status: r.statusCode ?? 0, body });
          });
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(early.status).toBe(413);
    expect(JSON.parse(early.body)).toMatchObject({ error: { code: 'TOO_LARGE', details: { limitBytes: limit } } });
  });

  it('holds at most its budget of call bodies at once: a call that would pass it is asked to come back (503)', async () => {
    const budgeted = await startWebServer({ backend, rendererDir: join(backend.dataDir, 'renderer'), token: 't', maxBufferedBytes: 10_000 });
    const post = (length: number, body?: string) => {
      let answered: (r: { status: number; body: string; retryAfter: unknown }) => void = () => undefined;
      const response = new Promise<{ status: number; body: string; retryAfter: unknown }>((resolve) => (answered = resolve));
      const req = request(
        {
          host: '127.0.0.1',
          port: budgeted.port,
          path: '/api/call/news.create',
          method: 'POST',
          headers: { host: `127.0.0.1:${budgeted.port}`, 'x-tickerline-token': 't', 'content-length': String(length) },
        },
        (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => answered({ status: r.statusCode ?? 0, body: text, retryAfter: r.headers['retry-after'] }));
        },
      );
      req.on('error', () => undefined);
      if (body !== undefined) req.end(body);
      else req.flushHeaders();
      return { req, response };
    };
    try {
      // 6,000 bytes announced and still arriving: they count against the 10,000.
      const slow = post(6_000);
      const head = '{"headline":"x"';
      slow.req.write(head);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // 6,000 + 6,000 = 12,000 > 10,000: refused at once, with a hint to retry.
      const second = await post(6_000, `{}${' '.repeat(5_998)}`).response;
      expect(second.status).toBe(503);
      expect(second.retryAfter).toBe('1');
      expect(JSON.parse(second.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', details: { method: 'news.create', limitBytes: 10_000 } } });
      // The first call completes (its input is not a valid news item: answered, 200 with VALIDATION) and gives its bytes back.
      slow.req.end(`}${' '.repeat(6_000 - head.length - 1)}`);
      expect((await slow.response).status).toBe(200);
      const third = await post(6_000, `{}${' '.repeat(5_998)}`).response;
      expect(third.status).toBe(200);
      expect(JSON.parse(third.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      await budgeted.close();
    }
  });

  it('stages a file uploaded as raw bytes, which a preview then names by id', async () => {
    const bytes = readFileSync(join(FIXTURES_DIR, 'prices', 'yahoo-download_JD.csv'));
    const up = await upload({ 'x-tickerline-file-name': encodeURIComponent('JD – daily.csv') }, bytes);
    expect(up.status).toBe(200);
    const staged = (JSON.parse(up.body) as { value: { stagedId: string; fileName: string; sizeBytes: number } }).value;
    // 55,643 bytes (wc -c); the name arrives decoded.
    expect([staged.fileName, staged.sizeBytes]).toEqual(['JD – daily.csv', 55_643]);
    const preview = await send({ path: '/api/call/prices.preview', method: 'POST', headers: { 'x-tickerline-token': 'test-token' }, body: JSON.stringify({ stagedId: staged.stagedId }) });
    // A header and 800 rows.
    expect((JSON.parse(preview.body) as { value: { stats: { valid: number } } }).value.stats.valid).toBe(800);
  });

  it('refuses an upload over the staging limit with 413 before reading it, and one without a name or size', async () => {
    const capped = createBackend({ dataDir: join(backend.dataDir, 'capped'), mode: 'test', appVersion: '0', staging: { maxFileBytes: 1000, maxTotalBytes: 1500 } });
    const small = await startWebServer({ backend: capped, rendererDir: join(backend.dataDir, 'renderer'), token: 'test-token' });
    const to = small.port;
    try {
      const big = await upload({ 'x-tickerline-file-name': 'big.csv' }, Buffer.alloc(1001, 65), to);
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', details: { file: 'big.csv', limitBytes: 1000 } } });
      // 800 staged + 800 more = 1,600 > 1,500: the staging area is full.
      expect((await upload({ 'x-tickerline-file-name': 'a.csv' }, Buffer.alloc(800, 65), to)).status).toBe(200);
      const full = await upload({ 'x-tickerline-file-name': 'b.csv' }, Buffer.alloc(800, 65), to);
      expect(full.status).toBe(413);
      expect(JSON.parse(full.body)).toMatchObject({ error: { code: 'TOO_LARGE', details: { limitBytes: 1500, heldBytes: 800 } } });
      expect((await upload({}, Buffer.alloc(10, 65), to)).status).toBe(400);
      expect((await upload({ 'x-tickerline-file-name': 'c.csv', 'transfer-encoding': 'chunked' }, Buffer.alloc(10, 65), to)).status).toBe(411);
    } finally {
      await small.close();
      capped.close();
    }
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await send({ path: '/..%2F..%2Ftickerline.sqlite', headers: { 'x-tickerline-token': 'test-token' } });
    expect(res.status).toBe(404);
  });

  it('rejects a body that is not JSON with a typed error', async () => {
    const res = await call({ 'x-tickerline-token': 'test-token' }, '{nope');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('browser mode over a damaged database', () => {
  it('shows the recovery page, restores an automatic copy from it and then serves the app', async () => {
    // A sound copy from an earlier upgrade, then the live file damaged (cut to its first page).
    const made = await backend.dispatch('settings.update', { baseCurrency: 'GBP' });
    expect(made.ok).toBe(true);
    const copy = await backend.dispatch('backup.create', {});
    if (!copy.ok) throw new Error(copy.error.message);
    const bytes = Buffer.from((copy.value as { contentBase64: string }).contentBase64, 'base64');
    await web.close();
    backend.close();
    const dataDir = backend.dataDir;
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    writeFileSync(join(dataDir, 'backups', 'before-v6-20261120-101500-000.sqlite'), bytes);
    const live = join(dataDir, 'tickerline.sqlite');
    writeFileSync(live, readFileSync(live).subarray(0, 4096));

    const damaged = createBackend({ dataDir, mode: 'test', appVersion: '0' });
    web = await startWebServer({ backend: damaged, rendererDir: join(dataDir, 'renderer'), token: 'test-token' });
    try {
      const auth = { 'x-tickerline-token': 'test-token' };
      const page = await send({ path: '/', headers: auth });
      expect(page.status).toBe(503);
      expect(page.body).toContain('Tickerline cannot open your database');
      expect(page.body).toContain(live);
      expect(page.body).toContain('2026-11-20 10:15 UTC');
      expect(page.body).toContain(formatSize(bytes.length));
      // Without the cookie the recovery page is as closed as the app.
      expect((await send({ path: '/' })).body).not.toContain(live);
      // Another site's form cannot trigger a restore.
      const forged = await send({ path: '/recovery/fresh', method: 'POST', headers: { ...auth, origin: 'https://evil.example' }, body: '' });
      expect(forged.status).toBe(403);

      const restored = await send({
        path: '/recovery/restore',
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded', origin: `http://127.0.0.1:${web.port}` },
        body: 'fileName=before-v6-20261120-101500-000.sqlite',
      });
      expect(restored.status).toBe(303);
      expect(damaged.recovery).toBeNull();
      expect(JSON.parse((await call(auth)).body)).toMatchObject({ ok: true, value: { baseCurrency: 'GBP' } });
      expect((await send({ path: '/', headers: auth })).status).toBe(200);
      expect(readdirSync(dataDir).filter((n) => n.startsWith('tickerline-damaged-'))).toHaveLength(1);
    } finally {
      damaged.close();
    }
  });

  it('reads the picked file out of a multipart form', () => {
    const body = Buffer.from(
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="mine.sqlite"\r\nContent-Type: application/octet-stream\r\n\r\nSQLite\r\nbytes\r\n--XyZ--\r\n',
    );
    const file = firstFile('multipart/form-data; boundary=XyZ', body);
    expect(file?.fileName).toBe('mine.sqlite');
    expect(file?.bytes.toString()).toBe('SQLite\r\nbytes');
    expect(firstFile('multipart/form-data', body)).toBeNull();
  });
});
