import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@renderer/ui/components';
import { NewsImportPanel } from '@renderer/features/news/NewsImportPanel';
import { PriceImportPanel } from '@renderer/features/prices/PriceImportPanel';
import { TransactionImportPanel } from '@renderer/features/transactions/TransactionImportPanel';

export function ImportScreen(): ReactElement {
  const { t } = useTranslation('app');
  return (
    <div className="page">
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
      />
      <PriceImportPanel />
      <NewsImportPanel />
      <TransactionImportPanel />
    </div>
  );
}
