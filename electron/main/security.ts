import { app, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './protocol';

/**
 * Defence in depth for every web contents the app creates: no navigation away
 * from the app, no new windows (http/https links open in the system browser),
 * no webviews, no permissions such as camera or notifications.
 */
export function hardenApp(devServerUrl: string | undefined): void {
  const allowedOrigins = new Set([APP_ORIGIN]);
  if (devServerUrl) allowedOrigins.add(new URL(devServerUrl).origin);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowedOrigins.has(safeOrigin(url))) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowedOrigins.has(safeOrigin(url))) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });

  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  }).catch(() => undefined);
}

export function isAppOrigin(url: string, devServerUrl: string | undefined): boolean {
  const origin = safeOrigin(url);
  return origin === APP_ORIGIN || (devServerUrl !== undefined && origin === new URL(devServerUrl).origin);
}

/** Only web links leave the app; file:, javascript: and custom schemes never do. */
export function openExternalSafely(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  void shell.openExternal(parsed.toString());
  return true;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid:';
  }
}
