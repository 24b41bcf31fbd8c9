import { describe, expect, it } from 'vitest';
import { RecordScanner } from './record-scanner';

function all(text: string, delimiter = ','): { line: number; fields: string[] }[] {
  const s = new RecordScanner(text, delimiter);
  const out: { line: number; fields: string[] }[] = [];
  while (s.next()) out.push({ line: s.line, fields: s.fields() });
  return out;
}

describe('RecordScanner', () => {
  it('keeps delimiters, quotes and newlines inside quoted fields and counts physical lines', () => {
    const text = 'a,b\n"x, y","say ""hi""\nthere"\r\nlast,"1,234"';
    expect(all(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"\nthere'] },
      { line: 4, fields: ['last', '1,234'] },
    ]);
  });

  it('reports blank lines and trailing empty fields', () => {
    const s = new RecordScanner('a;b;\n\nc', ';');
    expect(s.next() && s.fieldCount).toBe(3);
    expect(s.next() && s.isBlank).toBe(true);
    expect(s.next() && s.fields()).toEqual(['c']);
    expect(s.next()).toBe(false);
  });

  it('flags a quote that runs to the end of the file', () => {
    const s = new RecordScanner('d,"unfinished\n', ',');
    expect(s.next()).toBe(true);
    expect(s.unterminatedQuote).toBe(true);
  });
});
