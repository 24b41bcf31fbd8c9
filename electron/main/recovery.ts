import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { Backend, RecoveryChoice } from '@backend/backend';
import { backupFilters } from './dialogs';
import { mainT, type MainT } from './i18n';

/** The parts of Electron's dialog module recovery uses, so tests can answer in its place. */
export interface RecoveryDialogs {
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

const size = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const stamp = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * The desktop app's way out of a damaged database, before any window opens:
 * a dialog that names the file and what is wrong, lists the automatic copies
 * in backups/ with dates and sizes, and offers to restore the newest, pick a
 * file (the open dialog starts in backups/, so an older copy is one click
 * away), start fresh, or quit. The damaged file is always kept, renamed.
 * Asks again after a failed attempt, with the reason. Returns whether the
 * backend is usable now.
 */
export async function recoverDamagedDatabase(backend: Backend, dialogs: RecoveryDialogs, backupsDir: string, t: MainT = mainT()): Promise<boolean> {
  let failure = '';
  while (backend.recovery !== null) {
    const state = backend.recovery;
    const newest = state.backups[0];
    const quit = t('main:recovery.quit');
    const startFresh = t('main:recovery.startFreshButton');
    const chooseFile = t('main:recovery.chooseFile');
    const buttons = [...(newest ? [t('main:recovery.restoreCopyOf', { stamp: stamp(newest.createdAt) })] : []), chooseFile, startFresh, quit];
    const copies =
      state.backups.length > 0
        ? `${t('main:recovery.copiesIn', { folder: backupsDir })}\n${state.backups.map((b) => `  ${stamp(b.createdAt)}  ${size(b.sizeBytes).padStart(8)}  ${b.fileName}`).join('\n')}`
        : t('main:recovery.noCopiesIn', { folder: backupsDir });
    const { response } = await dialogs.showMessageBox({
      type: 'warning',
      title: 'Tickerline',
      message: t('main:recovery.heading'),
      detail:
        `${failure ? `${failure}\n\n` : ''}${t('main:recovery.damaged', { file: state.databaseFile, problem: state.problem })}\n\n${copies}\n\n` +
        t('main:recovery.keptDialog'),
      buttons,
      defaultId: 0,
      cancelId: buttons.length - 1,
      noLink: true,
    });
    const picked = buttons[response];
    let choice: RecoveryChoice;
    if (picked === quit || picked === undefined) return false;
    if (picked === startFresh) choice = { kind: 'fresh' };
    else if (picked === chooseFile) {
      const open = await dialogs.showOpenDialog({
        title: t('main:dialog.restoreTitle'),
        buttonLabel: t('main:dialog.restoreButton'),
        defaultPath: backupsDir,
        filters: backupFilters(t),
        properties: ['openFile'],
      });
      const path = open.filePaths[0];
      if (open.canceled || path === undefined) continue;
      choice = { kind: 'file', fileName: basename(path), bytes: readFileSync(path) };
    } else if (newest) choice = { kind: 'backup', fileName: newest.fileName };
    else continue;
    try {
      backend.recover(choice);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  }
  return true;
}
