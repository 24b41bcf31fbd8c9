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

  it('reads files that end lines with a lone CR (old Mac exports)', () => {
    expect(all('Date,Close\r2024-01-02,1\r2024-01-03,2')).toEqual([
      { line: 1, fields: ['Date', 'Close'] },
      { line: 2, fields: ['2024-01-02', '1'] },
      { line: 3, fields: ['2024-01-03', '2'] },
    ]);
  });

  it('mixes the fast unquoted path and quoted lines in one file', () => {
    expect(all('a,b\r\n"1,5",2\r\n3,4\r\n').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
      ['3', '4'],
    ]);
  });

  it('flags a quote that runs to the end of the file', () => {
    const s = new RecordScanner('d,"unfinished\n', ',');
    expect(s.next()).toBe(true);
    expect(s.unterminatedQuote).toBe(true);
  });
});
