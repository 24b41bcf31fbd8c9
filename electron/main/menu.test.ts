import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '@backend/testing/temp-backend';
import { fixturePath } from '../../test-support/fixtures';

vi.mock('electron', () => ({ app: { isPackaged: true }, Menu: { buildFromTemplate: vi.fn() }, shell: { openExternal: vi.fn() } }));

const { menuTemplate } = await import('./menu');
const { importDialogOptions, restoreDialogOptions, saveDialogFor, skippedLine, stagePickedFiles } = await import('./dialogs');
const { StagingArea } = await import('@backend/files/staging');
const { mainT } = await import('./i18n');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function recordingActions() {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      command: (c: string) => calls.push(`command:${c}`),
      importFiles: (k: string) => calls.push(`import:${k}`),
      restore: () => calls.push('restore'),
      openDataFolder: () => calls.push('open-data-folder'),
      openLogsFolder: () => calls.push('open-logs-folder'),
      checkForUpdates: () => calls.push('check-for-updates'),
      toggleUpdatesAtStart: () => calls.push('updates-at-start'),
      showAbout: () => calls.push('about'),
    },
  };
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help with the promised items and shortcuts', () => {
    const { actions } = recordingActions();
    const template = menuTemplate(actions, { isMac: false, devTools: false, updatesAtStart: false });
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', 'editMenu', '&View', 'windowMenu', 'help']);
    const file = (template[0]?.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');
    expect(file.map((i) => [i.label ?? i.role, i.accelerator ?? null])).toEqual([
      ['Import Prices…', 'CmdOrCtrl+I'],
      ['Import News…', 'CmdOrCtrl+Shift+N'],
      ['Import Transactions…', 'CmdOrCtrl+Shift+T'],
      ['Export…', 'CmdOrCtrl+E'],
      ['Back Up…', 'CmdOrCtrl+Shift+B'],
      ['Restore from Backup…', null],
      ['quit', 'CmdOrCtrl+Q'],
    ]);
    const view = (template[2]?.submenu as MenuItemConstructorOptions[]).map((i) => i.role ?? i.id).filter(Boolean);
    expect(view).toEqual(expect.arrayContaining(['toggle-theme', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(view).not.toContain('toggleDevTools'); // no developer tools item where the window refuses DevTools
    // Every accelerator is used once.
    const accelerators = flatten(template).map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('speaks German when Settings ▸ Language says Deutsch, with the same ids and shortcuts', () => {
    const { actions } = recordingActions();
    const english = flatten(menuTemplate(actions, { isMac: false, devTools: false, updatesAtStart: false }));
    const german = flatten(menuTemplate(actions, { isMac: false, devTools: false, updatesAtStart: false, t: mainT('de') }));
    expect(german.map((i) => i.label ?? i.role).slice(0, 3)).toEqual(['&Datei', 'Kurse importieren…', 'Nachrichten importieren…']);
    expect(german.find((i) => i.id === 'navigate:holdings')?.label).toBe('Depot');
    expect(german.find((i) => i.id === 'updates-at-start')?.label).toBe('Beim Start nach Updates suchen');
    expect(german.map((i) => [i.id, i.accelerator])).toEqual(english.map((i) => [i.id, i.accelerator]));
    expect(importDialogOptions('prices', mainT('de'))).toMatchObject({ title: 'Kursverlauf importieren', buttonLabel: 'Importieren' });
  });

  it('routes each item to its action', () => {
    const { actions, calls } = recordingActions();
    const items = flatten(menuTemplate(actions, { isMac: true, devTools: true, updatesAtStart: true }));
    expect(items.map((i) => i.role)).toContain('toggleDevTools'); // offered only with DevTools allowed (dev server)
    for (const id of ['import-prices', 'import-news', 'import-transactions', 'export', 'backup', 'restore', 'toggle-theme', 'navigate:settings', 'about', 'open-data-folder', 'open-logs-folder', 'check-for-updates', 'updates-at-start']) {
      const item = items.find((i) => i.id === id);
      expect(item, id).toBeDefined();
      (item?.click as () => void)();
    }
    expect(calls).toEqual([
      'import:prices',
      'import:news',
      'import:transactions',
      'command:export',
      'command:backup',
      'restore',
      'command:toggle-theme',
      'command:navigate:settings',
      'about',
      'open-data-folder',
      'open-logs-folder',
      'check-for-updates',
      'updates-at-start',
    ]);
    expect(items.find((i) => i.id === 'updates-at-start')).toMatchObject({ type: 'checkbox', checked: true });
    expect(items[0]?.role).toBe('appMenu'); // macOS keeps its application menu first
  });
});

describe('native dialogs', () => {
  it('offer filters that match each import and the backup', () => {
    expect(importDialogOptions('prices')).toMatchObject({ properties: ['openFile', 'multiSelections'], filters: [{ extensions: ['csv', 'txt', 'json'] }, { extensions: ['*'] }] });
    expect(importDialogOptions('news').filters?.[0]?.extensions).toContain('xml');
    expect(restoreDialogOptions()).toMatchObject({ properties: ['openFile'], filters: [{ name: 'Tickerline backup', extensions: ['sqlite', 'db', 'tickerline'] }, { extensions: ['*'] }] });
    expect(saveDialogFor('tickerline-backup-2026-11-26.sqlite').title).toBe('Save backup');
    expect(saveDialogFor('tickerline-2026-11-26-price-bars.csv').filters[0]).toEqual({ name: 'CSV spreadsheet', extensions: ['csv'] });
  });

  it('read picked files straight into staging and skip folders, missing and oversized files with a reason', async () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const fixture = fixturePath('prices', 'stooq_nvda_us_d.csv');
    writeFileSync(join(dir, 'big.csv'), Buffer.alloc(2048));
    mkdirSync(join(dir, 'folder.csv'));
    const staging = new StagingArea();
    const { files, skipped } = await stagePickedFiles([fixture, join(dir, 'folder.csv'), join(dir, 'missing.csv'), join(dir, 'big.csv')], staging, 1024);
    expect(files).toHaveLength(0); // the 1 KiB limit also stops the real fixture (52,727 bytes)
    expect(skipped.map((s) => s.fileName)).toEqual(['stooq_nvda_us_d.csv', 'folder.csv', 'missing.csv', 'big.csv']);
    expect(skipped[1]?.reason).toEqual({ kind: 'not-a-file' });
    expect(skipped[2]?.reason).toEqual({ kind: 'unreadable', code: 'ENOENT' });
    expect(skippedLine('missing.csv', skipped[2]!.reason)).toBe('missing.csv could not be read (ENOENT).');
    // 2,048 bytes over a 1,024-byte limit rounds to 0 MB; the German line says the same in German.
    expect(skippedLine('big.csv', skipped[3]!.reason, mainT('de'))).toBe('big.csv ist größer als 0 MB.');

    const read = await stagePickedFiles([fixture], staging);
    expect(read.skipped).toEqual([]);
    expect(read.files.map((f) => [f.fileName, f.sizeBytes])).toEqual([['stooq_nvda_us_d.csv', 52_727]]);
    const text = Buffer.from(staging.get(read.files[0]!.stagedId).bytes).toString('utf8');
    expect(text.split(/\r?\n/)[1]).toBe('2022-01-03,29.7655,30.6604,29.7357,30.0711,393055570');
  });

  it('names a picked file the staging area has no room for, in its own words', async () => {
    const fixture = fixturePath('prices', 'stooq_nvda_us_d.csv');
    // Room for 60,000 bytes: the 52,727-byte file fits once, not twice (52,727 / 1,024 = 51.5 → 51 KiB; 60,000 / 1,024 = 58.6 → 59 KiB).
    const staging = new StagingArea({ maxTotalBytes: 60_000 });
    const { files, skipped } = await stagePickedFiles([fixture, fixture], staging);
    expect(files).toHaveLength(1);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.reason).toMatchObject({ kind: 'refused' });
    expect(skippedLine('stooq_nvda_us_d.csv', skipped[0]!.reason)).toBe(
      'stooq_nvda_us_d.csv cannot be opened now: files waiting to be imported already hold 51 KiB of 59 KiB. Import or remove some of them first.',
    );
  });
});
