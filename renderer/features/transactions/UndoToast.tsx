import { useEffect, type ReactElement } from 'react';
import { useLocale } from '@renderer/stores/settingsStore';
import { formatNumber } from '@renderer/ui/format';
import { useTransactionsStore } from './transactionsStore';
import '@renderer/styles/forms.css';

/** "Transaction deleted · Undo" for ten seconds after a delete. */
export function UndoToast(): ReactElement | null {
  const lastDeleted = useTransactionsStore((s) => s.lastDeleted);
  const undo = useTransactionsStore((s) => s.undo);
  const dismiss = useTransactionsStore((s) => s.dismissUndo);
  const locale = useLocale();
  useEffect(() => {
    if (!lastDeleted) return;
    const timer = setTimeout(dismiss, 10_000);
    return () => clearTimeout(timer);
  }, [lastDeleted, dismiss]);
  if (!lastDeleted) return null;
  const n = lastDeleted.length;
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{n === 1 ? 'Transaction deleted.' : `${formatNumber(n, locale)} transactions deleted.`}</span>
      <button type="button" className="btn btn-small" onClick={() => void undo()}>
        Undo
      </button>
    </div>
  );
}
