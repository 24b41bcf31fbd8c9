import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsvTable, tokenizeCsv } from './csv';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/transactions/`;
const fixture = (name: string): string => readFileSync(FIXTURES + name, 'utf8');

describe('tokenizeCsv', () => {
  it('keeps physical line numbers across quoted newlines, CRLF and blank lines', () => {
    const text = 'a,b\r\n"x\r\ny","say ""hi"""\r\n\r\nlast,"multi\nline\nnote"\nend,1';
    const { rows, problems } = tokenizeCsv(text, ',');
    expect(problems).toEqual([]);
    // line 1 header; line 2-3 quoted newline; line 4 blank; line 5-7 quoted newlines; line 8 last row
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5, 8]);
    expect(rows[1]?.cells).toEqual(['x\r\ny', 'say "hi"']);
    expect(rows[2]?.cells).toEqual(['last', 'multi\nline\nnote']);
    expect(rows[3]?.cells).toEqual(['end', '1']);
  });

  it('strips a BOM and reads a quote inside an unquoted field literally', () => {
    const { rows } = tokenizeCsv('\uFEFFTotal: "13,20";x', ';');
    expect(rows[0]?.cells).toEqual(['Total: "13,20"', 'x']);
  });

  it('reports an unclosed quote with the line it started on', () => {
    const { problems } = tokenizeCsv('a,b\n1,"open\n2,3\n', ',');
    expect(problems).toMatchObject([{ line: 2, message: expect.stringContaining('line 2') }]);
  });
});

describe('detectDelimiter / readCsvTable on real files', () => {
  it('finds ; in the French statement despite decimal commas, and skips the 3 preamble lines', () => {
    const text = fixture('eu-broker_releve-de-compte_fr.csv');
    expect(detectDelimiter(text)).toBe(';');
    const table = readCsvTable(text);
    expect(table.preamble.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(table.header?.line).toBe(4);
    expect(table.header?.cells[0]).toBe("Date d'operation");
    // '4.312,50' is quoted, so it stays one cell
    expect(table.rows[0]?.cells[7]).toBe('4.312,50');
  });

  it('reads the Schwab title row as preamble and Schwab\'s mixed quoted/unquoted lines alike', () => {
    const titled = readCsvTable(fixture('schwab_transactions_with-title-row.csv'));
    expect(titled.header?.line).toBe(2);
    const plain = readCsvTable(fixture('schwab_transactions_plain.csv'));
    expect(plain.delimiter).toBe(',');
    // line 14 unquoted with a quoted thousands value: 10/16/2023,Reinvest Shares,SNAXX,…,"3,706.38",$1.00,,"-$3,706.38"
    const row = plain.rows.find((r) => r.line === 14);
    expect(row?.cells).toEqual(['10/16/2023', 'Reinvest Shares', 'SNAXX', 'SCHWAB VALUE ADVANTAGE MONEY ULTRA', '3,706.38', '$1.00', '', '-$3,706.38']);
  });

  it('detects tab-separated text', () => {
    expect(detectDelimiter('Date\tType\tQty\n2024-01-02\tBuy\t1,5\n2024-01-03\tSell\t2\n')).toBe('\t');
  });
});
