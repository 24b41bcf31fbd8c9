import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const scan = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'security-scan.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('security scan (electronegativity)', () => {
  it('passes on our Electron code, with every high/medium finding explained', { timeout: 120_000 }, () => {
    const result = scan();
    expect(result.stdout).toContain('Security scan passed');
    expect(result.stdout).not.toContain('BLOCKING');
    expect(result.status).toBe(0);
  });

  it('fails on a window that turns isolation and the sandbox off', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickerline-scan-'));
    try {
      writeFileSync(
        join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });\n",
      );
      const result = scan(dir);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/BLOCKING HIGH +CONTEXT_ISOLATION_JS_CHECK/);
      expect(result.stdout).toMatch(/BLOCKING MEDIUM +SANDBOX_JS_CHECK/);
      expect(result.stderr).toContain('high or medium finding(s) without a reason');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
