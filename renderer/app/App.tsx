import { Suspense, useEffect, type ComponentType, type ReactElement } from 'react';
import { navigationTarget } from '@shared/api/commands';
import { api } from '@renderer/api/client';
import { useDesktopCommands } from '@renderer/features/backup/useDesktopCommands';
import { HoldingsScreen } from '@renderer/features/holdings/HoldingsScreen';
import { useHoldingsStore } from '@renderer/features/holdings/holdingsStore';
import { useWindowDrop } from '@renderer/features/import/useWindowDrop';
import { useSettingsStore } from '@renderer/stores/settingsStore';
import { Loading } from '@renderer/ui/components';
import { SCREENS, useNavigation, type Screen } from '@renderer/navigation/navigation';
import { lazyScreen, whenIdle, type LazyScreen } from './screens';
import { Sidebar } from './Sidebar';
import { useLanguageFromSettings } from './useLanguage';
import { useThemeFromSettings } from './useTheme';

// Holdings is the first screen; every other screen is its own chunk, fetched when the
// page is first idle (Charts first: it brings the chart library, the largest part of the UI)
// or when first opened, whichever comes sooner.
const LAZY_SCREENS = {
  charts: lazyScreen(() => import('@renderer/features/charts/ChartsScreen').then((m) => m.ChartsScreen)),
  news: lazyScreen(() => import('@renderer/features/news/NewsScreen').then((m) => m.NewsScreen)),
  import: lazyScreen(() => import('@renderer/features/import/ImportScreen').then((m) => m.ImportScreen)),
  income: lazyScreen(() => import('@renderer/features/income/IncomeScreen').then((m) => m.IncomeScreen)),
  settings: lazyScreen(() => import('@renderer/features/settings/SettingsScreen').then((m) => m.SettingsScreen)),
} satisfies Record<Exclude<Screen, 'holdings'>, LazyScreen>;

/**
 * What the page fetches while idle, in order: the Charts chunk, then (still on Holdings) the chart
 * Charts opens on, so the most visited next screen draws at once; then the other screens' chunks.
 */
const IDLE_STEPS: readonly (() => Promise<unknown>)[] = [
  LAZY_SCREENS.charts.preload,
  async () => {
    if (useNavigation.getState().screen !== 'holdings') return;
    const { useChartsStore } = await import('@renderer/features/charts/chartsStore');
    await useChartsStore.getState().prefetch();
  },
  ...Object.values(LAZY_SCREENS)
    .filter((s) => s !== LAZY_SCREENS.charts)
    .map((s) => s.preload),
];

const SCREEN_COMPONENTS: Record<Screen, ComponentType> = {
  holdings: HoldingsScreen,
  charts: LAZY_SCREENS.charts.Component,
  income: LAZY_SCREENS.income.Component,
  news: LAZY_SCREENS.news.Component,
  import: LAZY_SCREENS.import.Component,
  settings: LAZY_SCREENS.settings.Component,
};

export function App(): ReactElement {
  const screen = useNavigation((s) => s.screen);
  const loadSettings = useSettingsStore((s) => s.load);
  useThemeFromSettings();
  useLanguageFromSettings();
  useWindowDrop();
  useDesktopCommands();

  useEffect(() => {
    // Usually asked for already, before the first render (renderer/main.tsx).
    if (useSettingsStore.getState().status === 'idle') void loadSettings();
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

  // Preloading starts once the first screen has its data: parsing the chart library while
  // the holdings answer is on its way would delay the table the user opened the app for.
  const firstScreenShown = useHoldingsStore((s) => s.status === 'ready' || s.status === 'error') || screen !== 'holdings';
  useEffect(() => (firstScreenShown ? whenIdle(IDLE_STEPS) : undefined), [firstScreenShown]);

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
