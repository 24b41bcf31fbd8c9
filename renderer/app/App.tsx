import { lazy, Suspense, useEffect, type ComponentType, type ReactElement } from 'react';
import { navigationTarget } from '@shared/api/commands';
import { api } from '@renderer/api/client';
import { useDesktopCommands } from '@renderer/features/backup/useDesktopCommands';
import { HoldingsScreen } from '@renderer/features/holdings/HoldingsScreen';
import { useWindowDrop } from '@renderer/features/import/useWindowDrop';
import { useSettingsStore } from '@renderer/stores/settingsStore';
import { Loading } from '@renderer/ui/components';
import { SCREENS, useNavigation, type Screen } from '@renderer/navigation/navigation';
import { Sidebar } from './Sidebar';
import { useLanguageFromSettings } from './useLanguage';
import { useThemeFromSettings } from './useTheme';

// Holdings is the first screen; every other screen is its own chunk, loaded when first opened.
// Charts bring the chart library, the largest part of the UI.
const ChartsScreen = lazy(() => import('@renderer/features/charts/ChartsScreen').then((m) => ({ default: m.ChartsScreen })));
const IncomeScreen = lazy(() => import('@renderer/features/income/IncomeScreen').then((m) => ({ default: m.IncomeScreen })));
const NewsScreen = lazy(() => import('@renderer/features/news/NewsScreen').then((m) => ({ default: m.NewsScreen })));
const ImportScreen = lazy(() => import('@renderer/features/import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const SettingsScreen = lazy(() => import('@renderer/features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

const SCREEN_COMPONENTS: Record<Screen, ComponentType> = {
  holdings: HoldingsScreen,
  charts: ChartsScreen,
  income: IncomeScreen,
  news: NewsScreen,
  import: ImportScreen,
  settings: SettingsScreen,
};

export function App(): ReactElement {
  const screen = useNavigation((s) => s.screen);
  const loadSettings = useSettingsStore((s) => s.load);
  useThemeFromSettings();
  useLanguageFromSettings();
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
        <Suspense fallback={<Loading />}>
          <Current />
        </Suspense>
      </main>
    </div>
  );
}
