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

const BOUNDARY = /[.!?…]+["“”»'’)]?\s+(?=["„“«(]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  const lines = text.split('\n');
  lines.forEach((line, block) => {
    let start = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
      // Only the tail: an end-anchored search over a whole long run of digits is quadratic
      // (300,000 digits took minutes), and 64 characters decide every test below alike.
      const before = line.slice(Math.max(start, m.index - 64), m.index);
      const lastWord = (/([\p{L}.]+|\d+)$/u.exec(before)?.[1] ?? '').toLowerCase();
      // '11. Januar' is a date, 'Dr. Ling' a title: neither ends the sentence.
      if (/^\d+$/.test(lastWord) || ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord)) continue;
      const end = m.index + m[0].trimEnd().length;
      push(out, line.slice(start, end), lineStart + start, block);
      start = m.index + m[0].length;
    }
    push(out, line.slice(start), lineStart + start, block);
    lineStart += line.length + 1;
  });
  return out;
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
