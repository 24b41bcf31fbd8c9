import { join } from 'node:path';
import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ORIGIN } from './protocol';
import { loadWindowState, trackWindowState } from './window-state';
import { secureWebPreferences } from './window-prefs';

export interface WindowOptions {
  dataDir: string;
  preloadFile: string;
  devServerUrl: string | undefined;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const state = loadWindowState(options.dataDir);
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Tickerline',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#14161a' : '#f7f7f5',
    webPreferences: secureWebPreferences(options.preloadFile, options.devServerUrl !== undefined),
  });
  trackWindowState(win, options.dataDir);
  // Maximising before the first paint shows an empty frame; after ready-to-show it does not.
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.cjs');
}
