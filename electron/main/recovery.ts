import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { Backend, RecoveryChoice } from '@backend/backend';
import { BACKUP_FILTERS } from './dialogs';

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
export async function recoverDamagedDatabase(backend: Backend, dialogs: RecoveryDialogs, backupsDir: string): Promise<boolean> {
  let failure = '';
  while (backend.recovery !== null) {
    const state = backend.recovery;
    const newest = state.backups[0];
    const buttons = [
      ...(newest ? [`Restore the Copy of ${stamp(newest.createdAt)}`] : []),
      'Choose a Backup File…',
      'Start Fresh',
      'Quit',
    ];
    const copies =
      state.backups.length > 0
        ? `Automatic copies in ${backupsDir}:\n${state.backups.map((b) => `  ${stamp(b.createdAt)}  ${size(b.sizeBytes).padStart(8)}  ${b.fileName}`).join('\n')}`
        : `There are no automatic copies in ${backupsDir}.`;
    const { response } = await dialogs.showMessageBox({
      type: 'warning',
      title: 'Tickerline',
      message: 'Tickerline cannot open your database',
      detail:
        `${failure ? `${failure}\n\n` : ''}The file ${state.databaseFile} is damaged: ${state.problem}.\n\n${copies}\n\n` +
        'Whatever you choose, the damaged file is kept beside the new one, renamed tickerline-damaged-….sqlite.',
      buttons,
      defaultId: 0,
      cancelId: buttons.length - 1,
      noLink: true,
    });
    const picked = buttons[response];
    let choice: RecoveryChoice;
    if (picked === 'Quit' || picked === undefined) return false;
    if (picked === 'Start Fresh') choice = { kind: 'fresh' };
    else if (picked === 'Choose a Backup File…') {
      const open = await dialogs.showOpenDialog({
        title: 'Restore from a backup',
        buttonLabel: 'Restore',
        defaultPath: backupsDir,
        filters: BACKUP_FILTERS,
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
