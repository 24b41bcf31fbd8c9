/** A news preview's or import's progress as the worker reports it (`import.progress`). */
export interface NewsJobProgress {
  kind: 'preview' | 'import';
  phase: string;
  done: number;
  total: number;
}

const part = (done: number, total: number): number => (total > 0 ? Math.min(1, Math.max(0, done / total)) : 0);

/** Reading the file (one step, no count) fills this much of the bar; linking (preview) or saving (import) the rest, item by item. */
const READING_SHARE = 0.1;

/**
 * How full the bar is, 0…1: the file is read in one step, then the preview links its items
 * (`linking`, done/total items) or the import stores them (`saving`). The phases come in that
 * order, so the bar only moves forward.
 */
export function newsProgressFraction(p: NewsJobProgress): number {
  if (p.phase === 'done') return 1;
  if (p.phase === 'linking' || p.phase === 'saving') return READING_SHARE + (1 - READING_SHARE) * part(p.done, p.total);
  return 0;
}
