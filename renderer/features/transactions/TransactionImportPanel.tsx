import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCashPreviewRow, ImportLineError, ImportPreview, ImportPreviewRow, TransactionMapping } from '@shared/api/transactions';
import { suggestTypeWords, typeWordsInColumn } from '@shared/domain/transactions/mapping';
import { unknownTypeWordOf } from '@shared/domain/transactions/parse-transactions';
import { TYPE_WORD_TARGETS } from '@shared/domain/transactions/type-words';
import { selectAccounts, selectSelectedAccountId, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import { useImportInbox, usePendingCount } from '@renderer/stores/importInbox';
import { useLocale } from '@renderer/stores/settingsStore';
import { problemText } from '@renderer/api/client';
import { Banner, Loading } from '@renderer/ui/components';
import { formatDate, formatNumber } from '@renderer/ui/format';
import { useVirtualRows } from '@renderer/ui/virtual';
import { progressFraction, type TransactionJobProgress } from './importProgress';
import { JobProgressBar as ProgressBar } from '@renderer/ui/JobProgressBar';
import { subscribeTransactionImportEvents, useTransactionImport } from './importStore';
import { describeImportSummary, formatLabel, lineProblemText } from './summaryText';
import { isTransactionType, TYPE_WORD } from './typeWord';
import '@renderer/styles/forms.css';

const FIELD_LABELS = {
  date: 'mapping.field.date',
  type: 'mapping.field.type',
  symbol: 'mapping.field.symbol',
  isin: 'mapping.field.isin',
  name: 'mapping.field.name',
  quantity: 'mapping.field.quantity',
  price: 'mapping.field.price',
  amount: 'mapping.field.amount',
  fees: 'mapping.field.fees',
  currency: 'mapping.field.currency',
  externalId: 'mapping.field.externalId',
  note: 'mapping.field.note',
  fxRate: 'mapping.field.fxRate',
} as const satisfies Record<keyof TransactionMapping['columns'], string>;

/** A preview line's height before it is measured (one line of text with a badge). */
const PREVIEW_ROW_PX = 41;

type TypeTarget = TransactionMapping['typeWords'][string];
const TYPE_TARGETS: readonly TypeTarget[] = TYPE_WORD_TARGETS;

/** Transactions from a broker export: preview with per-line errors and duplicate flags, then Import or Cancel. */
export function TransactionImportPanel(): ReactElement {
  const locale = useLocale();
  const { t, i18n } = useTranslation('importing');
  const { preview, busy, progress, error, result, file, excluded, accountId, open, commit, cancel, toggleExcluded, setMapping, setAccount } = useTransactionImport();
  const accounts = useAccountsStore(selectAccounts);
  const selectedAccountId = useAccountsStore(selectSelectedAccountId);
  const pending = usePendingCount('transactions');
  const input = useRef<HTMLInputElement>(null);

  useEffect(subscribeTransactionImportEvents, []);
  useEffect(() => {
    if (pending > 0) void open(useImportInbox.getState().take('transactions'));
  }, [pending, open]);
  // The account the rest of the app shows is where a new file goes, until the user picks another.
  useEffect(() => {
    if (!file && selectedAccountId !== accountId) useTransactionImport.setState({ accountId: selectedAccountId });
  }, [file, selectedAccountId, accountId]);

  const newRows = preview ? preview.rows.filter((r) => r.status === 'new' && !excluded.includes(r.line)) : [];
  const newCash = preview ? preview.cash.filter((c) => c.status === 'new' && !excluded.includes(c.line)) : [];
  // Counts over the whole file: a large file's preview lists only its first lines.
  const newCount = preview?.counts ? preview.counts.newRows + preview.counts.newCash : newRows.length + newCash.length;
  const cashCount = preview?.counts ? preview.counts.newCash : newCash.length;
  const errorLines = new Set(preview?.errors.map((e) => e.line) ?? []);
  const refused = preview ? refusedLines(preview) : [];
  const tableLines = (preview?.rows.length ?? 0) + (preview?.cash.length ?? 0) + refused.length;

  return (
    <section className="card tx-import" aria-labelledby="tx-import-title">
      <div className="card-header">
        <div>
          <h2 id="tx-import-title">{t('tx.title')}</h2>
          <p className="muted tx-import-sub">{t('tx.intro')}</p>
        </div>
        <div className="page-actions">
          <input
            ref={input}
            type="file"
            accept=".csv,.txt,.xml,.json,text/csv"
            multiple
            hidden
            aria-label={t('tx.fileLabel')}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) void open(files);
            }}
          />
          <button type="button" className="btn" onClick={() => input.current?.click()} disabled={busy}>
            {t('tx.choose')}
          </button>
        </div>
      </div>
      <div className="card-body tx-import-body">
        {!preview && !result && !error && !busy ? (
          <p className="muted tx-import-empty">{t('tx.empty')}</p>
        ) : null}
        {file ? <div className="tx-import-file">{file.fileName}</div> : null}
        {result ? (
          <Banner kind="success" title={t('tx.imported', { count: result.added, fileName: result.fileName })}>
            {result.cashAdded > 0 ? t('tx.cashAdded', { count: result.cashAdded }) : ''}
            {result.alreadyImported + result.cashAlreadyImported > 0 ? t('tx.alreadyIn', { count: result.alreadyImported + result.cashAlreadyImported }) : ''}
            {result.newAccounts.length > 0 ? t('tx.newAccounts', { names: result.newAccounts.join(', ') }) : ''}
            {result.excluded > 0 ? t('tx.youLeftOut', { count: result.excluded }) : ''}
            {result.newSecurities.length > 0 ? t('tx.newSecurities', { names: result.newSecurities.join(', ') }) : ''}
          </Banner>
        ) : null}
        {error ? <Banner kind="error" title={t('tx.notImported')}>{error}</Banner> : null}
        {busy && progress ? <JobProgressBar progress={progress} /> : busy && !preview ? <Loading label={t('tx.reading')} /> : null}

        {preview ? (
          <div className="import-body">
            {preview.summary ? (
              <p className="tx-import-sentence" aria-label={t('tx.howRead')}>
                {describeImportSummary(preview.summary, preview.summary.format === null ? null : formatLabel(preview.format, i18n), i18n)}
              </p>
            ) : null}
            <Summary preview={preview} newCount={newCount} />
            {accounts.length > 1 ? (
              <div className="field tx-import-account">
                <label htmlFor="tx-import-account">{t('tx.intoAccount')}</label>
                <select
                  id="tx-import-account"
                  className="select"
                  value={accountId ?? preview.targetAccountId ?? ''}
                  disabled={busy}
                  onChange={(e) => void setAccount(Number(e.target.value))}
                >
                  {accounts.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name} ({a.currency})
                    </option>
                  ))}
                </select>
                <span className="muted">{t('tx.intoAccountHint')}</span>
              </div>
            ) : null}
            {preview.generic ? <MappingEditor preview={preview} onChange={(m) => void setMapping(m)} /> : null}
            {preview.errors.length > 0 ? (
              <Banner kind="error" title={t('tx.attention', { count: errorLines.size })}>
                <ul className="line-errors">
                  {preview.errors.slice(0, 50).map((e, i) => (
                    <li key={i}>{lineProblemText(e, problemText(e), i18n)}</li>
                  ))}
                </ul>
                {preview.errors.length > 50 ? <div>{t('tx.andMore', { count: preview.errors.length - 50 })}</div> : null}
                <div>{tableLines > 0 ? t('tx.untickOrFix') : t('tx.fixFile')}</div>
              </Banner>
            ) : null}
            {preview.warnings.length > 0 ? (
              <Banner kind="warning" title={t('tx.deserveLook', { count: preview.warnings.length })}>
                <ul className="line-errors" aria-label={t('tx.warningsLabel')}>
                  {preview.warnings.slice(0, 50).map((w, i) => (
                    <li key={i}>{t('tx.lineWarning', { line: w.line, message: problemText(w) })}</li>
                  ))}
                </ul>
                {preview.warnings.length > 50 ? <div>{t('tx.andMore', { count: preview.warnings.length - 50 })}</div> : null}
              </Banner>
            ) : null}
            {preview.counts && preview.counts.rows + preview.counts.cash > preview.rows.length + preview.cash.length ? (
              <p className="muted">
                {t('shownLines', {
                  shown: formatNumber(preview.rows.length + preview.cash.length, locale),
                  total: formatNumber(preview.counts.rows + preview.counts.cash, locale),
                })}
              </p>
            ) : null}
            {tableLines > 0 ? (
              <PreviewTable rows={preview.rows} cash={preview.cash} refused={refused} excluded={excluded} errorLines={errorLines} onToggle={(l) => void toggleExcluded(l)} />
            ) : null}
            <div className="import-actions">
              <button type="button" className="btn" onClick={cancel}>
                {t('tx.cancel')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy || preview.errors.length > 0 || newCount === 0}
                onClick={() => void commit()}
              >
                {newCount === 0 ? t('tx.nothingNew') : cashCount === 0 ? t('tx.importTransactions', { count: newCount }) : t('tx.importLines', { count: newCount })}
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}

function Summary({ preview, newCount }: { preview: ImportPreview; newCount: number }): ReactElement {
  const already = preview.counts?.alreadyImported ?? preview.rows.filter((r) => r.status === 'already-imported').length;
  const dupes = preview.counts?.possibleDuplicates ?? preview.rows.filter((r) => r.possibleDuplicateOf !== null).length;
  const cash = preview.counts?.cash ?? preview.cash.length;
  // On a second import of a statement its cash lines are stored already, as its trades are: the chip says so.
  const cashStored = preview.counts ? preview.counts.cash - preview.counts.newCash : preview.cash.filter((c) => c.status === 'already-imported').length;
  const leftOut = preview.counts?.leftOut ?? 0;
  const { t, i18n } = useTranslation('importing');
  const locale = useLocale();
  return (
    <div className="import-summary" aria-label={t('tx.summaryLabel')}>
      <span className="badge badge-accent">{formatLabel(preview.format, i18n)}</span>
      <span className="badge">{t('tx.new', { count: newCount, formattedCount: formatNumber(newCount, locale) })}</span>
      {already > 0 ? <span className="badge">{t('tx.alreadyImported', { count: already, formattedCount: formatNumber(already, locale) })}</span> : null}
      {dupes > 0 ? <span className="badge badge-warning">{t('tx.duplicates', { count: dupes })}</span> : null}
      {cash > 0 ? (
        <span className="badge">
          {cashStored === 0
            ? t('tx.cashLines', { count: cash })
            : cashStored === cash
              ? t('tx.cashLinesAllStored', { count: cash, formattedCount: formatNumber(cash, locale) })
              : t('tx.cashLinesSomeStored', { count: cash, formattedCount: formatNumber(cash, locale), stored: formatNumber(cashStored, locale) })}
        </span>
      ) : null}
      {preview.summary && cash > 0 ? <CashCounts perType={preview.summary.cashPerType} /> : null}
      {leftOut > 0 ? <span className="badge">{t('tx.leftOutByYou', { count: leftOut, formattedCount: formatNumber(leftOut, locale) })}</span> : null}
      {preview.skipped.length > 0 ? (
        <span className="badge" title={preview.skipped.map((s) => t('tx.lineWarning', { line: s.line, message: problemText(s) })).join('\n')}>
          {t('tx.skipped', { count: preview.skipped.length })}
        </span>
      ) : null}
      {preview.newSecurities.length > 0 ? (
        <span className="badge badge-wrap" title={preview.newSecurities.join(', ')}>
          {preview.newSecurities.length > 6
            ? t('tx.addsMore', { names: preview.newSecurities.slice(0, 6).join(', '), count: preview.newSecurities.length - 6 })
            : t('tx.adds', { names: preview.newSecurities.join(', ') })}
        </span>
      ) : null}
    </div>
  );
}

/**
 * One line of the preview table: a trade, dividend, split or fee, a cash line of the account, or a line
 * refused while reading (its first problem), which the user may leave out so the rest imports.
 */
type PreviewItem = { kind: 'row'; row: ImportPreviewRow } | { kind: 'cash'; cash: ImportCashPreviewRow } | { kind: 'refused'; problem: ImportLineError };

const ITEM_ORDER: Record<PreviewItem['kind'], number> = { row: 0, cash: 1, refused: 2 };

function lineOf(item: PreviewItem): number {
  return item.kind === 'row' ? item.row.line : item.kind === 'cash' ? item.cash.line : item.problem.line;
}

/** Trades, cash lines and refused lines in file order (a trade before the cash line its own line gave, such as a fee in another currency). */
function previewItems(rows: readonly ImportPreviewRow[], cash: readonly ImportCashPreviewRow[], refused: readonly ImportLineError[]): PreviewItem[] {
  const items: PreviewItem[] = [
    ...rows.map((row) => ({ kind: 'row' as const, row })),
    ...cash.map((c) => ({ kind: 'cash' as const, cash: c })),
    ...refused.map((problem) => ({ kind: 'refused' as const, problem })),
  ];
  return items.sort((a, b) => lineOf(a) - lineOf(b) || ITEM_ORDER[a.kind] - ITEM_ORDER[b.kind]);
}

/** A refused line is new: nothing of it is stored. */
function statusOf(item: PreviewItem): ImportPreviewRow['status'] {
  if (item.kind === 'row') return item.row.status;
  return item.kind === 'cash' ? item.cash.status : 'new';
}

/**
 * Lines refused while reading (no transaction or cash line came of them), ticked or left out, with their first
 * problem. Only beside something that imports: a file with nothing readable is fixed, not unticked.
 */
function refusedLines(preview: ImportPreview): ImportLineError[] {
  if (preview.rows.length + preview.cash.length === 0) return [];
  const read = new Set([...preview.rows.map((r) => r.line), ...preview.cash.map((c) => c.line)]);
  const first = new Map<number, ImportLineError>();
  for (const e of [...preview.errors, ...preview.leftOut]) if (!read.has(e.line) && !first.has(e.line)) first.set(e.line, e);
  return [...first.values()];
}

function PreviewTable({
  rows,
  cash,
  refused,
  excluded,
  errorLines,
  onToggle,
}: {
  rows: ImportPreviewRow[];
  cash: ImportCashPreviewRow[];
  refused: ImportLineError[];
  excluded: number[];
  errorLines: Set<number>;
  onToggle(line: number): void;
}): ReactElement {
  const locale = useLocale();
  const { t } = useTranslation('importing');
  const scroller = useRef<HTMLDivElement>(null);
  const items = previewItems(rows, cash, refused);
  // A 10,000-line file: only the lines on screen are in the page; spacer rows keep the scroll height.
  const virtualizer = useVirtualRows({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => PREVIEW_ROW_PX,
    getItemKey: (i) => {
      const item = items[i];
      return item === undefined ? i : item.kind === 'row' ? `r${item.row.line}` : item.kind === 'cash' ? `c${item.cash.line}-${i}` : `x${item.problem.line}`;
    },
  });
  const shown = virtualizer.getVirtualItems();
  const before = shown[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (shown[shown.length - 1]?.end ?? 0);
  return (
    <div className="table-wrap import-preview" ref={scroller}>
      <table className="data" aria-label={t('tx.previewLabel')} aria-rowcount={items.length + 1}>
        <thead>
          <tr>
            <th>{t('tx.col.import')}</th>
            <th className="num">{t('tx.col.line')}</th>
            <th>{t('tx.col.date')}</th>
            <th>{t('tx.col.type')}</th>
            <th>{t('tx.col.security')}</th>
            <th className="num">{t('tx.col.quantity')}</th>
            <th className="num">{t('tx.col.price')}</th>
            <th>{t('tx.col.ccy')}</th>
            <th className="num">{t('tx.col.fees')}</th>
            <th>{t('tx.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 ? (
            <tr className="virtual-spacer" aria-hidden="true">
              <td colSpan={10} style={{ height: before }} />
            </tr>
          ) : null}
          {shown.map((v) => {
            const item = items[v.index] as PreviewItem;
            const line = lineOf(item);
            const status = statusOf(item);
            const isExcluded = excluded.includes(line);
            const cls = rowClass(isExcluded || status === 'already-imported', errorLines.has(line), item.kind === 'cash');
            return (
              <tr key={v.key} className={cls} data-index={v.index} ref={virtualizer.measureElement} aria-rowindex={v.index + 2}>
                <td>{status === 'new' ? <input type="checkbox" checked={!isExcluded} onChange={() => onToggle(line)} aria-label={t('tx.importLine', { line })} /> : null}</td>
                <td className="num">{formatNumber(line, locale)}</td>
                {item.kind === 'row' ? (
                  <TradeCells r={item.row} locale={locale} />
                ) : item.kind === 'cash' ? (
                  <CashCells c={item.cash} locale={locale} />
                ) : (
                  <td colSpan={7} className="tx-refused">
                    {problemText(item.problem)}
                  </td>
                )}
                <td>
                  {item.kind === 'refused' && isExcluded ? (
                    <span className="badge">{t('tx.statusLeftOut')}</span>
                  ) : status === 'already-imported' ? (
                    <span className="badge">{t('tx.statusAlready')}</span>
                  ) : item.kind === 'row' && item.row.possibleDuplicateOf ? (
                    <span className="badge badge-warning" title={t('tx.sameAsTitle')}>
                      {t('tx.sameAs', { lines: item.row.possibleDuplicateOf.filter((l) => l !== line).join(', ') })}
                    </span>
                  ) : errorLines.has(line) ? (
                    <span className="badge badge-warning">{t('tx.statusProblem')}</span>
                  ) : (
                    <span className="badge badge-accent">{t('tx.statusNew')}</span>
                  )}
                </td>
              </tr>
            );
          })}
          {after > 0 ? (
            <tr className="virtual-spacer" aria-hidden="true">
              <td colSpan={10} style={{ height: after }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function TradeCells({ r, locale }: { r: ImportPreviewRow; locale: string }): ReactElement {
  const { t } = useTranslation('importing');
  const { t: tTx } = useTranslation(['transactions']);
  return (
    <>
      <td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.date, locale)}</td>
      <td>{tTx(TYPE_WORD[r.type])}</td>
      <td>
        {r.symbol}
        {r.securitySource !== 'stored' ? <span className="muted">{t('tx.newSecurity')}</span> : null}
      </td>
      <td className="num">{r.type === 'split' ? `${formatNumber(r.splitFrom, locale, 6)} → ${formatNumber(r.splitTo, locale, 6)}` : formatNumber(r.quantity, locale, 6)}</td>
      <td className="num">{formatNumber(r.price, locale, 6)}</td>
      <td>{r.currency}</td>
      <td className="num">{r.fees ? formatNumber(r.fees, locale, 4) : ''}</td>
    </>
  );
}

/** Keys of the cash types, written out so the catalogue check sees each one used. */
const CASH_TYPE_KEYS = {
  deposit: 'cashType.deposit',
  withdrawal: 'cashType.withdrawal',
  interest: 'cashType.interest',
  fee: 'cashType.fee',
  tax: 'cashType.tax',
  refund: 'cashType.refund',
  exchange: 'cashType.exchange',
  'transfer-out': 'cashType.transferOut',
  'transfer-in': 'cashType.transferIn',
} as const satisfies Record<ImportCashPreviewRow['type'], string>;

const CASH_COUNT_KEYS = {
  deposit: 'cashCounts.deposit',
  withdrawal: 'cashCounts.withdrawal',
  interest: 'cashCounts.interest',
  fee: 'cashCounts.fee',
  tax: 'cashCounts.tax',
  refund: 'cashCounts.refund',
  exchange: 'cashCounts.exchange',
  'transfer-out': 'cashCounts.transferOut',
  'transfer-in': 'cashCounts.transferIn',
} as const satisfies Record<ImportCashPreviewRow['type'], string>;

function CashCells({ c, locale }: { c: ImportCashPreviewRow; locale: string }): ReactElement {
  const { t } = useTranslation('importing');
  const amount = Number(c.amount);
  const other =
    c.type === 'exchange' && c.counterAmount !== null && c.counterCurrency !== null
      ? t('exchangeInto', { amount: formatNumber(Number(c.counterAmount), locale, 6, 2), currency: c.counterCurrency })
      : c.counterAccount !== null
        ? t(c.type === 'transfer-out' ? 'transferTo' : 'transferFrom', { account: c.counterAccount })
        : (c.symbol ?? '');
  return (
    <>
      <td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.date, locale)}</td>
      <td>
        {t(CASH_TYPE_KEYS[c.type])} <span className="badge badge-cash">{t('cashTag')}</span>
      </td>
      <td>{other}</td>
      <td className="num" />
      <td className="num">{formatNumber(amount, locale, 6, 2)}</td>
      <td>{c.currency}</td>
      <td className="num" />
    </>
  );
}

/** "9,800 deposits · 200 withdrawals · 80 interest payments": the cash lines of the file by type. */
function CashCounts({ perType }: { perType: Partial<Record<ImportCashPreviewRow['type'], number>> }): ReactElement | null {
  const { t } = useTranslation('importing');
  const locale = useLocale();
  const parts = (Object.keys(CASH_COUNT_KEYS) as ImportCashPreviewRow['type'][])
    .filter((type) => (perType[type] ?? 0) > 0)
    .map((type) => t(CASH_COUNT_KEYS[type], { count: perType[type] ?? 0, formattedCount: formatNumber(perType[type] ?? 0, locale) }));
  if (parts.length === 0) return null;
  return (
    <span className="badge badge-wrap" aria-label={t('cashCounts.title')}>
      {parts.join(' · ')}
    </span>
  );
}

/** The running preview's or import's bar, with what it is doing now. */
function JobProgressBar({ progress }: { progress: TransactionJobProgress }): ReactElement {
  const { t } = useTranslation('importing');
  const locale = useLocale();
  const fraction = progressFraction(progress);
  const pct = Math.round(fraction * 100);
  const label =
    progress.phase === 'saving' && progress.total > 1
      ? t('progress.saving', { done: formatNumber(progress.done, locale), total: formatNumber(progress.total, locale) })
      : progress.phase === 'checking' || progress.phase === 'saving'
        ? t('progress.checking')
        : t('progress.reading', { pct: formatNumber(pct, locale) });
  return <ProgressBar fraction={fraction} label={label} ariaLabel={t('progress.label')} />;
}

/** A preview line's look: left out (greyed), with a problem, or a cash line. */
function rowClass(leftOut: boolean, hasError: boolean, cash: boolean): string | undefined {
  if (leftOut) return 'row-excluded';
  if (hasError) return 'row-error';
  return cash ? 'row-cash' : undefined;
}

function MappingEditor({ preview, onChange }: { preview: ImportPreview; onChange(mapping: TransactionMapping): void }): ReactElement | null {
  const { t } = useTranslation('importing');
  const { t: tTx } = useTranslation(['transactions']);
  // A type word's target: a transaction type, a cash type, or skip.
  const targetLabel = (target: TypeTarget): string =>
    target === 'skip' ? t('mapping.skip') : isTransactionType(target) ? tTx(TYPE_WORD[target]) : t(CASH_TYPE_KEYS[target]);
  const generic = preview.generic;
  if (!generic) return null;
  const { mapping, headers } = generic;
  // Words of the mapped Type column, and any the preview still could not place (rows beyond the sample).
  const unknown = preview.errors.map((e) => (e.field === 'type' ? unknownTypeWordOf(e.message) : null)).filter((w): w is string => w !== null);
  const words = [...new Set([...Object.keys(mapping.typeWords), ...generic.unmappedTypeWords, ...unknown.map((w) => w.toLowerCase())])];
  const setColumn = (field: keyof TransactionMapping['columns'], index: number | null): void => {
    const columns = { ...mapping.columns, [field]: index };
    if (field !== 'type') return onChange({ ...mapping, columns });
    // A new Type column brings new words: suggest them afresh instead of keeping the old column's.
    onChange({ ...mapping, columns, typeWords: suggestTypeWords(typeWordsInColumn(generic.sampleRows, index)).typeWords });
  };
  return (
    <details className="card card-body mapping" open>
      <summary>
        <strong>{t('mapping.title')}</strong> <span className="muted">{t('mapping.hint')}</span>
      </summary>
      <div className="mapping-grid">
        {(Object.keys(FIELD_LABELS) as (keyof TransactionMapping['columns'])[]).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`map-${field}`}>{t(FIELD_LABELS[field])}</label>
            <select
              id={`map-${field}`}
              className="select"
              value={mapping.columns[field] ?? ''}
              onChange={(e) => setColumn(field, e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">{t('mapping.none')}</option>
              {headers.map((h, i) => (
                <option key={i} value={i}>
                  {h || t('mapping.column', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="map-date-order">{t('mapping.dates')}</label>
          <select id="map-date-order" className="select" value={mapping.dateOrder} onChange={(e) => onChange({ ...mapping, dateOrder: e.target.value as 'DMY' | 'MDY' })}>
            <option value="DMY">{t('mapping.dmy')}</option>
            <option value="MDY">{t('mapping.mdy')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="map-decimal">{t('mapping.decimal')}</label>
          <select id="map-decimal" className="select" value={mapping.decimalSeparator} onChange={(e) => onChange({ ...mapping, decimalSeparator: e.target.value as '.' | ',' })}>
            <option value=".">1,234.56</option>
            <option value=",">1.234,56</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="map-currency">{t('mapping.defaultCurrency')}</label>
          <input
            id="map-currency"
            className="input"
            maxLength={3}
            placeholder={t('mapping.currencyPlaceholder')}
            defaultValue={mapping.defaultCurrency ?? ''}
            onBlur={(e) => {
              const v = e.target.value.trim().toUpperCase();
              onChange({ ...mapping, defaultCurrency: /^[A-Z]{3}$/.test(v) ? v : null });
            }}
          />
        </div>
      </div>
      {words.length > 0 ? (
        <>
          <h3 className="mapping-sub">{t('mapping.typesTitle')}</h3>
          <div className="mapping-grid">
            {words.map((w) => (
              <div className="field" key={w}>
                <label htmlFor={`word-${w}`}>{t('mapping.word', { word: w })}</label>
                <select
                  id={`word-${w}`}
                  className="select"
                  aria-invalid={mapping.typeWords[w] === undefined ? 'true' : undefined}
                  value={mapping.typeWords[w] ?? ''}
                  onChange={(e) => onChange({ ...mapping, typeWords: { ...mapping.typeWords, [w]: e.target.value as TypeTarget } })}
                >
                  <option value="" disabled>
                    {t('mapping.choose')}
                  </option>
                  {TYPE_TARGETS.map((target) => (
                    <option key={target} value={target}>
                      {targetLabel(target)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </>
      ) : null}
    </details>
  );
}
