import type { ReactElement } from 'react';

// Placeholder until the feature lands; replaced by the feature's own panel.
export function PriceImportPanel(): ReactElement {
  return (
    <section className="card card-body">
      <h2>Price history</h2>
    </section>
  );
}
