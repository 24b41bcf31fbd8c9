import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { ImportKind } from './dialogs';
import type { AppCommand, IMPORT_COMMANDS } from '@shared/api/commands';

/** Menu commands the UI acts on without files (sent as the 'app.command' event); the vocabulary is shared/api/commands.ts. */
export type MenuCommand = Exclude<AppCommand, (typeof IMPORT_COMMANDS)[ImportKind] | 'restore'>;

export interface MenuActions {
  command(command: MenuCommand): void;
  /** Native open dialog in the main process; the files then go to the UI's import inbox. */
  importFiles(kind: ImportKind): void;
  /** Native open dialog for a backup file; the UI asks for confirmation before restoring. */
  restore(): void;
  openDataFolder(): void;
  /** The folder of the rotating log (log-file.ts) that INTERNAL errors point to. */
  openLogsFolder(): void;
  showAbout(): void;
  /** Help ▸ Check for Updates…: asks before anything is downloaded (updates/updater.ts). */
  checkForUpdates(): void;
  /** The opt-in automatic check at start. */
  toggleUpdatesAtStart(): void;
}

export interface MenuEnvironment {
  isMac: boolean;
  /** Whether the window may open DevTools (window-prefs.ts); the menu never offers what the window refuses. */
  devTools: boolean;
  /** Whether the automatic update check at start is on (the checkbox item's state). */
  updatesAtStart: boolean;
}

/**
 * The native menu as a template (a pure function, so tests can read and click
 * it without Electron). Items that need the UI are routed through `command`;
 * each item has an id so end-to-end tests can find and click it.
 */
export function menuTemplate(actions: MenuActions, env: MenuEnvironment): MenuItemConstructorOptions[] {
  const item = (id: string, label: string, click: () => void, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => click(),
  });
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions =>
    item(name, label, () => actions.command(name), accelerator);

  return [
    ...(env.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('import-prices', 'Import Prices…', () => actions.importFiles('prices'), 'CmdOrCtrl+I'),
        item('import-news', 'Import News…', () => actions.importFiles('news'), 'CmdOrCtrl+Shift+N'),
        item('import-transactions', 'Import Transactions…', () => actions.importFiles('transactions'), 'CmdOrCtrl+Shift+T'),
        { type: 'separator' },
        command('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command('Back Up…', 'backup', 'CmdOrCtrl+Shift+B'),
        item('restore', 'Restore from Backup…', () => actions.restore()),
        { type: 'separator' },
        env.isMac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        command('Holdings', 'navigate:holdings', 'CmdOrCtrl+1'),
        command('Charts', 'navigate:charts', 'CmdOrCtrl+2'),
        command('Income', 'navigate:income', 'CmdOrCtrl+5'),
        command('News', 'navigate:news', 'CmdOrCtrl+3'),
        command('Import', 'navigate:import', 'CmdOrCtrl+4'),
        command('Settings', 'navigate:settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        command('Switch Light/Dark', 'toggle-theme', 'CmdOrCtrl+Shift+L'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(env.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        item('about', 'About Tickerline', () => actions.showAbout()),
        item('open-data-folder', 'Open Data Folder', () => actions.openDataFolder()),
        item('open-logs-folder', 'Open Logs Folder', () => actions.openLogsFolder()),
        { type: 'separator' },
        item('check-for-updates', 'Check for Updates…', () => actions.checkForUpdates()),
        { id: 'updates-at-start', label: 'Check for Updates at Start', type: 'checkbox', checked: env.updatesAtStart, click: () => actions.toggleUpdatesAtStart() },
        { type: 'separator' },
        item('website', 'Tickerline on the Web', () => void shell.openExternal('https://tickerline.app/')),
      ],
    },
  ];
}

export function buildMenu(actions: MenuActions, env: Omit<MenuEnvironment, 'isMac'>): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions, { isMac: process.platform === 'darwin', ...env }));
}
