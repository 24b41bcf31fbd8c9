import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '@shared/api/transport';
import { fixturePath } from '../../../test-support/fixtures';
import { tempBackend } from '../testing/temp-backend';
import { seededRandom } from '@shared/domain/common/random';

/**
 * Seeded fuzzing of the three file previews with mutations of real files:
 * truncation, byte flips, NUL bytes, very long lines and mixed encodings.
 * Whatever the bytes, a preview either answers or refuses with a reason a
 * person can act on: never INTERNAL, always naming the file and, where the
 * refusal is about one line, that line. The seed is fixed, so a failure
 * reproduces; change it to explore (FUZZ_SEED=…).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const MUTATIONS_PER_FILE = 14;

type Method = 'prices.preview' | 'news.previewImport' | 'transactions.previewImport';

const TARGETS: { method: Method; files: string[] }[] = [
  {
    method: 'prices.preview',
    files: [
      'prices/yahoo-download_BABA.csv',
      'prices/stooq_nvda_us_d.csv',
      'prices/investing-de_DAX-futures_daily_2021-10_2021-11.csv',
      'prices/yfinance-download-multiheader_NVDA_2025-2026.csv',
      'prices/yfinance-semicolon-decimal-comma_USDHKD=X_2025-2026.csv',
      'prices/nasdaq-api_JD.csv',
    ],
  },
  {
    method: 'news.previewImport',
    files: ['news/headlines_NVDA_date-headline.csv', 'news/rss2_rthk-finance-en_2025-02.xml', 'news/de-2026-01-11-alibaba-im-aufwind.txt', 'news/html/heise.html'],
  },
  {
    method: 'transactions.previewImport',
    files: [
      'transactions/trading212_history.csv',
      'transactions/degiro_account-statement_nl.csv',
      'transactions/ibkr-flex_01_trades-fx-corpactions.xml',
      'transactions/ghostfolio_export_sample.json',
      'transactions/schwab_transactions_with-title-row.csv',
      'transactions/wealthfolio_activities_semicolon.csv',
      'transactions/degiro-pdf-text_Transaktionsuebersicht05.txt',
    ],
  },
];

type Mutation = { name: string; apply(bytes: Buffer, random: () => number): Buffer };
const at = (random: () => number, n: number): number => Math.floor(random() * n);

const MUTATIONS: Mutation[] = [
  { name: 'truncated', apply: (b, r) => b.subarray(0, at(r, b.length)) },
  {
    name: 'byte flips',
    apply: (b, r) => {
      const out = Buffer.from(b);
      for (let i = 0, n = 1 + at(r, 16); i < n; i++) out[at(r, out.length)] = at(r, 256);
      return out;
    },
  },
  {
    name: 'NUL bytes',
    apply: (b, r) => {
      const pos = at(r, b.length);
      return Buffer.concat([b.subarray(0, pos), Buffer.alloc(1 + at(r, 64)), b.subarray(pos)]);
    },
  },
  {
    name: 'a very long line',
    apply: (b, r) => {
      const pos = b.indexOf(10, at(r, b.length));
      const long = Buffer.from('9'.repeat(200_000 + at(r, 100_000)));
      return pos < 0 ? Buffer.concat([b, long]) : Buffer.concat([b.subarray(0, pos), long, b.subarray(pos)]);
    },
  },
  {
    name: 'mixed encodings',
    apply: (b, r) => {
      // Latin-1 bytes (é, ü, €-less 0x80) and a UTF-16 stretch inside a UTF-8 file.
      const pos = at(r, b.length);
      const latin1 = Buffer.from([0xe9, 0x2c, 0xfc, 0x80, 0x0a]);
      const utf16 = Buffer.from('Kurs;Datum\n', 'utf16le');
      return Buffer.concat([b.subarray(0, pos), r() < 0.5 ? latin1 : utf16, b.subarray(pos)]);
    },
  },
  { name: 'UTF-16 BOM on UTF-8 bytes', apply: (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), b]) },
  {
    name: 'lines shuffled and cut',
    apply: (b, r) => {
      const lines = b.toString('latin1').split('\n');
      const i = at(r, lines.length);
      const j = at(r, lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return Buffer.from(lines.slice(0, Math.max(1, lines.length - at(r, 5))).join('\n'), 'latin1');
    },
  },
];

function cases(): { method: Method; file: string; mutation: string; bytes: Buffer }[] {
  const random = seededRandom(SEED);
  const out: { method: Method; file: string; mutation: string; bytes: Buffer }[] = [];
  for (const target of TARGETS) {
    for (const file of target.files) {
      const original = readFileSync(fixturePath(file));
      for (let k = 0; k < MUTATIONS_PER_FILE; k++) {
        const mutation = MUTATIONS[k % MUTATIONS.length]!;
        out.push({ method: target.method, file, mutation: mutation.name, bytes: mutation.apply(original, random) });
      }
    }
  }
  return out;
}

let backend: ReturnType<typeof tempBackend>;
beforeAll(() => {
  backend = tempBackend();
});
afterAll(() => backend.dispose());

function input(method: Method, fileName: string, bytes: Buffer): unknown {
  const file = { fileName, contentBase64: bytes.toString('base64') };
  return method === 'transactions.previewImport' ? { file } : file;
}

describe('parser fuzzing (seeded mutations of the real fixtures)', () => {
  const all = cases();

  it(`runs ${TARGETS.reduce((n, t) => n + t.files.length, 0) * MUTATIONS_PER_FILE} cases over every mutation kind`, () => {
    // 17 files × 14 mutations = 238 cases; every kind appears at least twice per file.
    expect(all).toHaveLength(238);
    expect(new Set(all.map((c) => c.mutation)).size).toBe(MUTATIONS.length);
  });

  it('never answers INTERNAL; every refusal names the file, and the line when it is about one', async () => {
    const problems: string[] = [];
    let refused = 0;
    for (const [i, c] of all.entries()) {
      const fileName = `fuzz-${i}-${c.file.split('/').pop() ?? 'file'}`;
      const result: CallResult = await backend.dispatch(c.method, input(c.method, fileName, c.bytes));
      const where = `${c.method} ${c.file} (${c.mutation}, case ${i})`;
      if (result.ok) continue;
      refused++;
      const { code, message, details } = result.error;
      if (code === 'INTERNAL') {
        problems.push(`${where}: INTERNAL ${JSON.stringify(details)}`);
        continue;
      }
      if (!message.includes(fileName)) problems.push(`${where}: refusal does not name the file: ${message}`);
      const line = lineOf(details);
      if (line !== null && !new RegExp(`\\bline ${line}\\b`).test(message)) {
        problems.push(`${where}: refusal about line ${line} does not say so: ${message}`);
      }
    }
    expect(problems).toEqual([]);
    // The mutations must actually hurt: some files are refused (else this tests nothing).
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});

function lineOf(details: unknown): number | null {
  if (typeof details !== 'object' || details === null) return null;
  const line = (details as { line?: unknown }).line;
  return typeof line === 'number' ? line : null;
}
