import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { createBackend, type Backend } from '@backend/backend';
import { DATA_DIR_ENV, argValue } from '@backend/data-dir';
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
  const menu = buildMenu({
    command: sendCommand,
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
