import { useEffect } from 'react';
import { api } from '@renderer/api/client';
import { useNavigation } from '@renderer/navigation/navigation';
import { importKindOf } from '@shared/api/commands';
import { addBase64Files } from '@renderer/stores/importInbox';
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
      api.on('app.command', ({ command, files }) => {
        const go = useNavigation.getState().go;
        const kind = importKindOf(command);
        if (kind) {
          if (files && files.length > 0) void addBase64Files(files, kind);
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
            const file = files?.[0];
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
