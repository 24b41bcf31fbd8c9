import type { ReactElement } from 'react';

/**
 * A long preview's or import's bar (`import.progress` events), with what is being done under it.
 * `fraction` is 0…1; the feature decides how its phases fill the bar and what the label says.
 */
export function JobProgressBar({ fraction, label, ariaLabel }: { fraction: number; label: string; ariaLabel: string }): ReactElement {
  const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="job-progress" role="progressbar" aria-label={ariaLabel} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={label}>
      <div className="progress" aria-hidden="true">
        <div style={{ width: `${pct}%` }} />
      </div>
      <span className="muted">{label}</span>
    </div>
  );
}
