import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real Electron cannot load in Node: the module is replaced by recorders.
const recorded = vi.hoisted(() => ({
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  openExternal: vi.fn(async () => undefined),
}));
vi.mock('electron', () => ({
  app: {
    on: (event: string, listener: (...args: unknown[]) => void) => recorded.appListeners.set(event, listener),
    whenReady: () => new Promise(() => undefined),
  },
  session: { defaultSession: {} },
  shell: { openExternal: recorded.openExternal },
}));

const { hardenApp } = await import('./security');
const { externalLinkTarget, isAppOrigin, mayNavigate } = await import('./policy');
const { secureWebPreferences } = await import('./window-prefs');

/** A stand-in WebContents that records the handlers hardenApp installs. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => (windowOpen = fn),
    /** true when the app blocked the event */
    fire(name: string, url = ''): boolean {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open: (url: string) => windowOpen?.({ url }),
  };
}

describe('window preferences', () => {
  it('isolate and sandbox the page, with no Node anywhere', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });
});

describe('navigation and new windows', () => {
  beforeEach(() => {
    recorded.appListeners.clear();
    recorded.openExternal.mockClear();
  });

  it('decides: only our origin may be navigated to or call the backend', () => {
    expect(mayNavigate('app://tickerline/index.html#/news', undefined)).toBe(true);
    expect(mayNavigate('https://evil.example/', undefined)).toBe(false);
    expect(mayNavigate('app://tickerline.evil/', undefined)).toBe(false);
    expect(mayNavigate('file:///etc/passwd', undefined)).toBe(false);
    expect(mayNavigate('javascript:alert(1)', undefined)).toBe(false);
    expect(mayNavigate('data:text/html,<b>x</b>', undefined)).toBe(false);
    expect(mayNavigate('not a url', undefined)).toBe(false);
    expect(mayNavigate('http://localhost:5173/#/charts', 'http://localhost:5173')).toBe(true);
    expect(mayNavigate('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppOrigin('app://tickerline/', undefined)).toBe(true);
    expect(isAppOrigin('http://127.0.0.1:1234/', undefined)).toBe(false);
  });

  it('decides: only http(s) links leave the app, to the system browser', () => {
    expect(externalLinkTarget('https://www.hkex.com.hk/')).toBe('https://www.hkex.com.hk/');
    expect(externalLinkTarget('http://example.com/a?b=1')).toBe('http://example.com/a?b=1');
    for (const bad of ['file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://host/share', 'ms-settings:', 'app://tickerline/', 'https://user:pw@example.com/', '']) {
      expect(externalLinkTarget(bad)).toBeNull();
    }
  });

  it('wires those decisions to every web contents the app creates', () => {
    hardenApp(undefined);
    const created = recorded.appListeners.get('web-contents-created');
    expect(created).toBeDefined();
    const contents = fakeContents();
    created?.({}, contents);

    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://tickerline/index.html')).toBe(false);
    expect(contents.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);

    expect(contents.open('https://example.com/news/1')).toEqual({ action: 'deny' });
    expect(recorded.openExternal).toHaveBeenCalledWith('https://example.com/news/1');
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.open('app://tickerline/index.html')).toEqual({ action: 'deny' });
    expect(recorded.openExternal).toHaveBeenCalledTimes(1);
  });
});
