import type { ReactElement } from 'react';
import { useNavigation } from '@renderer/app/navigation';
import { EmptyState, PageHeader } from '@renderer/ui/components';
import { NewsIcon } from '@renderer/ui/icons';

export function NewsScreen(): ReactElement {
  const go = useNavigation((s) => s.go);
  return (
    <div className="page">
      <PageHeader title="News" subtitle="Articles and headlines, linked to the securities they mention." />
      <EmptyState
        icon={<NewsIcon size={26} />}
        title="No news events yet"
        actions={
          <button className="btn btn-primary" onClick={() => go('import')}>
            Import news
          </button>
        }
      >
        Import saved articles, news lists or RSS feeds. Tickerline finds the companies they mention and marks them on your charts.
      </EmptyState>
    </div>
  );
}
