import type { ReactElement } from 'react';
import { ReturnValue } from './ReturnFigures';
import { securityFigures, selectScopeRow, useReturnsStore } from './returnsStore';

/** One holding's TTWROR for the chosen period, its IRR beneath; `securityId` null = the portfolio or account in view. */
export function HoldingReturn({ securityId, locale }: { securityId: number | null; locale: string }): ReactElement {
  const period = useReturnsStore((s) => s.period);
  const figures = useReturnsStore((s) => (securityId === null ? (selectScopeRow(s)?.periods[0] ?? null) : securityFigures(s.summary, securityId)));
  const failed = useReturnsStore((s) => s.status === 'error');
  if (figures === null || figures.period !== period) return <span className="muted">{failed ? '—' : '…'}</span>;
  return (
    <>
      <div>
        <ReturnValue figure={figures.timeWeighted} locale={locale} compact />
      </div>
      <div className="cell-sub muted">
        IRR <ReturnValue figure={figures.moneyWeighted} locale={locale} compact />
      </div>
    </>
  );
}
