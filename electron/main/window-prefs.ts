import type { WebPreferences } from 'electron';

/**
 * The only webPreferences any Tickerline window gets: the page runs sandboxed
 * and isolated, with no Node and no way to load insecure content. The preload
 * exposes just `window.tickerline = { call, on }`.
 */
export function secureWebPreferences(preloadFile: string, allowDevTools: boolean): WebPreferences {
  return {
    preload: preloadFile,
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
    // Middle-click would try to open a new window; the open handler denies it anyway.
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    spellcheck: false,
    devTools: allowDevTools,
  };
}
