import { mainT, type MainT } from './i18n';

/**
 * Chromium's sandbox on Linux needs unprivileged user namespaces, which Ubuntu 24.04+
 * restricts to programs with an AppArmor profile. The deb installs one (electron-builder's
 * after-install script), so the sandbox stays on. An AppImage cannot: its launcher
 * (electron-builder's AppRun) tests `unshare -Ur true` and only where that fails starts
 * Chromium with --no-sandbox instead of letting it abort. That is detected here and said
 * out loud (log + one notice), never done silently; README "Linux" shows the profile that
 * turns the sandbox back on.
 */
export interface SandboxFacts {
  platform: NodeJS.Platform;
  /** $APPIMAGE, set by the AppImage runtime to the image's path. */
  appImage: string | undefined;
  /** Whether Chromium was started with --no-sandbox. */
  noSandbox: boolean;
}

export function sandboxNotice(facts: SandboxFacts, t: MainT = mainT()): { message: string; detail: string } | null {
  if (facts.platform !== 'linux' || !facts.noSandbox) return null;
  const how = facts.appImage ? t('main:sandbox.appImage') : t('main:sandbox.flag');
  return { message: t('main:sandbox.message'), detail: t('main:sandbox.detail', { how }) };
}
