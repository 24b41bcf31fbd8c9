import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../backend';
import type { UpdatesHost } from '../context';
import { tempBackend } from '../testing/temp-backend';

const open: (() => void)[] = [];
afterEach(() => {
  while (open.length > 0) open.pop()!();
});

/** A backend wired to a recording updater, as the desktop app wires its real one. */
function desktopBackend(ready = true): { backend: Backend; host: UpdatesHost & { checks: number; atStart: boolean; installs: number } } {
  const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-updates-'));
  const host = {
    installed: true,
    checks: 0,
    atStart: false,
    checkAtStart() {
      return this.atStart;
    },
    setCheckAtStart(on: boolean) {
      this.atStart = on;
    },
    check() {
      this.checks += 1;
    },
    installs: 0,
    status: () => ({ state: 'ready' as const, version: '0.4.0' }),
    install() {
      if (ready) this.installs += 1;
      return ready;
    },
  };
  const backend = createBackend({ dataDir, mode: 'test', appVersion: '0.3.0', updates: host });
  open.push(() => {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { backend, host };
}

describe('updates.* relay Settings to the desktop updater', () => {
  it('reads and changes the opt-in check at start, and starts a check', async () => {
    const { backend, host } = desktopBackend();
    expect(await backend.dispatch('updates.settings', {})).toEqual({ ok: true, value: { desktop: true, installed: true, checkAtStart: false, version: '0.3.0', status: { state: 'ready', version: '0.4.0' } } });
    expect(await backend.dispatch('updates.setCheckAtStart', { checkAtStart: true })).toEqual({ ok: true, value: { desktop: true, installed: true, checkAtStart: true, version: '0.3.0', status: { state: 'ready', version: '0.4.0' } } });
    expect(host.atStart).toBe(true);
    expect(await backend.dispatch('updates.check', {})).toEqual({ ok: true, value: { started: true } });
    expect(host.checks).toBe(1);
  });

  it('“Restart to update” installs a downloaded update, and says why not when none is ready', async () => {
    const { backend, host } = desktopBackend();
    expect(await backend.dispatch('updates.install', {})).toEqual({ ok: true, value: { started: true } });
    expect(host.installs).toBe(1);
    const none = desktopBackend(false);
    expect(await none.backend.dispatch('updates.install', {})).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'No update is ready to install. Help ▸ Check for Updates… downloads one first.', key: 'errors:updates.nothingReady' },
    });
    expect(none.host.installs).toBe(0);
  });

  it('rejects a malformed choice without touching the updater', async () => {
    const { backend, host } = desktopBackend();
    const result = await backend.dispatch('updates.setCheckAtStart', { checkAtStart: 'yes' });
    expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
    expect(host.atStart).toBe(false);
  });

  it('in browser mode there is no updater: Settings hides it, a change is refused with the reason', async () => {
    const backend = tempBackend();
    open.push(() => backend.dispose());
    expect(await backend.dispatch('updates.settings', {})).toEqual({ ok: true, value: { desktop: false, installed: false, checkAtStart: false, version: '0.0.0-test', status: { state: 'idle' } } });
    expect(await backend.dispatch('updates.check', {})).toEqual({ ok: true, value: { started: false } });
    const refused = await backend.dispatch('updates.setCheckAtStart', { checkAtStart: true });
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Browser mode has no automatic updates: update it with git pull and npm install.', key: 'errors:updates.browserMode' } });
    expect(await backend.dispatch('updates.install', {})).toEqual({ ok: true, value: { started: false } });
  });
});
