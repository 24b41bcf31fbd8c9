import { useEffect } from 'react';
import { useSettingsStore } from '@renderer/stores/settingsStore';

/** 'system' leaves the choice to the OS (prefers-color-scheme); otherwise it is pinned. */
export function useThemeFromSettings(): void {
  const theme = useSettingsStore((s) => s.settings?.theme ?? 'system');
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
}
