import { describe, expect, it } from 'vitest';
import { csvTextCell, neutralizeFormula, restoreNeutralized } from './csv-cell';

describe('csv cells a spreadsheet cannot run', () => {
  it('prefixes every formula-leading character with an apostrophe', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","click")')).toBe(`'=HYPERLINK("http://x","click")`);
    expect(neutralizeFormula("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(neutralizeFormula('+1+1')).toBe("'+1+1");
    expect(neutralizeFormula('-2+3')).toBe("'-2+3");
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('\tx')).toBe("'\tx");
    expect(neutralizeFormula('\rx')).toBe("'\rx");
  });

  it('leaves plain text and negative numbers alone', () => {
    expect(neutralizeFormula('Alibaba 9988.HK')).toBe('Alibaba 9988.HK');
    expect(neutralizeFormula('-12.5')).toBe('-12.5');
    expect(neutralizeFormula('a=b')).toBe('a=b');
  });

  it('quotes after neutralizing, so the apostrophe sits inside the quotes', () => {
    expect(csvTextCell('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvTextCell('plain')).toBe('plain');
    expect(csvTextCell('a,b')).toBe('"a,b"');
  });

  it('restores exactly what was neutralized and nothing else', () => {
    for (const text of ['=1+1', "=cmd|' /C calc'!A0", '+x', '-a', '@x', 'plain', '-12.5', "'quoted by the user"]) {
      expect(restoreNeutralized(neutralizeFormula(text))).toBe(text);
    }
    expect(restoreNeutralized("'quoted by the user")).toBe("'quoted by the user");
  });
});
