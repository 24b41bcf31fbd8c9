import { useEffect, type ReactElement } from 'react';
import { navigationTarget } from '@shared/api/commands';
import { api } from '@renderer/api/client';
import { useDesktopCommands } from '@renderer/features/backup/useDesktopCommands';
import { ChartsScreen } from '@renderer/features/charts/ChartsScreen';
import { HoldingsScreen } from '@renderer/features/holdings/HoldingsScreen';
import { ImportScreen } from '@renderer/features/import/ImportScreen';
import { useWindowDrop } from '@renderer/features/import/useWindowDrop';
import { NewsScreen } from '@renderer/features/news/NewsScreen';
import { SettingsScreen } from '@renderer/features/settings/SettingsScreen';
import { useSettingsStore } from '@renderer/features/settings/settingsStore';
import { SCREENS, useNavigation, type Screen } from './navigation';
import { Sidebar } from './Sidebar';
import { useThemeFromSettings } from './useTheme';

const SCREEN_COMPONENTS: Record<Screen, () => ReactElement> = {
  holdings: HoldingsScreen,
  charts: ChartsScreen,
  news: NewsScreen,
  import: ImportScreen,
  settings: SettingsScreen,
};

export function App(): ReactElement {
  const screen = useNavigation((s) => s.screen);
  const loadSettings = useSettingsStore((s) => s.load);
  useThemeFromSettings();
  useWindowDrop();
  useDesktopCommands();

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  // Desktop menu items arrive as commands; navigation ones are handled here,
  // feature commands (import-prices, backup, …) by the features themselves.
  useEffect(
    () =>
      api.on('app.command', ({ command }) => {
        const target = navigationTarget(command);
        if (target && (SCREENS as readonly string[]).includes(target)) useNavigation.getState().go(target as Screen);
      }),
    [],
  );

  const Current = SCREEN_COMPONENTS[screen];
  return (
    <div className="app">
      <Sidebar />
      <main className="main" id="main">
        <Current />
      </main>
    </div>
  );
}
