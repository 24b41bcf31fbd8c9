import type { ReactElement } from 'react';

// Placeholder until the feature lands; replaced by the feature's own panel.
export function TransactionImportPanel(): ReactElement {
  return (
    <section className="card card-body">
      <h2>Transactions</h2>
    </section>
  );
}
