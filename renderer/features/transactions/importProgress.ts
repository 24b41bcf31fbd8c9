/** A preview's or an import's progress as the worker reports it (`import.progress`). */
export interface TransactionJobProgress {
  kind: 'preview' | 'import';
  phase: string;
  done: number;
  total: number;
}

const part = (done: number, total: number): number => (total > 0 ? Math.min(1, Math.max(0, done / total)) : 0);

/**
 * How full the bar is, 0…1. A preview spends most of its time reading the file (measured in
 * characters read) and the rest checking the lines against the ledger (one step); an import
 * may read and check again, then saves line by line. Each phase gets a share of the bar in
 * that order, so the bar only moves forward.
 */
export function progressFraction(p: TransactionJobProgress): number {
  if (p.phase === 'done') return 1;
  if (p.kind === 'preview') {
    if (p.phase === 'reading') return 0.7 * part(p.done, p.total);
    return 0.85;
  }
  if (p.phase === 'reading') return 0.4 * part(p.done, p.total);
  if (p.phase === 'checking') return 0.5;
  return 0.6 + 0.4 * part(p.done, p.total);
}
