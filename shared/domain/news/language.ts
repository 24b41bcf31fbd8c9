/**
 * Language from the text itself. Feeds often declare the site's language rather
 * than the item's (RTHK's English service says zh-HK), so content wins whenever
 * it gives a clear signal and the declaration is only a tie-breaker.
 */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'on', 'for', 'that', 'with', 'as', 'at', 'by', 'its', 'from', 'said', 'was', 'are', 'after', 'will', 'has'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'von', 'den', 'dem', 'des', 'sich', 'auf', 'für', 'eine', 'ein', 'wie', 'auch', 'zu', 'im', 'bei', 'wird', 'hat'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'du', 'pour', 'dans', 'que', 'qui', 'sur', 'avec', 'pas', 'au'],
  es: ['el', 'los', 'las', 'del', 'que', 'y', 'una', 'por', 'con', 'para', 'es', 'su', 'se', 'al', 'como'],
  nl: ['het', 'een', 'en', 'van', 'de', 'niet', 'met', 'voor', 'zijn', 'op', 'dat', 'ook', 'bij'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'una', 'sono', 'della', 'con', 'non', 'gli', 'del'],
};

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LATIN = /\p{Script=Latin}/gu;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

// Which languages list each stopword, built once: a feed detects the language of every item.
const LANGUAGES_OF = new Map<string, number[]>();
const LANGUAGES = Object.keys(STOPWORDS);
LANGUAGES.forEach((lang, i) => {
  for (const word of STOPWORDS[lang] ?? []) if (!LANGUAGES_OF.get(word)?.includes(i)) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), i]);
});

/** ASCII letters, or -1 when the text has any other character (then the script counts need the Unicode patterns). */
function asciiLetters(text: string): number {
  let letters = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 128) return -1;
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) letters += 1;
  }
  return letters;
}

export function detectLanguage(text: string, declared?: string | null): string {
  const fallback = normalizeLanguageTag(declared) ?? 'und';
  const ascii = asciiLetters(text);
  const kana = ascii >= 0 ? 0 : count(text, KANA);
  const han = ascii >= 0 ? 0 : count(text, HAN);
  const hangul = ascii >= 0 ? 0 : count(text, HANGUL);
  const latin = ascii >= 0 ? ascii : count(text, LATIN);
  const cjk = kana + han + hangul;
  if (cjk > 0 && cjk >= latin / 2) {
    if (hangul > han + kana) return 'ko';
    // Chinese text uses a few katakana too (the middle dot '・'); Japanese uses them throughout.
    if (kana > Math.max(2, cjk * 0.05)) return 'ja';
    return 'zh';
  }
  if (latin === 0) return fallback;

  // In ASCII text the letters are a–z once lower-cased; the Unicode pattern is needed only beyond it.
  const words = (ascii >= 0 ? text.toLowerCase().match(/[a-z]+/g) : text.toLowerCase().match(/\p{L}+/gu)) ?? [];
  const counts = LANGUAGES.map(() => 0);
  for (const w of words) for (const i of LANGUAGES_OF.get(w) ?? []) counts[i] = (counts[i] ?? 0) + 1;
  // Highest first; equal scores keep the list's order (a stable sort).
  const ranked = LANGUAGES.map((lang, i): [string, number] => [lang, counts[i] ?? 0]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] === 0) return fallback;
  // A tie means the words are shared between languages ('in', 'die'); keep what the source declared.
  if (second && best[1] === second[1]) return fallback;
  return best[0];
}
