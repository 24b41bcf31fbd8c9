/**
 * Text folding for matching names in news: "ＪＤ．ｃｏｍ", "jd.com" and "JD.com"
 * must compare equal, and "Privée" must match "Privee". Folding changes string
 * lengths (NFKC expands ligatures, casefolding turns ß into ss), so every folded
 * string keeps a map back to the original offsets: links and claims report
 * positions in the text the user actually sees.
 */
export interface FoldedText {
  folded: string;
  /** origin[i] = offset in the original string of folded character i; origin[folded.length] = original length. */
  origin: number[];
}

const COMBINING_MARK = /\p{M}/u;

// Normalizing is the costly part of folding CJK text, where a few thousand distinct characters repeat; each is folded once.
const FOLDED_CHARS = new Map<string, string>();
const FOLDED_CHARS_LIMIT = 20_000;

export function foldChar(char: string): string {
  const known = FOLDED_CHARS.get(char);
  if (known !== undefined) return known;
  const folded = foldCharUncached(char);
  if (FOLDED_CHARS.size < FOLDED_CHARS_LIMIT) FOLDED_CHARS.set(char, folded);
  return folded;
}

function foldCharUncached(char: string): string {
  const decomposed = char.normalize('NFKC').normalize('NFD');
  let out = '';
  for (const c of decomposed) {
    if (!COMBINING_MARK.test(c)) out += c;
  }
  // toLowerCase is Unicode-aware but keeps ß; full casefolding maps it to "ss".
  return out.toLowerCase().replace(/ß/g, 'ss');
}

export function foldText(text: string): FoldedText {
  return mapChars(text, foldChar, true);
}

/** Full-width to half-width (NFKC) only, keeping case: tickers are matched as written. */
export function widthText(text: string): FoldedText {
  return mapChars(text, (c) => c.normalize('NFKC'), false);
}

function mapChars(text: string, map: (char: string) => string, lowerAscii: boolean): FoldedText {
  // Text without any non-ASCII character folds to itself (lower-cased): one pass, and an identity map built in one allocation.
  let ascii = true;
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) >= 128) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const origin = new Array<number>(text.length + 1);
    for (let i = 0; i <= text.length; i += 1) origin[i] = i;
    return { folded: lowerAscii ? text.toLowerCase() : text, origin };
  }
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    // ASCII needs no normalization: the fast path keeps linking a whole feed cheap.
    const code = char.charCodeAt(0);
    const f = code < 128 ? (lowerAscii && code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char) : map(char);
    for (let i = 0; i < f.length; i += 1) origin.push(offset);
    folded += f;
    offset += char.length;
  }
  origin.push(offset);
  return { folded, origin };
}

/** Folding without the offset map, for keys and comparisons. */
export function fold(text: string): string {
  return foldText(text).folded;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && LETTER_OR_DIGIT.test(char) && !CJK.test(char);
}
