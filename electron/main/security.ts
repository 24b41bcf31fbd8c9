import { app, session, shell, type WebContents } from 'electron';
import { externalLinkTarget, mayNavigate } from './policy';

export { isAppOrigin } from './policy';

/**
 * Defence in depth for every web contents the app creates: no navigation away
 * from the app, no new windows (http/https links open in the system browser),
 * no webviews, no permissions such as camera or notifications. The decisions
 * themselves are pure functions in policy.ts.
 */
export function hardenApp(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!mayNavigate(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!mayNavigate(url, devServerUrl)) event.preventDefault();
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

/** Only web links leave the app; file:, javascript: and custom schemes never do. */
export function openExternalSafely(url: string): boolean {
  const target = externalLinkTarget(url);
  if (target === null) return false;
  void shell.openExternal(target);
  return true;
}
