import type { ReactElement } from 'react';
import { PageHeader } from '@renderer/ui/components';
import { NewsImportPanel } from '@renderer/features/news/NewsImportPanel';
import { PriceImportPanel } from '@renderer/features/prices/PriceImportPanel';
import { TransactionImportPanel } from '@renderer/features/transactions/TransactionImportPanel';

export function ImportScreen(): ReactElement {
  return (
    <div className="page">
      <PageHeader
        title="Import"
        subtitle="Bring in price history, news and transactions from files you downloaded. Drop files anywhere on this window. Nothing is stored until you confirm."
      />
      <PriceImportPanel />
      <NewsImportPanel />
      <TransactionImportPanel />
    </div>
  );
}
