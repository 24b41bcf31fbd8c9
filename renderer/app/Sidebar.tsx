import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartIcon, HoldingsIcon, ImportIcon, IncomeIcon, LogoMark, NewsIcon, SettingsIcon } from '@renderer/ui/icons';
import { useNavigation, type Screen } from '@renderer/navigation/navigation';
import { useLocale } from '@renderer/stores/settingsStore';
import { UpdateNotice } from '@renderer/features/updates/UpdateNotice';

const ITEMS = [
  { screen: 'holdings', label: 'nav.holdings', icon: <HoldingsIcon /> },
  { screen: 'charts', label: 'nav.charts', icon: <ChartIcon /> },
  { screen: 'income', label: 'nav.income', icon: <IncomeIcon /> },
  { screen: 'news', label: 'nav.news', icon: <NewsIcon /> },
  { screen: 'import', label: 'nav.import', icon: <ImportIcon /> },
] as const;
const SETTINGS = { screen: 'settings', label: 'nav.settings', icon: <SettingsIcon /> } as const;

export function Sidebar(): ReactElement {
  const { t } = useTranslation('app');
  const { screen, go } = useNavigation();
  const locale = useLocale();
  const link = (item: { screen: Screen; label: (typeof ITEMS)[number]['label'] | 'nav.settings'; icon: ReactElement }): ReactElement => (
    <button
      key={item.screen}
      type="button"
      className="nav-item"
      aria-current={screen === item.screen ? 'page' : undefined}
      onClick={() => go(item.screen)}
    >
      {item.icon}
      {t(item.label)}
    </button>
  );
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark">
          <LogoMark size={16} />
        </span>
        Tickerline
      </div>
      {ITEMS.map(link)}
      <div className="nav-spacer" />
      <UpdateNotice locale={locale} />
      {link(SETTINGS)}
      <div className="sidebar-footer">{t('privacyNote')}</div>
    </nav>
  );
}
