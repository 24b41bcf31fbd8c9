import { describe, expect, it } from 'vitest';
import { sandboxNotice } from './linux-sandbox';

describe('sandboxNotice', () => {
  it('says nothing where the sandbox is on, and on other systems', () => {
    expect(sandboxNotice({ platform: 'linux', appImage: '/home/anna/Applications/Tickerline-0.1.0.AppImage', noSandbox: false })).toBeNull();
    expect(sandboxNotice({ platform: 'darwin', appImage: undefined, noSandbox: true })).toBeNull();
    expect(sandboxNotice({ platform: 'win32', appImage: undefined, noSandbox: true })).toBeNull();
  });

  it('explains an AppImage the system kept from using user namespaces, and how to get the sandbox back', () => {
    const notice = sandboxNotice({ platform: 'linux', appImage: '/home/anna/Applications/Tickerline-0.1.0.AppImage', noSandbox: true });
    expect(notice?.message).toBe('Tickerline is running without the Chromium sandbox');
    expect(notice?.detail).toContain('does not let the AppImage use user namespaces (Ubuntu 24.04 and later restrict them)');
    expect(notice?.detail).toContain('AppArmor profile');
  });

  it('names a --no-sandbox given by hand for what it is', () => {
    expect(sandboxNotice({ platform: 'linux', appImage: undefined, noSandbox: true })?.detail).toMatch(/^Tickerline was started with --no-sandbox\./);
  });
});
