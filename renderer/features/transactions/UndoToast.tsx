import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransactionsStore } from './transactionsStore';
import '@renderer/styles/forms.css';

/** "Transaction deleted · Undo" for ten seconds after a delete. */
export function UndoToast(): ReactElement | null {
  const { t } = useTranslation('transactions');
  const lastDeleted = useTransactionsStore((s) => s.lastDeleted);
  const undo = useTransactionsStore((s) => s.undo);
  const dismiss = useTransactionsStore((s) => s.dismissUndo);
  useEffect(() => {
    if (!lastDeleted) return;
    const timer = setTimeout(dismiss, 10_000);
    return () => clearTimeout(timer);
  }, [lastDeleted, dismiss]);
  if (!lastDeleted) return null;
  const n = lastDeleted.length;
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{t('undo.deleted', { count: n })}</span>
      <button type="button" className="btn btn-small" onClick={() => void undo()}>
        {t('undo.undo')}
      </button>
    </div>
  );
}
