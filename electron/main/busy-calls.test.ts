import { describe, expect, it } from 'vitest';
import { BusyCalls, quitStep } from './busy-calls';
import { sandboxNotice } from './linux-sandbox';

describe('quitting while calls run', () => {
  it('quits at once when idle, waits silently for short calls, asks about imports and restores', () => {
    expect(quitStep([])).toBe('quit');
    expect(quitStep(['holdings.list', 'settings.get'])).toBe('wait');
    expect(quitStep(['holdings.list', 'prices.import'])).toBe('ask');
    expect(quitStep(['transactions.import'])).toBe('ask');
    expect(quitStep(['backup.restore'])).toBe('ask');
    expect(quitStep(['demo.load'])).toBe('ask');
  });

  it('tracks running calls and resolves idle() when the last one ends', async () => {
    const busy = new BusyCalls();
    await busy.idle(); // nothing running: at once
    const a = busy.start('prices.import');
    const b = busy.start('system.info');
    expect(busy.methods()).toEqual(['prices.import', 'system.info']);
    let idle = false;
    const waiting = busy.idle().then(() => {
      idle = true;
    });
    a();
    await Promise.resolve();
    expect(idle).toBe(false);
    b();
    await waiting;
    expect(idle).toBe(true);
    expect(busy.methods()).toEqual([]);
  });
});

describe('Linux sandbox notice', () => {
  it('speaks only on Linux without the sandbox, naming the AppImage case', () => {
    expect(sandboxNotice({ platform: 'linux', appImage: undefined, noSandbox: false })).toBeNull();
    expect(sandboxNotice({ platform: 'win32', appImage: undefined, noSandbox: true })).toBeNull();
    expect(sandboxNotice({ platform: 'linux', appImage: '/home/a/Tickerline.AppImage', noSandbox: true })?.detail).toContain('AppImage');
    expect(sandboxNotice({ platform: 'linux', appImage: undefined, noSandbox: true })?.detail).toContain('--no-sandbox');
  });
});
