import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, shell, type OpenDialogOptions } from 'electron';
import { createBackend, type Backend } from '@backend/backend';
import { IMPORT_COMMANDS, type AppCommand } from '@shared/api/commands';
import { DATA_DIR_ENV, argValue } from '@backend/data-dir';
import { importDialogOptions, readPickedFiles, restoreDialogOptions, saveDialogFor } from './dialogs';
import { bindIpc, forwardEvents } from './ipc';
import { buildMenu, type MenuCommand } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenApp } from './security';
import { createMainWindow, preloadPath } from './window';

const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

// Tests and power users point the app at another data folder; this must be set
// before 'ready' so Electron's own files (cache, cookies) go there too.
const dataDirOverride = argValue(process.argv, '--data-dir') ?? process.env[DATA_DIR_ENV];
if (dataDirOverride) app.setPath('userData', dataDirOverride);

registerAppScheme();
hardenApp(devServerUrl);

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Tickerline could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

function start(): void {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  backend = createBackend({ dataDir, mode: 'desktop', appVersion: app.getVersion() });
  serveRenderer(join(mainDir, '..', 'renderer'));
  bindIpc(backend, devServerUrl);
  forwardEvents(backend, () => BrowserWindow.getAllWindows());

  const sendCommand = (command: MenuCommand): void => {
    backend?.context.emit('app.command', { command });
  };
  // Native open dialogs run here; the picked files travel to the UI as base64,
  // so the page never sees or chooses a path on disk.
  const pickAndSend = async (command: AppCommand, options: OpenDialogOptions): Promise<void> => {
    const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
    const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    if (choice.canceled || choice.filePaths.length === 0) return;
    const { files, skipped } = readPickedFiles(choice.filePaths);
    if (skipped.length > 0) {
      void dialog.showMessageBox({
        type: 'warning',
        message: skipped.length === 1 ? 'One file was not opened' : `${skipped.length} files were not opened`,
        detail: skipped.map((s) => `${s.fileName} ${s.reason}.`).join('\n'),
      });
    }
    if (files.length > 0) backend?.context.emit('app.command', { command, files });
  };
  const report = (error: unknown): void => {
    dialog.showErrorBox('Tickerline', error instanceof Error ? error.message : String(error));
  };
  const menu = buildMenu({
    command: sendCommand,
    importFiles: (kind) => void pickAndSend(IMPORT_COMMANDS[kind], importDialogOptions(kind)).catch(report),
    restore: () => void pickAndSend('restore', restoreDialogOptions()).catch(report),
    openDataFolder: () => void shell.openPath(dataDir),
    showAbout: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: 'About Tickerline',
        message: `Tickerline ${app.getVersion()}`,
        detail: `Your portfolio, its prices and the news that moved them.\nData folder: ${dataDir}`,
      });
    },
  });
  // Backups and exports are downloads from the UI; a native save dialog asks where they go.
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSaveDialogOptions(saveDialogFor(item.getFilename()));
  });
  Menu.setApplicationMenu(menu);

  mainWindow = createMainWindow({ dataDir, preloadFile: preloadPath(mainDir), devServerUrl });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) {
      mainWindow = createMainWindow({ dataDir, preloadFile: preloadPath(mainDir), devServerUrl });
    }
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  backend?.close();
  backend = undefined;
});
