import type { ReactElement } from 'react';
import { useNavigation } from '@renderer/app/navigation';
import { EmptyState, PageHeader } from '@renderer/ui/components';
import { ChartIcon } from '@renderer/ui/icons';

export function ChartsScreen(): ReactElement {
  const go = useNavigation((s) => s.go);
  return (
    <div className="page">
      <PageHeader title="Charts" subtitle="Prices, your portfolio’s value and the news that moved them." />
      <EmptyState
        icon={<ChartIcon size={26} />}
        title="No price history yet"
        actions={
          <button className="btn btn-primary" onClick={() => go('import')}>
            Import price history
          </button>
        }
      >
        Import the daily prices you downloaded from Yahoo Finance, Stooq, Investing.com or Nasdaq. Charts appear here as soon as a security has prices.
      </EmptyState>
    </div>
  );
}
