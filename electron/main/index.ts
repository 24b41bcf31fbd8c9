import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, shell, type OpenDialogOptions } from 'electron';
import { createBackend, type Backend } from '@backend/backend';
import { IMPORT_COMMANDS, type AppCommand } from '@shared/api/commands';
import { dataDirOverride } from '@backend/data-dir';
import { Settings } from '@shared/api/settings';
import { resolveLanguage, type Language } from '@shared/i18n/languages';
import { makePrivateFile } from '@backend/data-folder/private';
import { quitStep, type BusyCalls } from './busy-calls';
import { importDialogOptions, restoreDialogOptions, saveDialogFor, skippedLine, stagePickedFiles } from './dialogs';
import { mainT, type MainT } from './i18n';
import { bindIpc, forwardEvents } from './ipc';
import { sandboxNotice } from './linux-sandbox';
import { openLogFile, type LogFile } from './log-file';
import { recoverDamagedDatabase } from './recovery';
import { buildMenu, type MenuActions, type MenuCommand } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenApp } from './security';
import { createUpdater } from './updates/updater';
import { createMainWindow, preloadPath } from './window';

const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

// Tests and power users point the app at another data folder; this must be set
// before 'ready' so Electron's own files (cache, local storage) go there too.
// The value is made absolute first (`~` expanded, as browser mode does): setPath
// throws on a relative path, which would stop start-up before any window exists.
/** The main process's text in Settings ▸ Language: English until the app is ready, then the OS's until settings are read. */
let t: MainT = mainT();
const chosenDataDir = dataDirOverride(process.argv, process.env);
const dataDirProblem = chosenDataDir === undefined ? undefined : unusableFolder(chosenDataDir);
if (chosenDataDir !== undefined && dataDirProblem === undefined) app.setPath('userData', chosenDataDir);

registerAppScheme();
hardenApp(devServerUrl);

let backend: Backend | undefined;
let busy: BusyCalls | undefined;
let log: LogFile | undefined;
let mainWindow: BrowserWindow | undefined;
/** Set once running calls have finished and quitting may close the database. */
let quitApproved = false;
let quitPending = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    // On macOS the app outlives its window; a second launch then opens one again.
    if (!mainWindow) {
      if (app.isReady() && backend) mainWindow = openMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(() => {
    t = mainT(systemLanguage());
    if (dataDirProblem !== undefined) {
      dialog.showErrorBox(
        t('main:start.folderTitle'),
        t('main:start.folderDetail', { folder: chosenDataDir ?? '', problem: t('main:start.folderProblem', { code: dataDirProblem }) }),
      );
      app.exit(1);
      return;
    }
    return start();
  }).catch((error: unknown) => {
    log?.error('start-up failed', error);
    dialog.showErrorBox(t('main:start.failed'), error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  const logFile = openLogFile(dataDir);
  log = logFile;
  logFile.info(`Tickerline ${app.getVersion()} starting (${process.platform} ${process.arch}, Electron ${process.versions.electron ?? 'n/a'})`);
  backend = createBackend({
    dataDir,
    mode: 'desktop',
    appVersion: app.getVersion(),
    warmUp: true,
    releaseMemoryWhenIdle: true,
    log: (error) => logFile.error('backend call failed', error),
    // Settings reaches the updater (created below, used only after start-up) through these.
    updates: {
      installed: app.isPackaged,
      checkAtStart: () => updater.checkAtStart(),
      setCheckAtStart: (on) => updater.setCheckAtStart(on),
      status: () => updater.status(),
      install: () => updater.installNow(),
      check: () => void updater.check('menu').catch((error: unknown) => logFile.error('update check failed', error)),
    },
  });
  if (backend.recovery !== null) {
    logFile.error('database failed its start-up check', new Error(backend.recovery.problem));
    if (!(await recoverDamagedDatabase(backend, dialog, join(dataDir, 'backups'), t))) {
      backend.close();
      app.exit(1);
      return;
    }
  }
  serveRenderer(join(mainDir, '..', 'renderer'));
  busy = bindIpc(backend, devServerUrl);
  forwardEvents(backend, () => BrowserWindow.getAllWindows());

  const sendCommand = (command: MenuCommand): void => {
    backend?.context.emit('app.command', { command });
  };
  // Native open dialogs run here, so the page never sees or chooses a path on disk.
  const pickAndSend = async (command: AppCommand, options: OpenDialogOptions): Promise<void> => {
    const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
    const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    if (choice.canceled || choice.filePaths.length === 0) return;
    // Each picked file is read once, straight into the backend's staging area; the page gets ids.
    if (!backend) return;
    const { files, skipped } = await stagePickedFiles(choice.filePaths, backend.context.staging);
    if (skipped.length > 0) {
      void dialog.showMessageBox({
        type: 'warning',
        message: t('main:skipped.title', { count: skipped.length }),
        detail: skipped.map((s) => skippedLine(s.fileName, s.reason, t)).join('\n'),
      });
    }
    if (files.length > 0) backend.context.emit('app.command', { command, staged: files });
  };
  const report = (error: unknown): void => {
    logFile.error('menu action failed', error);
    dialog.showErrorBox('Tickerline', error instanceof Error ? error.message : String(error));
  };
  const updater = createUpdater({
    dataDir,
    currentVersion: app.getVersion(),
    isPackaged: app.isPackaged,
    window: () => mainWindow,
    log: logFile,
    prepareForInstall: async () => {
      await busy?.idle();
      quitApproved = true;
      backend?.close();
      backend = undefined;
      logFile.info('closed the database to install an update');
    },
    t: () => t,
    // The menu's checkbox follows a choice made in Settings or in an update dialog.
    onPreferencesChanged: (prefs) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById('updates-at-start');
      if (item) item.checked = prefs.checkAtStart;
    },
    onStatus: (status) => backend?.context.emit('updates.status', status),
  });
  const menuActions: MenuActions = {
    command: sendCommand,
    importFiles: (kind) => void pickAndSend(IMPORT_COMMANDS[kind], importDialogOptions(kind, t)).catch(report),
    restore: () => void pickAndSend('restore', restoreDialogOptions(t)).catch(report),
    openDataFolder: () => void shell.openPath(dataDir),
    openLogsFolder: () => {
      mkdirSync(logFile.dir, { recursive: true });
      void shell.openPath(logFile.dir);
    },
    checkForUpdates: () => void updater.check('menu').catch(report),
    toggleUpdatesAtStart: () => updater.toggleCheckAtStart(),
    showAbout: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: t('main:about.title'),
        message: `Tickerline ${app.getVersion()}`,
        detail: t('main:about.detail', { dataDir }),
      });
    },
  };
  // The menu is built in the language of Settings ▸ Language and again whenever it changes.
  const applyLanguage = async (): Promise<void> => {
    const result = await backend?.dispatch('settings.get', {});
    const stored = result?.ok ? Settings.safeParse(result.value) : undefined;
    t = mainT(resolveLanguage(stored?.success ? stored.data.language : 'system', systemLocales()));
    Menu.setApplicationMenu(buildMenu(menuActions, { devTools: devServerUrl !== undefined, updatesAtStart: updater.checkAtStart(), t }));
  };
  backend.subscribe((event, payload) => {
    if (event === 'data.changed' && (payload as { topics: string[] }).topics.includes('settings')) {
      void applyLanguage().catch((error: unknown) => logFile.error('menu language change failed', error));
    }
  });
  // Backups and exports are downloads from the UI; a native save dialog asks where they go.
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSaveDialogOptions(saveDialogFor(item.getFilename(), t));
    // A backup or export holds the whole portfolio: owner-only wherever the user saves it.
    item.once('done', (_done, state) => {
      if (state === 'completed') makePrivateFile(item.getSavePath());
    });
  });
  await applyLanguage();

  mainWindow = openMainWindow();
  // The opt-in daily check waits for the window, so its question has a parent and never delays start-up.
  mainWindow.once('ready-to-show', () => updater.checkAtStartIfDue());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow();
  });
  tellAboutSandbox(dataDir, logFile);
}

/** The OS's preferred languages, for Settings ▸ Language ▸ System. */
function systemLocales(): string[] {
  return app.getPreferredSystemLanguages();
}

function systemLanguage(): Language {
  return resolveLanguage('system', systemLocales());
}

function openMainWindow(): BrowserWindow {
  const win = createMainWindow({ dataDir: app.getPath('userData'), preloadFile: preloadPath(mainDir), devServerUrl });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  return win;
}

/** Why a data folder cannot be used (cannot be created or written): the system's error code, worded by the dialog. */
function unusableFolder(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
    return code;
  }
}

/** A Linux start without the Chromium sandbox is logged each time and explained once. */
function tellAboutSandbox(dataDir: string, logFile: LogFile): void {
  const notice = sandboxNotice({ platform: process.platform, appImage: process.env.APPIMAGE, noSandbox: app.commandLine.hasSwitch('no-sandbox') }, t);
  if (notice === null) return;
  logFile.info(`${notice.message}. ${notice.detail}`);
  const marker = join(dataDir, 'logs', 'sandbox-notice-shown');
  if (existsSync(marker)) return;
  try {
    writeFileSync(marker, new Date().toISOString());
  } catch {
    // Then the notice shows again next time; harmless.
  }
  void dialog.showMessageBox({ type: 'warning', message: notice.message, detail: notice.detail });
}

/**
 * Quitting while the backend is working: a short call is waited for silently; a long
 * job (an import, a restore) makes the app ask, then finish the job before the
 * database closes. Until then the quit is held back (before-quit prevented).
 */
async function finishThenQuit(calls: BusyCalls): Promise<void> {
  if (quitStep(calls.methods()) === 'ask') {
    const parent = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
    const options = {
      type: 'question' as const,
      message: t('main:quit.message'),
      detail: t('main:quit.detail'),
      buttons: [t('main:quit.whenFinished'), t('main:quit.keepWorking')],
      defaultId: 0,
      cancelId: 1,
    };
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    if (response !== 0) {
      // Closing the last window started this quit; keeping on working needs a window again.
      if (BrowserWindow.getAllWindows().length === 0 && backend) mainWindow = openMainWindow();
      return;
    }
  }
  await calls.idle();
  log?.info('quitting after the running calls finished');
  quitApproved = true;
  app.quit();
}

app.on('before-quit', (event) => {
  if (quitApproved || busy === undefined || quitStep(busy.methods()) === 'quit') return;
  event.preventDefault();
  if (quitPending) return;
  quitPending = true;
  void finishThenQuit(busy)
    .catch((error: unknown) => log?.error('quit failed', error))
    .finally(() => {
      quitPending = false;
    });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  // Last: every call has finished (before-quit waited), so nothing writes after this.
  backend?.close();
  backend = undefined;
  log?.info('closed the database');
});
