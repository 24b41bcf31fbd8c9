import type { TransactionImportSummary } from '@shared/api/transactions';
import { formatNumber } from '@renderer/ui/format';

/**
 * The preview's one sentence on how the file was read:
 * "Degiro account statement, Dutch, 74 lines: 23 trades, 9 dividends, 19 cash lines, 32 skipped".
 */
export function describeImportSummary(summary: TransactionImportSummary, locale: string): string {
  const count = (n: number, one: string, many: string): string => `${formatNumber(n, locale)} ${n === 1 ? one : many}`;
  const head = [summary.format ?? 'Read with your column mapping', summary.language].filter((x): x is string => x !== null && x !== '').join(', ');
  const parts: string[] = [];
  if (summary.trades > 0) parts.push(count(summary.trades, 'trade', 'trades'));
  const dividends = summary.perType.dividend ?? 0;
  if (dividends > 0) parts.push(count(dividends, 'dividend', 'dividends'));
  const splits = summary.perType.split ?? 0;
  if (splits > 0) parts.push(count(splits, 'split', 'splits'));
  const fees = summary.perType.fee ?? 0;
  if (fees > 0) parts.push(count(fees, 'fee', 'fees'));
  const transfers = (summary.perType['transfer-in'] ?? 0) + (summary.perType['transfer-out'] ?? 0);
  if (transfers > 0) parts.push(count(transfers, 'share transfer', 'share transfers'));
  if (summary.cashLines > 0) parts.push(count(summary.cashLines, 'cash line', 'cash lines'));
  if (summary.skipped > 0) parts.push(`${formatNumber(summary.skipped, locale)} skipped`);
  if (summary.errorLines > 0) parts.push(count(summary.errorLines, 'line with problems', 'lines with problems'));
  if (summary.warnings > 0) parts.push(count(summary.warnings, 'warning', 'warnings'));
  return `${head}, ${count(summary.lines, 'line', 'lines')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}
