import type { ReactElement } from 'react';

// Placeholder until the feature lands; replaced by the feature's own panel.
export function NewsImportPanel(): ReactElement {
  return (
    <section className="card card-body">
      <h2>News</h2>
    </section>
  );
}
