import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, FIXTURES } from './fixtures';
import { apiCall, fileInput } from './helpers/api';
import { showcaseSecurities } from './helpers/showcase';
import { clipped } from './helpers/clipped';

/**
 * Every screen in German, looked at for English left behind. A German reader should meet no
 * English sentence anywhere: not in a heading, a button, a tooltip, an empty or error state, a
 * refused price row or a missing return's reason. The page's visible text and its titles, labels
 * and placeholders are searched for tell-tale English words; the user's own data (security names,
 * tickers, news articles, account names, the price file's own column headers) is taken out first,
 * since it stays in the language it was written in.
 */

/**
 * Words a German UI never uses, each on word boundaries. Kept to English function words and the
 * UI's English nouns and verbs; "was", "Import", "Export", "Charts", "Split", "Feed" and "Update" are German too.
 */
const TELLTALE = [
  /\b(the|and|of|with|from|to|is|are|were|has|have|your|you|this|that|these|for|on|at|by|or|not|yet|could|would|only|more|no|none)\b/i,
  /\b(Loading|Show|Hide|Add|Delete|Cancel|Save|Edit|Remove|Close|Choose|Select|Search|Retry|Try again|Settings|Holdings|Accounts?|Transactions?|Securit(y|ies)|Prices?|Shares?|Buy|Sell|Dividends?|Fees?|Taxes|Value|Total|Gain|Loss|Returns?|Dates?|Today|Week|Month|Year|Error|Failed|Unavailable|Nothing|Yes|Cash|Deposit|Withdrawal|Interest|Portfolio|Compare|Income|News|Language|Theme|Backup|Restore|File|Files|Preview|Rows?|Line|Column|Sample|Unrealised|Unrealized|Realised|Realized|Cost|Weight|adjusted|unadjusted|separated|decimal|days?|weeks?|months?|stored|rejected|imported)\b/,
];

/** Visible text and the words of titles, labels and placeholders, with the user's own data removed; the English found. */
async function englishOn(page: Page, data: string[]): Promise<string[]> {
  return page.evaluate(
    ({ data, telltale }) => {
      const patterns = telltale.map(([source, flags]) => new RegExp(source, flags));
      // Longest first, so a name is removed before a shorter name inside it.
      const names = [...data].filter((d) => d.trim().length >= 2).sort((a, b) => b.length - a.length);
      const clean = (text: string): string => {
        let t = text;
        for (const d of names) if (t.includes(d)) t = t.split(d).join(' ');
        return t;
      };
      const found: string[] = [];
      const check = (text: string, where: string): void => {
        const t = clean(text.replace(/\s+/g, ' ').trim());
        if (t.trim() === '') return;
        for (const p of patterns) {
          const m = p.exec(t);
          if (m) {
            found.push(`${where}: “${m[0]}” in “${t.trim().slice(0, 140)}”`);
            return;
          }
        }
      };
      const visible = (el: Element): boolean => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, svg text.recharts-text') || !visible(parent)) continue;
        // A select shows only its chosen option; the list opens on demand and is checked by what it offers below.
        if (parent.closest('option')) continue;
        check(node.textContent ?? '', parent.tagName.toLowerCase());
      }
      for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], option')) {
        if (el.tagName === 'OPTION' ? !visible(el.closest('select') ?? el) : !visible(el)) continue;
        for (const attr of ['title', 'aria-label', 'placeholder']) {
          const v = el.getAttribute(attr);
          if (v) check(v, `${el.tagName.toLowerCase()}[${attr}]`);
        }
        if (el.tagName === 'OPTION') check(el.textContent ?? '', 'option');
      }
      for (const el of document.querySelectorAll('svg text')) if (visible(el)) check(el.textContent ?? '', 'chart text');
      return [...new Set(found)];
    },
    { data, telltale: TELLTALE.map((r) => [r.source, r.flags] as const) },
  );
}

/** The user's own words, from the API: security names and tickers, news articles, account names. */
async function userData(page: Page): Promise<string[]> {
  const out: string[] = [];
  const securities = await apiCall<{ symbol: string; name: string; exchange?: string | null }[]>(page, 'securities.list', {});
  for (const s of securities) out.push(s.symbol, s.name, s.exchange ?? '');
  const news = await apiCall<{ items: { id: number; headline: string; summary: string; source: string; tags: string[] }[] }>(page, 'news.list', {});
  for (const n of news.items) {
    out.push(n.headline, n.summary, n.source, ...n.tags);
    const detail = await apiCall<{ body: string; claims: { text?: string; quote?: string }[] }>(page, 'news.get', { id: n.id });
    // The body is shown paragraph by paragraph, and claims quote sentences of it.
    out.push(...detail.body.split(/\n+/), ...detail.body.split(/(?<=[.!?])\s+/));
    for (const c of detail.claims) out.push(c.text ?? '', c.quote ?? '');
  }
  const accounts = await apiCall<{ name: string }[]>(page, 'accounts.list', {});
  for (const a of accounts) out.push(a.name);
  return out.filter((s) => s !== '');
}

const BAD_PRICES = [
  'Date,Open,High,Low,Close,Adj Close,Volume',
  '2021-01-04,226.5,230.38,225.04,227.85,224.83,24897900',
  '2021-01-05,229.05,240.76,228.12,240.40,237.21', // 6 values of 7
  'Jan 5th,229.05,240.76,228.12,240.40,237.21,35823800', // no date
  '2021-01-06,234.95,238.30,225.86,0,0,37146100', // close 0
  '2021-01-07,234.95,238.30,225.86,abc,1,37146100', // close not a number
  '2021-01-08,234.95,220.00,225.86,230,230,37146100', // high below low
  '2021-01-11,230.0,231.0,229.0,230.5,230.5,1000',
].join('\n');

test('every screen in German shows no English outside the user’s own data, light and dark, nothing cut', async ({ app }) => {
  test.setTimeout(300_000);
  const { page } = app;
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  await apiCall(page, 'settings.update', { language: 'de', locale: 'de-DE', baseCurrency: 'HKD' });
  await app.reload();
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  const go = async (name: string): Promise<void> => nav.getByRole('button', { name, exact: true }).click();
  // Names of other products, as the import panel lists the exports it reads.
  const products = ['Portfolio Performance'];
  let data: string[] = products;
  const look = async (where: string, shot?: string): Promise<void> => {
    await page.waitForTimeout(250); // charts draw after their box is measured
    const found = [...(await englishOn(page, data)).map((p) => `${where}: ${p}`), ...(await clipped(page)).map((p) => `${where} (cut): ${p}`)];
    // Written as found, so a run stopped by a later step still shows what the earlier screens had.
    for (const f of found) console.log(f);
    problems.push(...found);
    if (shot) await app.screenshot(`de-sweep-${shot}`);
  };

  // Empty: a new user's first look at every screen.
  await expect(page.getByRole('heading', { name: 'Depot', level: 1 })).toBeVisible();
  await look('Depot leer', 'empty-holdings');
  await go('Charts');
  await look('Charts leer', 'empty-charts');
  await go('Erträge');
  await look('Erträge leer');
  await go('Nachrichten');
  await look('Nachrichten leer', 'empty-news');
  await go('Import');
  await look('Import leer', 'empty-import');
  await go('Einstellungen');
  await look('Einstellungen leer');

  // The showcase data (two Hong Kong holdings, the Hang Seng, the German article) and the sample portfolio.
  const { baba, kuaishou, hsi } = await showcaseSecurities(page);
  for (const s of [baba, kuaishou]) await apiCall(page, 'securities.setBenchmark', { id: s.id, benchmarkId: hsi.id });
  await apiCall(page, 'transactions.create', { securityId: baba.id, type: 'buy', date: '2026-01-02', quantity: 1000, price: 140, currency: 'HKD' });
  await apiCall(page, 'transactions.create', { securityId: kuaishou.id, type: 'buy', date: '2026-01-05', quantity: 200, price: 70, currency: 'HKD' });
  await apiCall(page, 'transactions.create', { securityId: baba.id, type: 'dividend', date: '2026-01-09', quantity: 1000, price: 1000, taxes: 100, currency: 'HKD' });
  await apiCall(page, 'news.import', fileInput(join(FIXTURES, 'news', 'de-2026-01-11-alibaba-im-aufwind.txt')));
  await apiCall(page, 'demo.load', {});
  // Tencent bought but no prices imported: the returns are unavailable, and the reason must read in German.
  const tencent = await apiCall<{ id: number }>(page, 'securities.create', { catalogueSymbol: '0700.HK' });
  await apiCall(page, 'transactions.create', { securityId: tencent.id, type: 'buy', date: '2026-01-06', quantity: 100, price: 400, currency: 'HKD' });
  data = [...products, ...(await userData(page))];
  // The price file's own column headers are the file's words, not the app's.
  data.push(...BAD_PRICES.split('\n')[0]!.split(','));

  for (const theme of ['light', 'dark'] as const) {
    await apiCall(page, 'settings.update', { theme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    await go('Depot');
    await expect(page.getByRole('heading', { name: 'Depot', level: 1 })).toBeVisible();
    await expect(page.getByText('9988.HK').first()).toBeVisible();
    await expect(page.locator('.return-reasons').getByText(/^Kein Kurs für 0700\.HK am oder vor dem /).first()).toBeVisible();
    await look(`Depot ${theme}`, `holdings-${theme}`);
    // One holding's detail: its transactions.
    await page.getByRole('row', { name: /9988\.HK/ }).first().click();
    await expect(page.getByText('Kauf').first()).toBeVisible();
    await look(`Wertpapier ${theme}`, `security-${theme}`);
    await page.keyboard.press('Escape');
    await go('Depot');
    await page.getByRole('button', { name: 'Konten…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await look(`Konten ${theme}`, `accounts-${theme}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Schließen', exact: true }).last().click();
    await page.getByRole('button', { name: 'Wertpapiere…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await look(`Wertpapiere ${theme}`, `securities-${theme}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Schließen', exact: true }).last().click();

    await go('Charts');
    const chartKind = page.getByRole('group', { name: 'Chart' });
    for (const [button, name] of [['Kurs', 'price'], ['Depot', 'portfolio'], ['Vergleich', 'compare']] as const) {
      await chartKind.getByRole('button', { name: button, exact: true }).click();
      await page.waitForTimeout(500);
      await look(`Charts ${name} ${theme}`, `charts-${name}-${theme}`);
    }
    await chartKind.getByRole('button', { name: 'Kurs', exact: true }).click();

    await go('Erträge');
    await look(`Erträge ${theme}`, `income-${theme}`);

    await go('Nachrichten');
    await expect(page.getByRole('article').getByRole('heading').first()).toBeVisible();
    await look(`Nachrichten ${theme}`, `news-${theme}`);

    await go('Import');
    const dir = mkdtempSync(join(tmpdir(), 'sweep-'));
    writeFileSync(join(dir, 'kurse-mit-fehlern.csv'), BAD_PRICES);
    await page.getByTestId('price-file-input').setInputFiles(join(dir, 'kurse-mit-fehlern.csv'));
    await expect(page.getByText('„abc“ ist keine Zahl').first()).toBeVisible();
    // A scanned PDF for the news import: refused, in German.
    writeFileSync(join(dir, 'kaputt.pdf'), '%PDF-1.7\nthis is no PDF body');
    await page.getByTestId('news-file-input').setInputFiles(join(dir, 'kaputt.pdf'));
    await expect(page.getByText('kaputt.pdf ließ sich nicht lesen (die Datei ist beschädigt oder kein PDF).')).toBeVisible();
    await look(`Import ${theme}`, `import-${theme}`);

    await go('Einstellungen');
    await expect(page.getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeVisible();
    await look(`Einstellungen ${theme}`, `settings-${theme}`);
  }
  expect([...new Set(problems)]).toEqual([]);
});
