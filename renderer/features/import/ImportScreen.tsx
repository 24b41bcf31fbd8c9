import type { ReactElement } from 'react';
import { EmptyState, PageHeader } from '@renderer/ui/components';
import { ImportIcon } from '@renderer/ui/icons';

export function ImportScreen(): ReactElement {
  return (
    <div className="page">
      <PageHeader title="Import" subtitle="Bring in price history, news and transactions from files you downloaded." />
      <EmptyState icon={<ImportIcon size={26} />} title="Drop files here">
        Price history (CSV, JSON), news (articles, CSV, RSS/Atom) and broker transaction exports. Nothing is stored until you confirm the preview.
      </EmptyState>
    </div>
  );
}
