import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { ImportKind } from './dialogs';
import { mainT, type MainT } from './i18n';
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
  /** The labels' language (Settings ▸ Language); English when not given. */
  t?: MainT;
}

/**
 * The native menu as a template (a pure function, so tests can read and click
 * it without Electron). Items that need the UI are routed through `command`;
 * each item has an id so end-to-end tests can find and click it.
 */
export function menuTemplate(actions: MenuActions, env: MenuEnvironment): MenuItemConstructorOptions[] {
  const t = env.t ?? mainT();
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
      label: t('main:menu.file'),
      submenu: [
        item('import-prices', t('main:menu.importPrices'), () => actions.importFiles('prices'), 'CmdOrCtrl+I'),
        item('import-news', t('main:menu.importNews'), () => actions.importFiles('news'), 'CmdOrCtrl+Shift+N'),
        item('import-transactions', t('main:menu.importTransactions'), () => actions.importFiles('transactions'), 'CmdOrCtrl+Shift+T'),
        { type: 'separator' },
        command(t('main:menu.export'), 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command(t('main:menu.backup'), 'backup', 'CmdOrCtrl+Shift+B'),
        item('restore', t('main:menu.restore'), () => actions.restore()),
        { type: 'separator' },
        env.isMac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    { role: 'editMenu' },
    {
      label: t('main:menu.view'),
      submenu: [
        command(t('main:menu.holdings'), 'navigate:holdings', 'CmdOrCtrl+1'),
        command(t('main:menu.charts'), 'navigate:charts', 'CmdOrCtrl+2'),
        command(t('main:menu.income'), 'navigate:income', 'CmdOrCtrl+5'),
        command(t('main:menu.news'), 'navigate:news', 'CmdOrCtrl+3'),
        command(t('main:menu.import'), 'navigate:import', 'CmdOrCtrl+4'),
        command(t('main:menu.settings'), 'navigate:settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        command(t('main:menu.toggleTheme'), 'toggle-theme', 'CmdOrCtrl+Shift+L'),
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
        item('about', t('main:menu.about'), () => actions.showAbout()),
        item('open-data-folder', t('main:menu.openDataFolder'), () => actions.openDataFolder()),
        item('open-logs-folder', t('main:menu.openLogsFolder'), () => actions.openLogsFolder()),
        { type: 'separator' },
        item('check-for-updates', t('main:menu.checkForUpdates'), () => actions.checkForUpdates()),
        { id: 'updates-at-start', label: t('main:menu.updatesAtStart'), type: 'checkbox', checked: env.updatesAtStart, click: () => actions.toggleUpdatesAtStart() },
        { type: 'separator' },
        item('website', t('main:menu.website'), () => void shell.openExternal('https://tickerline.app/')),
      ],
    },
  ];
}

export function buildMenu(actions: MenuActions, env: Omit<MenuEnvironment, 'isMac'>): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions, { isMac: process.platform === 'darwin', ...env }));
}
