import { useEffect } from 'react';
import { api } from '@renderer/api/client';
import { useNavigation } from '@renderer/navigation/navigation';
import { importKindOf } from '@shared/api/commands';
import { useImportInbox } from '@renderer/stores/importInbox';
import { useSettingsStore } from '@renderer/stores/settingsStore';
import { useBackupStore } from './backupStore';
import { nextTheme } from './theme';

/**
 * The desktop menu's commands that need the UI: files picked in a native
 * dialog go to the import inbox, a picked backup waits for confirmation in
 * Settings, Back Up / Export run from Settings, and the theme toggles.
 */
export function useDesktopCommands(): void {
  useEffect(
    () =>
      api.on('app.command', ({ command, staged }) => {
        const go = useNavigation.getState().go;
        const kind = importKindOf(command);
        if (kind) {
          if (staged && staged.length > 0) useImportInbox.getState().addStaged(staged, kind);
          go('import');
          return;
        }
        switch (command) {
          case 'backup':
            go('settings');
            void useBackupStore.getState().backup();
            break;
          case 'restore': {
            go('settings');
            const file = staged?.[0];
            if (file) useBackupStore.getState().chooseRestore(file);
            break;
          }
          case 'export':
            go('settings');
            useBackupStore.getState().requestExport();
            break;
          case 'toggle-theme': {
            const settings = useSettingsStore.getState();
            const current = settings.settings?.theme ?? 'system';
            void settings.update({ theme: nextTheme(current, window.matchMedia('(prefers-color-scheme: dark)').matches) });
            break;
          }
          default:
            break;
        }
      }),
    [],
  );
}
