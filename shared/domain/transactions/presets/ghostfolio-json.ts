import { currencyCode, isIsin } from '../cells';
import type { ImportResult } from '../imported-transaction';
import { cashLine, round, transaction } from './build';
import { byLine, emptyResult, lineError, skipLine, type TransactionPreset } from './preset';

/**
 * Ghostfolio's export (Portfolio ▸ Export), the only format Ghostfolio exports in: a JSON
 * document with accounts, asset profiles and activities. Activities of MANUAL assets name
 * the asset by an id; its asset profile gives the name the user knows.
 */
export const ghostfolioJsonPreset: TransactionPreset = {
  id: 'ghostfolio-json',
  label: 'Ghostfolio export (JSON)',
  isHeader: () => false,
  recognise: (text) => {
    if (!/^\s*\{/.test(text) || !text.includes('"activities"')) return false;
    const doc = parseJson(text);
    return doc !== null && Array.isArray(doc.activities) && ('meta' in doc || 'accounts' in doc || 'assetProfiles' in doc);
  },
  language: () => 'English',
  parse: parseGhostfolioJson,
};

interface Activity {
  id?: unknown;
  accountId?: unknown;
  comment?: unknown;
  fee?: unknown;
  quantity?: unknown;
  type?: unknown;
  unitPrice?: unknown;
  currency?: unknown;
  dataSource?: unknown;
  date?: unknown;
  symbol?: unknown;
}
interface Doc {
  activities?: unknown;
  accounts?: unknown;
  assetProfiles?: unknown;
}

function parseJson(text: string): (Doc & Record<string, unknown>) | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Doc & Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function parseGhostfolioJson(text: string): ImportResult {
  const result = emptyResult();
  const doc = parseJson(text);
  if (doc === null || !Array.isArray(doc.activities)) {
    result.errors.push(lineError(1, 'row', 'errors:preset.ghostfolioNoActivities'));
    return result;
  }
  const lines = arrayItemLines(text, 'activities');
  const accounts = new Map<string, string>();
  for (const a of Array.isArray(doc.accounts) ? (doc.accounts as { id?: unknown; name?: unknown }[]) : []) accounts.set(str(a.id), str(a.name));
  const profiles = new Map<string, { name: string; isin: string }>();
  for (const p of Array.isArray(doc.assetProfiles) ? (doc.assetProfiles as { symbol?: unknown; name?: unknown; isin?: unknown }[]) : []) {
    profiles.set(str(p.symbol), { name: str(p.name), isin: str(p.isin) });
  }

  (doc.activities as Activity[]).forEach((a, i) => {
    const line = lines[i] ?? 1;
    const type = str(a.type).toUpperCase();
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(str(a.date))?.[1] ?? null;
    const currency = currencyCode(str(a.currency));
    const quantity = numOrNull(a.quantity) ?? 0;
    const unitPrice = numOrNull(a.unitPrice) ?? 0;
    const fee = Math.abs(numOrNull(a.fee) ?? 0);
    const account = accounts.get(str(a.accountId)) || null;
    const manual = str(a.dataSource).toUpperCase() === 'MANUAL';
    const profile = profiles.get(str(a.symbol));
    const security = manual
      ? { symbol: null, isin: profile && isIsin(profile.isin) ? profile.isin : null, name: profile?.name || str(a.symbol) }
      : { symbol: str(a.symbol) || null, isin: profile && isIsin(profile.isin) ? profile.isin : null, name: profile?.name || null };
    const note = str(a.comment);
    const externalId = str(a.id) || null;
    if (date === null || currency === null) {
      result.errors.push(
        date === null
          ? lineError(line, 'date', 'errors:preset.activityDate', { n: i + 1, value: str(a.date) })
          : lineError(line, 'currency', 'errors:preset.activityCurrency', { n: i + 1, value: str(a.currency) }),
      );
      return;
    }
    if (type === 'BUY' || type === 'SELL') {
      if (quantity === 0 && unitPrice === 0 && fee === 0) {
        result.skipped.push(skipLine(line, 'errors:preset.placeholder', { type: { key: type === 'BUY' ? 'errors:typeName.buy' : 'errors:typeName.sell' } }));
        return;
      }
      if (quantity <= 0) {
        result.errors.push(lineError(line, 'quantity', 'errors:preset.placeholderQuantity', { n: i + 1, type: { key: type === 'BUY' ? 'errors:typeName.buy' : 'errors:typeName.sell' }, quantity }));
        return;
      }
      result.transactions.push(transaction({ type: type === 'BUY' ? 'buy' : 'sell', date, quantity, price: unitPrice, currency, fees: fee, note, externalId, ...security, account, line }));
    } else if (type === 'DIVIDEND') {
      result.transactions.push(transaction({ type: 'dividend', date, quantity, price: unitPrice, currency, fees: fee, note, externalId, ...security, account, line }));
    } else if (type === 'FEE') {
      // Ghostfolio puts a fee's amount in `fee`; some versions also in quantity × unitPrice.
      const amount = fee > 0 ? fee : round(quantity * unitPrice);
      result.cash.push(cashLine({ type: 'fee', date, amount, currency, account, ...security, note: [security.name, note].filter(Boolean).join(' — '), externalId, line }));
    } else if (type === 'INTEREST') {
      result.cash.push(cashLine({ type: 'interest', date, amount: round(quantity * unitPrice), currency, account, ...security, note, externalId, line }));
    } else if (type === 'ITEM' || type === 'LIABILITY') {
      result.skipped.push(skipLine(line, type === 'ITEM' ? 'errors:preset.ghostfolioItem' : 'errors:preset.ghostfolioLiability', { name: security.name ?? security.symbol ?? '' }));
    } else {
      result.errors.push(lineError(line, 'type', 'errors:preset.unknownType', { broker: 'Ghostfolio', word: str(a.type) }));
    }
  });
  return byLine(result);
}

/**
 * 1-based line where each element of the top-level array `key` starts, so messages point
 * at the activity in the file. A small scanner that respects strings is enough here.
 */
export function arrayItemLines(text: string, key: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastString = '';
  let current = '';
  let arrayDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') {
        current += text[i + 1] ?? '';
        i++;
      } else if (ch === '"') {
        inString = false;
        lastString = current;
      } else current += ch;
      continue;
    }
    if (ch === '"') {
      inString = true;
      current = '';
    } else if (ch === '{' || ch === '[') {
      if (arrayDepth >= 0 && depth === arrayDepth) lines.push(line);
      if (ch === '[' && depth === 1 && lastString === key && arrayDepth < 0) arrayDepth = depth + 1;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (arrayDepth >= 0 && depth < arrayDepth) arrayDepth = -2;
    } else if (ch === ',' || ch === ':') {
      if (ch === ',') lastString = '';
    }
  }
  return lines;
}
