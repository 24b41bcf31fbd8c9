import type { SecurityKind } from './security';

/**
 * What a security created from a search text starts as: "Euro Stoxx 50" is a name (symbol
 * ^STOXX50E is unknown to us, so the symbol is the name in capitals without spaces, which the
 * user can edit); "ABC.DE" is a symbol. An index when the text says so or starts with ^.
 * The currency is the file's when it is known, else the base currency; the exchange
 * follows the currency's home market so events fall on the right calendar.
 */
export interface NewSecurityDraft {
  symbol: string;
  name: string;
  currency: string;
  exchange: string;
  kind: SecurityKind;
}

const HOME_EXCHANGE: Record<string, string> = { HKD: 'HKEX', USD: 'NYSE', EUR: 'XETRA', GBP: 'LSE', CNY: 'SSE' };

export function draftFromSearch(text: string, fileCurrency: string | null, baseCurrency: string): NewSecurityDraft {
  const t = text.trim().replace(/\s+/g, ' ');
  const looksLikeSymbol = !t.includes(' ') && /^[\^A-Za-z0-9.=-]{1,32}$/.test(t);
  const index = t.startsWith('^') || /\b(index|indice|stoxx|dax|hang seng|s&p|nasdaq 100|ftse|nikkei|cac)\b/i.test(t);
  const kind: SecurityKind = index ? 'index' : /\betf\b|\bucits\b/i.test(t) ? 'etf' : 'stock';
  const currency = fileCurrency ?? baseCurrency;
  return {
    symbol: (looksLikeSymbol ? t : t.replace(/[^A-Za-z0-9.^]/g, '')).toUpperCase().slice(0, 32),
    name: t,
    currency,
    exchange: kind === 'index' ? 'INDEX' : (HOME_EXCHANGE[currency] ?? 'INDEX'),
    kind,
  };
}
