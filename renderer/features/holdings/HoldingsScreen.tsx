import type { ReactElement } from 'react';
import { useNavigation } from '@renderer/app/navigation';
import { EmptyState, PageHeader } from '@renderer/ui/components';
import { HoldingsIcon } from '@renderer/ui/icons';

export function HoldingsScreen(): ReactElement {
  const go = useNavigation((s) => s.go);
  return (
    <div className="page">
      <PageHeader title="Holdings" subtitle="What you own, what it cost and what it is worth today." />
      <EmptyState
        icon={<HoldingsIcon size={26} />}
        title="Start by adding what you own"
        actions={
          <button className="btn btn-primary" onClick={() => go('import')}>
            Import a file
          </button>
        }
      >
        Enter a buy, or import your broker’s transaction export. Then bring in price history so Tickerline can value your positions.
      </EmptyState>
    </div>
  );
}
