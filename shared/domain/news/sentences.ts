/**
 * Sentences with their offsets. Each line is a block of its own: in the news
 * text we get, a line break ends a paragraph or a subheading, never a sentence
 * in the middle.
 */
export interface Sentence {
  text: string;
  start: number; // offset in the whole text
  block: number; // index of the line it belongs to; blocks separate topics for subject carry-over
}

// Words whose trailing period is not a sentence end.
const ABBREVIATIONS = new Set([
  'z.b', 'bzw', 'ca', 'dr', 'prof', 'mr', 'mrs', 'ms', 'st', 'inc', 'co', 'corp', 'ltd', 'vs', 'u.a', 'usw', 'etc', 'nr', 'no', 'jan', 'feb', 'mrd', 'mio', 'bn', 'mn', 'u.s', 'e.g', 'i.e', 'jr', 'sr',
]);

// Latin sentences end at punctuation followed by a space and a capital; CJK ones at a full-width stop, with no space.
const BOUNDARY = /[.!?…]+["“”»'’)]?\s+(?=["„“«(]?[\p{Lu}\p{N}])|[。！？]+[」』”’）)]?/gu;
/**
 * The longest sentence handed on. Later steps look at a sentence's names and
 * numbers pairwise, so an unbounded "sentence" (a CJK paragraph written with
 * commas only) would make them quadratic; longer runs are cut at a clause mark.
 */
export const MAX_SENTENCE = 600;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  const lines = text.split('\n');
  lines.forEach((line, block) => {
    let start = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
      if (!/^[。！？]/.test(m[0])) {
        // Only the last word matters; looking at a bounded tail keeps long lines linear.
        const before = line.slice(Math.max(start, m.index - 40), m.index);
        const lastWord = (/([\p{L}.]+|\d+)$/u.exec(before)?.[1] ?? '').toLowerCase();
        // '11. Januar' is a date, 'Dr. Ling' a title: neither ends the sentence.
        if (/^\d+$/.test(lastWord) || ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord)) continue;
      }
      const end = m.index + m[0].trimEnd().length;
      pushBounded(out, line, start, end, lineStart, block);
      start = m.index + m[0].length;
    }
    pushBounded(out, line, start, line.length, lineStart, block);
    lineStart += line.length + 1;
  });
  return out;
}

const CLAUSE_MARK = /[,;:，；：、\s]/u;

function pushBounded(out: Sentence[], line: string, from: number, to: number, lineStart: number, block: number): void {
  let start = from;
  while (to - start > MAX_SENTENCE) {
    let cut = start + MAX_SENTENCE;
    const floor = start + MAX_SENTENCE / 2;
    while (cut > floor && !CLAUSE_MARK.test(line[cut - 1] ?? '')) cut -= 1;
    if (cut <= floor) cut = start + MAX_SENTENCE;
    push(out, line.slice(start, cut), lineStart + start, block);
    start = cut;
  }
  push(out, line.slice(start, to), lineStart + start, block);
}

function push(out: Sentence[], raw: string, start: number, block: number): void {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text !== '') out.push({ text, start: start + lead, block });
}

/** The opening sentences of a body, up to about `max` characters, for a summary. */
export function leadSentences(body: string, max = 280): string {
  const firstParagraph = body.split('\n').find((l) => /[.!?…]["“”»']?$/.test(l.trim()) || l.trim().length > 80) ?? body.split('\n')[0] ?? '';
  let summary = '';
  for (const s of splitSentences(firstParagraph)) {
    if (summary !== '' && summary.length + s.text.length + 1 > max) break;
    summary = summary === '' ? s.text : `${summary} ${s.text}`;
  }
  return summary.length > max * 2 ? `${summary.slice(0, max).trimEnd()}…` : summary;
}
