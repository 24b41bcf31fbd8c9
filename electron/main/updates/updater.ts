import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { AppUpdater, ProgressInfo } from 'electron-updater';
import type { UpdateStatus } from '@shared/api/updates';
import type { LogFile } from '../log-file';
import { mainT, type MainT } from '../i18n';
import {
  afterAnswer,
  channelOf,
  installButtons,
  offerButtons,
  offerAnswer,
  offerFor,
  progressTitle,
  releaseNotesText,
  shouldCheckAtStart,
  type CheckTrigger,
  type UpdatePreferences,
} from './policy';
import { loadPreferences, savePreferences } from './preferences';

/**
 * Updates from the GitHub releases feed (electron-builder.yml `publish`) through
 * electron-updater, always asked: Help ▸ Check for Updates…, or once a day at start
 * when the user opted in. Nothing downloads before the user says Download; progress
 * shows in the title bar and the taskbar; before installing, the running calls finish
 * and the database closes (prepareForInstall). The decisions are in policy.ts.
 */
export interface UpdaterDeps {
  dataDir: string;
  currentVersion: string;
  isPackaged: boolean;
  window(): BrowserWindow | undefined;
  log: LogFile;
  /** Waits for running calls and closes the database; quitting may then go ahead. */
  prepareForInstall(): Promise<void>;
  /** Told when the check-at-start choice changes (menu checkbox, a dialog's box, Settings), so every place shows the same state. */
  onPreferencesChanged?: (prefs: UpdatePreferences) => void;
  /** Told when the download or install state changes (whole percents), for the window's notice. */
  onStatus?: (status: UpdateStatus) => void;
  now?: () => Date;
  /** The dialogs' language, read at each dialog (Settings ▸ Language may change in between); English when not given. */
  t?: () => MainT;
}

export interface Updater {
  check(trigger: CheckTrigger): Promise<void>;
  /** Called once the window shows: the opt-in daily check. */
  checkAtStartIfDue(): void;
  checkAtStart(): boolean;
  setCheckAtStart(on: boolean): void;
  toggleCheckAtStart(): void;
  status(): UpdateStatus;
  /**
   * "Restart to update" in the window, for an update the user chose to install at quit:
   * false when none is ready. The install starts after the current call has answered.
   */
  installNow(): boolean;
}

export function createUpdater(deps: UpdaterDeps): Updater {
  const text = (): MainT => deps.t?.() ?? mainT();
  const now = deps.now ?? (() => new Date());
  let prefs = loadPreferences(deps.dataDir);
  let busy: 'checking' | 'downloading' | null = null;
  let loaded: AppUpdater | undefined;
  let status: UpdateStatus = { state: 'idle' };

  const report = (next: UpdateStatus): void => {
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    deps.onStatus?.(next);
  };

  const remember = (next: UpdatePreferences): void => {
    const changed = next.checkAtStart !== prefs.checkAtStart;
    prefs = next;
    savePreferences(deps.dataDir, next);
    if (changed) deps.onPreferencesChanged?.(next);
  };

  const ask = async (options: MessageBoxOptions): Promise<{ response: number; checkboxChecked: boolean }> => {
    const win = deps.window();
    return win && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  };

  const updater = async (): Promise<AppUpdater> => {
    if (loaded) return loaded;
    // Loaded on first use: electron-updater reads the app's update config (app-update.yml) when created.
    const { default: module } = await import('electron-updater');
    const instance = module.autoUpdater;
    instance.autoDownload = false;
    instance.autoInstallOnAppQuit = false;
    instance.allowPrerelease = channelOf(deps.currentVersion) !== 'latest';
    instance.allowDowngrade = false;
    instance.logger = {
      info: (message?: unknown) => deps.log.info(`updater: ${String(message)}`),
      warn: (message?: unknown) => deps.log.info(`updater warning: ${String(message)}`),
      error: (message?: unknown) => deps.log.error('updater', message),
    };
    loaded = instance;
    return instance;
  };

  const showProgress = (fraction: number | null): void => {
    const win = deps.window();
    if (!win || win.isDestroyed()) return;
    win.setProgressBar(fraction === null ? -1 : fraction);
    win.setTitle(fraction === null ? 'Tickerline' : progressTitle(fraction * 100, text()));
  };

  const install = async (instance: AppUpdater): Promise<void> => {
    await deps.prepareForInstall();
    instance.quitAndInstall();
  };

  const download = async (instance: AppUpdater, version: string): Promise<void> => {
    busy = 'downloading';
    const onProgress = (progress: ProgressInfo): void => {
      showProgress(progress.percent / 100);
      report({ state: 'downloading', version, percent: Math.max(0, Math.min(100, Math.floor(progress.percent))) });
    };
    instance.on('download-progress', onProgress);
    showProgress(0);
    report({ state: 'downloading', version, percent: 0 });
    try {
      await instance.downloadUpdate();
    } finally {
      instance.removeListener('download-progress', onProgress);
      showProgress(null);
      busy = null;
      report({ state: 'idle' });
    }
    deps.log.info(`updater: ${version} downloaded`);
    const t = text();
    const { response } = await ask({
      type: 'info',
      message: t('main:updates.ready', { version }),
      detail: t('main:updates.readyDetail'),
      buttons: installButtons(t),
      defaultId: 0,
      cancelId: 1,
    });
    if (response === 0) {
      await install(instance);
    } else {
      // Installed when the user quits; the database closes first (will-quit runs before electron-updater's quit handler).
      instance.autoInstallOnAppQuit = true;
      report({ state: 'ready', version });
    }
  };

  const check = async (trigger: CheckTrigger): Promise<void> => {
    const t = text();
    const ok = [t('main:updates.ok')];
    if (busy !== null) {
      if (trigger === 'menu') await ask({ type: 'info', message: busy === 'downloading' ? t('main:updates.downloading') : t('main:updates.checking'), buttons: ok });
      return;
    }
    if (!deps.isPackaged) {
      if (trigger === 'menu') {
        await ask({ type: 'info', message: t('main:updates.sourceOnly'), detail: t('main:updates.sourceOnlyDetail'), buttons: ok });
      }
      return;
    }
    busy = 'checking';
    let available: string;
    let notes: string;
    let instance: AppUpdater;
    try {
      instance = await updater();
      remember({ ...prefs, lastCheckAt: now().toISOString() });
      const result = await instance.checkForUpdates();
      available = result?.updateInfo.version ?? deps.currentVersion;
      notes = releaseNotesText(result?.updateInfo.releaseNotes);
    } catch (error) {
      deps.log.error(`update check (${trigger}) failed`, error);
      if (trigger === 'menu') {
        await ask({ type: 'warning', message: t('main:updates.checkFailed'), detail: t('main:updates.checkFailedDetail'), buttons: ok });
      }
      return;
    } finally {
      busy = null;
    }

    const offer = offerFor(deps.currentVersion, available, trigger, prefs);
    deps.log.info(`updater: ${trigger} check found ${available} (${offer.kind})`);
    if (offer.kind === 'skipped') return;
    if (offer.kind === 'up-to-date' || offer.kind === 'invalid') {
      if (trigger === 'startup') return;
      const { checkboxChecked } = await ask({
        type: 'info',
        message: t('main:updates.upToDate'),
        detail: t('main:updates.upToDateDetail', { version: deps.currentVersion }),
        buttons: ok,
        checkboxLabel: t('main:updates.checkbox'),
        checkboxChecked: prefs.checkAtStart,
      });
      remember({ ...prefs, checkAtStart: checkboxChecked });
      return;
    }
    const { response, checkboxChecked } = await ask({
      type: 'info',
      message: t('main:updates.available', { version: offer.version }),
      detail: `${t('main:updates.youHave', { version: deps.currentVersion })}${notes ? `\n\n${notes}` : ''}`,
      buttons: offerButtons(t),
      defaultId: 0,
      cancelId: 2,
      checkboxLabel: t('main:updates.checkbox'),
      checkboxChecked: prefs.checkAtStart,
    });
    const answer = offerAnswer(response);
    remember(afterAnswer(prefs, offer.version, answer, checkboxChecked));
    if (answer !== 'download') return;
    try {
      await download(instance, offer.version);
    } catch (error) {
      deps.log.error('update download failed', error);
      await ask({ type: 'warning', message: t('main:updates.downloadFailed'), detail: t('main:updates.downloadFailedDetail'), buttons: ok });
    }
  };

  return {
    check,
    checkAtStartIfDue: () => {
      if (shouldCheckAtStart(prefs, now(), deps.isPackaged)) void check('startup');
    },
    checkAtStart: () => prefs.checkAtStart,
    status: () => status,
    installNow: () => {
      if (status.state !== 'ready' || !loaded) return false;
      const instance = loaded;
      void install(instance).catch((error: unknown) => deps.log.error('update install failed', error));
      return true;
    },
    setCheckAtStart: (on) => remember({ ...prefs, checkAtStart: on }),
    toggleCheckAtStart: () => remember({ ...prefs, checkAtStart: !prefs.checkAtStart }),
  };
}
