import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

export type MenuCommand =
  | 'import-prices'
  | 'import-news'
  | 'import-transactions'
  | 'export'
  | 'backup'
  | 'restore'
  | 'navigate:holdings'
  | 'navigate:charts'
  | 'navigate:news'
  | 'navigate:import'
  | 'navigate:settings';

export interface MenuActions {
  command(command: MenuCommand): void;
  openDataFolder(): void;
  showAbout(): void;
}

/** The native menu; every item that needs the UI is routed through `command`. */
export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  });

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('Import Prices…', 'import-prices', 'CmdOrCtrl+I'),
        item('Import News…', 'import-news', 'CmdOrCtrl+Shift+N'),
        item('Import Transactions…', 'import-transactions', 'CmdOrCtrl+Shift+T'),
        { type: 'separator' },
        item('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        item('Back Up…', 'backup', 'CmdOrCtrl+Shift+B'),
        item('Restore…', 'restore'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        item('Holdings', 'navigate:holdings', 'CmdOrCtrl+1'),
        item('Charts', 'navigate:charts', 'CmdOrCtrl+2'),
        item('News', 'navigate:news', 'CmdOrCtrl+3'),
        item('Import', 'navigate:import', 'CmdOrCtrl+4'),
        item('Settings', 'navigate:settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'About Tickerline', click: () => actions.showAbout() },
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: 'Tickerline on the Web', click: () => void shell.openExternal('https://tickerline.app/') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
