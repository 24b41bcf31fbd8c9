import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempBackend } from '@backend/testing/temp-backend';
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
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { baseCurrency: 'EUR', theme: 'system', locale: 'en-GB' } });
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

  it('serves the app with a strict CSP and hands the page its token', async () => {
    const res = await send({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.body).toContain('<meta name="tickerline-token" content="test-token" />');
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await send({ path: '/..%2F..%2Ftickerline.sqlite' });
    expect(res.status).toBe(404);
  });

  it('rejects a body that is not JSON with a typed error', async () => {
    const res = await call({ 'x-tickerline-token': 'test-token' }, '{nope');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
