/**
 * The currency a price file is most likely in, for the default of a security created from
 * it: the symbol's exchange suffix (9988.HK → HKD) or a currency sign on the prices
 * ("$227.85" → USD). Null when neither says; the user then picks.
 */
const SUFFIX_CURRENCY: Record<string, string> = {
  HK: 'HKD',
  DE: 'EUR',
  F: 'EUR',
  PA: 'EUR',
  AS: 'EUR',
  MI: 'EUR',
  MC: 'EUR',
  BR: 'EUR',
  VI: 'EUR',
  L: 'GBP',
  SW: 'CHF',
  T: 'JPY',
  SS: 'CNY',
  SZ: 'CNY',
  TO: 'CAD',
  AX: 'AUD',
  SI: 'SGD',
  US: 'USD',
};

const SIGNS: [RegExp, string][] = [
  [/^\s*HK\$/, 'HKD'],
  [/^\s*US\$/, 'USD'],
  [/^\s*\$/, 'USD'],
  [/^\s*€|€\s*$/, 'EUR'],
  [/^\s*£/, 'GBP'],
  [/^\s*¥/, 'JPY'],
];

export function currencyHint(symbol: string | null, sampleValues: readonly string[]): string | null {
  const suffix = symbol ? /\.([A-Z]{1,2})$/i.exec(symbol.trim())?.[1]?.toUpperCase() : undefined;
  if (suffix !== undefined && SUFFIX_CURRENCY[suffix] !== undefined) return SUFFIX_CURRENCY[suffix] ?? null;
  for (const value of sampleValues) {
    for (const [sign, code] of SIGNS) if (sign.test(value)) return code;
  }
  return null;
}
