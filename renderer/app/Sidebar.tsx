import type { ReactElement } from 'react';
import { ChartIcon, HoldingsIcon, ImportIcon, IncomeIcon, LogoMark, NewsIcon, SettingsIcon } from '@renderer/ui/icons';
import { useNavigation, type Screen } from '@renderer/navigation/navigation';
import { useLocale } from '@renderer/features/settings/settingsStore';
import { UpdateNotice } from '@renderer/features/updates/UpdateNotice';

const ITEMS: { screen: Screen; label: string; icon: ReactElement }[] = [
  { screen: 'holdings', label: 'Holdings', icon: <HoldingsIcon /> },
  { screen: 'charts', label: 'Charts', icon: <ChartIcon /> },
  { screen: 'income', label: 'Income', icon: <IncomeIcon /> },
  { screen: 'news', label: 'News', icon: <NewsIcon /> },
  { screen: 'import', label: 'Import', icon: <ImportIcon /> },
];

export function Sidebar(): ReactElement {
  const { screen, go } = useNavigation();
  const locale = useLocale();
  const link = (item: { screen: Screen; label: string; icon: ReactElement }): ReactElement => (
    <button
      key={item.screen}
      type="button"
      className="nav-item"
      aria-current={screen === item.screen ? 'page' : undefined}
      onClick={() => go(item.screen)}
    >
      {item.icon}
      {item.label}
    </button>
  );
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark">
          <LogoMark size={16} />
        </span>
        Tickerline
      </div>
      {ITEMS.map(link)}
      <div className="nav-spacer" />
      <UpdateNotice locale={locale} />
      {link({ screen: 'settings', label: 'Settings', icon: <SettingsIcon /> })}
      <div className="sidebar-footer">Your data stays on this computer.</div>
    </nav>
  );
}
