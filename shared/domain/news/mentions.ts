import { foldText, isWordChar, widthText, type FoldedText } from './fold';

/**
 * Where a company name or ticker occurs in a text, as offsets into that text.
 *
 * Names are matched after folding (NFKC, no accents, case-folded), so 'JD.COM',
 * 'ＪＤ.com' and 'Privée'/'Privee' are found. At a name's Latin edge the
 * neighbour must not be a letter or digit ('jd' is not found in 'Jdx'); at a CJK
 * edge there is no such check, since Chinese has no spaces between words. A
 * German/English genitive 's' is accepted on names of four letters or more
 * ('Nvidias H200-Chips').
 *
 * Tickers are matched as written, upper case, standalone: 'BABA', 'NVDA'. Tickers
 * that are also everyday words or abbreviations ('ON', 'ALL', 'IT', 'AI', 'US')
 * and single letters count only with a '$' or exchange prefix ('$ON',
 * 'NASDAQ: ON'), because in prose they are nearly always the word. In text that
 * is mostly capitals (shouted headlines) bare tickers are not trusted at all.
 */
export interface Mention {
  index: number;
  end: number;
  text: string;
}

/**
 * Linking searches the same few texts (headline, body) for every name of every
 * security, so each text is folded once and remembered for the next searches.
 */
const PREPARED_LIMIT = 16;
const prepared = new Map<string, { folded?: FoldedText; width?: FoldedText; capitals?: boolean }>();

function preparedText(text: string): { folded?: FoldedText; width?: FoldedText; capitals?: boolean } {
  let entry = prepared.get(text);
  if (!entry) {
    if (prepared.size >= PREPARED_LIMIT) prepared.delete(prepared.keys().next().value as string);
    entry = {};
    prepared.set(text, entry);
  }
  return entry;
}

function foldedOf(text: string): FoldedText {
  const entry = preparedText(text);
  return (entry.folded ??= foldText(text));
}

function widthOf(text: string): FoldedText {
  const entry = preparedText(text);
  return (entry.width ??= widthText(text));
}

// Names are few and searched in every item: each is folded once.
const foldedNames = new Map<string, string>();

function foldedName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = foldText(name.trim()).folded;
    if (foldedNames.size < 10_000) foldedNames.set(name, folded);
  }
  return folded;
}

export function findNameMentions(text: string, name: string): Mention[] {
  const needle = foldedName(name);
  if (needle.length < 2) return [];
  // Short all-capital names ('AMD', 'UBS') are acronyms and follow the ticker rule.
  if (/^[A-Z0-9]{2,4}$/.test(name.trim())) return findSymbolMentions(text, name.trim());
  const { folded, origin } = foldedOf(text);
  const latinStart = isWordChar(needle[0]);
  const latinEnd = isWordChar(needle[needle.length - 1]);
  const out: Mention[] = [];
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    if (latinStart && isWordChar(folded[at - 1])) continue;
    let stop = at + needle.length;
    if (latinEnd && isWordChar(folded[stop])) {
      const genitive = needle.length >= 4 && folded[stop] === 's' && !isWordChar(folded[stop + 1]);
      if (!genitive) continue;
      stop += 1;
    }
    const index = origin[at] ?? 0;
    const end = origin[stop] ?? text.length;
    out.push({ index, end, text: text.slice(index, end) });
  }
  return out;
}

/**
 * A quick necessary condition for findNameMentions(text, name): the name's folded form occurs in
 * the folded text. Linking a feed tests every name of every security in every item, and nearly
 * all of them are absent; this answers those with one indexOf.
 */
export function nameMayOccur(text: string, name: string): boolean {
  const needle = foldedName(name);
  if (needle.length < 2) return false;
  return foldedOf(text).folded.includes(needle);
}

/** The same for findSymbolMentions: a symbol written in any width or case folds to its lower case; a Hong Kong code is its digits. */
export function symbolMayOccur(text: string, symbol: string): boolean {
  const sym = symbol.trim().replace(/^\$/, '');
  const hk = /^(\d{1,5})\.HK$/i.exec(sym);
  if (hk) {
    const digits = (hk[1] ?? '').replace(/^0+/, '');
    if (digits !== '' && text.includes(digits)) return true;
  }
  return sym !== '' && foldedOf(text).folded.includes(sym.toLowerCase());
}

const COMMON_WORDS = new Set([
  'A', 'I', 'AI', 'ALL', 'AM', 'AN', 'ARE', 'AT', 'BE', 'BIG', 'BY', 'CAN', 'CEO', 'CFO', 'DE', 'DO', 'EU', 'ECB', 'ETF', 'EV',
  'FED', 'FOR', 'FUN', 'GDP', 'GO', 'HAS', 'HE', 'HK', 'IMF', 'IPO', 'IT', 'KEY', 'KI', 'NEW', 'NOW', 'ON', 'ONE', 'OR', 'OUT',
  'PC', 'PM', 'REAL', 'SEE', 'SO', 'TV', 'UK', 'UN', 'US', 'USA', 'WELL', 'CASH', 'OPEN', 'PLAY', 'TECH', 'CAR', 'LOVE', 'NICE',
]);

export function isAmbiguousTicker(symbol: string): boolean {
  return symbol.length === 1 || COMMON_WORDS.has(symbol);
}

const PREFIX = /(\$|(?:NASDAQ|NYSE|NYSEARCA|AMEX|HKEX|HKG|SEHK|XETRA|LSE|OTC)\s*:\s*)$/i;

function mostlyCapitals(text: string): boolean {
  const entry = preparedText(text);
  return (entry.capitals ??= countCapitals(text));
}

function countCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  return letters.length >= 12 && upper.length / letters.length > 0.7;
}

/**
 * Hong Kong listings are written by their stock code alone: '9988', '09988',
 * 'HKEX: 9988', '(9988.HK)'. A bare number counts when written with at least
 * four digits (codes are zero-padded to 4 or 5: '0700', '00700') and it is not
 * part of a larger number, an amount, a percentage or another symbol; a shorter
 * one ('700') only behind an exchange prefix.
 */
function findHongKongCodeMentions(text: string, code: string): Mention[] {
  const digits = code.replace(/^0+/, '');
  if (digits === '' || !text.includes(digits)) return [];
  let re = hongKongCodePatterns.get(digits);
  if (!re) {
    re = hongKongCodePattern(digits);
    hongKongCodePatterns.set(digits, re);
  }
  const out: Mention[] = [];
  for (const m of text.matchAll(re)) {
    if (!m[1] && (m[2] ?? '').length < 4) continue;
    out.push({ index: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

const hongKongCodePatterns = new Map<string, RegExp>();

function hongKongCodePattern(digits: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}.,$€£¥])((?:HKEX|HKG|SEHK|HK)\\s*[:：]?\\s*)?(0*${digits})(?![\\p{L}\\p{N}%])(?![.,]\\d)(?!\\.[A-Za-z])`,
    'giu',
  );
}

/** Offsets of a listing symbol. Suffixed symbols ('9988.HK') are distinctive and matched case-insensitively. */
export function findSymbolMentions(text: string, symbol: string): Mention[] {
  const hk = /^(\d{1,5})\.HK$/i.exec(symbol.trim());
  if (hk) return [...findSuffixedOrPlain(text, symbol), ...findHongKongCodeMentions(text, hk[1] ?? '')].sort((a, b) => a.index - b.index);
  return findSuffixedOrPlain(text, symbol);
}

function findSuffixedOrPlain(text: string, symbol: string): Mention[] {
  const sym = symbol.trim().replace(/^\$/, '');
  if (!/^[A-Za-z0-9]{1,6}([.-][A-Za-z0-9]{1,3})?$/.test(sym)) return [];
  const suffixed = /[.-]/.test(sym);
  const { folded: haystack, origin } = suffixed ? foldedOf(text) : widthOf(text);
  const needle = suffixed ? sym.toLowerCase() : sym;
  const strict = !suffixed && (isAmbiguousTicker(sym) || mostlyCapitals(text));
  const out: Mention[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const stop = at + needle.length;
    const after = haystack[stop];
    if (isWordChar(haystack[at - 1]) || isWordChar(after)) continue;
    // 'JD.com' is a name (found by name matching); 'US-Sanktionen' is a word, not a ticker.
    if (!suffixed && (after === '-' || (after === '.' && isWordChar(haystack[stop + 1])))) continue;
    const prefix = PREFIX.exec(haystack.slice(Math.max(0, at - 12), at));
    if (strict && !prefix) continue;
    const index = origin[prefix ? at - (prefix[1] ?? '').length : at] ?? 0;
    const end = origin[stop] ?? text.length;
    out.push({ index, end, text: text.slice(index, end) });
  }
  return out;
}
