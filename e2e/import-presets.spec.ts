import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, FIXTURES } from './fixtures';

/**
 * Issue 18: three broker presets and one generic file in German through the import screen,
 * each summed up in one sentence, then a holding checked against figures worked out by hand.
 */

const file = (name: string): string => join(FIXTURES, 'transactions', name);

async function openImport(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  return page.getByRole('region', { name: 'Transactions' });
}

async function bothThemes(page: Page, shot: (name: string) => Promise<void>, name: string): Promise<void> {
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await shot(`${name}-light`);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await shot(`${name}-dark`);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
}

test('Degiro, IBKR Flex XML and Trading 212 exports import with a one-sentence summary each', async ({ app }) => {
  const { page } = app;
  const panel = await openImport(page);

  // Degiro (Dutch): the statement starts mid-history, so three sells of shares bought earlier are left out.
  await panel.getByLabel('Transactions file').setInputFiles(file('degiro_account-statement_nl.csv'));
  const sentence = panel.getByLabel('How the file was read');
  await expect(sentence).toContainText('Degiro account statement, Dutch, 74 lines: 14 trades, 9 dividends, 19 cash lines, 32 skipped');
  await expect(panel.getByText(/3 lines need attention/)).toBeVisible();
  await expect(panel.getByLabel('Import warnings')).toContainText('no shares of it are held that day');
  await bothThemes(page, app.screenshot, 'import-presets-degiro');
  for (const line of [29, 39, 56]) await panel.getByLabel(`Import line ${line}`).uncheck();
  await expect(panel.getByText(/lines? needs? attention/)).toBeHidden();
  // 23 trades and dividends − 3 left out + 19 cash lines = 39
  await panel.getByRole('button', { name: 'Import 39 lines' }).click();
  await expect(panel.getByText('Imported 20 transactions from degiro_account-statement_nl.csv')).toBeVisible();
  await expect(panel.getByText('19 cash lines went into the cash ledger.')).toBeVisible();

  // Interactive Brokers Flex Query XML: trades, a split and corporate-action cash, nothing to fix.
  await panel.getByLabel('Transactions file').setInputFiles(file('ibkr-flex_01_trades-fx-corpactions.xml'));
  await expect(sentence).toContainText('Interactive Brokers Flex Query (XML), English, 41 lines: 14 trades, 1 split, 7 cash lines, 19 skipped');
  await panel.getByRole('button', { name: 'Import 22 lines' }).click();
  await expect(panel.getByText('Imported 15 transactions from ibkr-flex_01_trades-fx-corpactions.xml')).toBeVisible();

  // Trading 212: a sell of shares bought before the file starts is left out; the stock distribution is free shares.
  await panel.getByLabel('Transactions file').setInputFiles(file('trading212_history.csv'));
  await expect(sentence).toContainText('Trading 212 history, English, 13 lines: 5 trades, 3 dividends, 1 split, 3 cash lines, 2 skipped');
  await panel.getByLabel('Import line 6').uncheck();
  await expect(panel.getByText(/lines? needs? attention/)).toBeHidden();
  await bothThemes(page, app.screenshot, 'import-presets-trading212');
  await panel.getByRole('button', { name: /Import \d+ lines/ }).click();
  await expect(panel.getByText(/Imported 8 transactions from trading212_history\.csv/)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Holdings' }).click();
  // Vanguard FTSE All-World (IE00B3RBWM25): Degiro line 30 buys 1 at 79,35, line 31 buys 1 at 97,93 → 2 shares, cost 177.28 EUR.
  const vanguard = page.getByRole('table').getByRole('row', { name: /IE00B3RBWM25|FTSE|VWRL|VWCE/ }).first();
  await expect(vanguard).toContainText('2');
  await expect(vanguard).toContainText('177.28');
  await bothThemes(page, app.screenshot, 'import-presets-holdings');
});

test('a German CSV without a preset is read with its column words and decimal commas', async ({ app }) => {
  const { page } = app;
  const panel = await openImport(page);
  const csv = [
    'Datum;Typ;Wertpapier;ISIN;Anzahl;Kurs;Gebühren;Währung',
    '15.01.2024;Kauf;SAP SE;DE0007164600;10;150,00;4,90;EUR',
    '20.02.2024;Kauf;Allianz SE;DE0008404005;5;240,50;4,90;EUR',
    '15.05.2024;Dividende;Allianz SE;DE0008404005;5;13,80;0;EUR',
    '10.06.2024;Verkauf;SAP SE;DE0007164600;4;180,00;4,90;EUR',
  ].join('\r\n');
  await panel.getByLabel('Transactions file').setInputFiles({ name: 'umsaetze.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(panel.getByText('Which column holds what?')).toBeVisible();
  await expect(panel.getByLabel('How the file was read')).toContainText('Read with your column mapping, German, 4 lines: 3 trades, 1 dividend');
  await expect(panel.getByLabel('Decimal separator')).toHaveValue(',');
  await expect(panel.getByLabel('“verkauf”')).toHaveValue('sell');
  await bothThemes(page, app.screenshot, 'import-presets-generic-de');
  await panel.getByRole('button', { name: 'Import 4 transactions' }).click();
  await expect(panel.getByText('Imported 4 transactions from umsaetze.csv')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Holdings' }).click();
  // SAP: 10 bought at 150,00 + 4,90 = 1504.90 (150.49 a share); 4 sold; 6 left at 6 × 150.49 = 902.94 EUR.
  const sap = page.getByRole('table').getByRole('row', { name: /SAP|DE0007164600/ }).first();
  await expect(sap).toContainText('6');
  await expect(sap).toContainText('902.94');
});

test('a line refused while reading can be unticked, and the rest of the file imports', async ({ app }) => {
  const { page } = app;
  const panel = await openImport(page);
  // A Portfolio Performance cash account: line 2 deposits €500, line 3 moves €200 to another account but the file
  // has no Gegenkonto column (refused while reading), line 4 pays €1.50 interest.
  const csv = [
    'Datum;Typ;Wert;Buchungswährung;Steuern;Stück;ISIN;WKN;Ticker-Symbol;Wertpapiername;Notiz',
    '2024-01-02T00:00;Einlage;500,00;EUR;;;;;;;',
    '2024-01-05T00:00;Umbuchung (Ausgang);-200,00;EUR;;;;;;;',
    '2024-01-31T00:00;Zinsen;1,50;EUR;;;;;;;',
  ].join('\n');
  await panel.getByLabel('Transactions file').setInputFiles({ name: 'Konto.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(panel.getByText('1 line needs attention — nothing is imported until every line is fine')).toBeVisible();
  const table = panel.getByRole('table', { name: 'Import preview' });
  // The refused line is in the table with its problem and a box, between the two cash lines.
  const refused = table.getByRole('row').filter({ has: page.getByLabel('Import line 3', { exact: true }) });
  await expect(refused).toContainText('no Gegenkonto column');
  await expect(refused).toContainText('problem');
  await expect(panel.getByRole('button', { name: 'Import 2 lines' })).toBeDisabled();
  // The main pane scrolls, not the page: bring the table into the picture.
  await table.scrollIntoViewIfNeeded();
  await bothThemes(page, app.screenshot, 'import-presets-refused-line');

  await panel.getByLabel('Import line 3', { exact: true }).uncheck();
  await expect(panel.getByText(/lines? needs? attention/)).toBeHidden();
  await expect(refused).toContainText('left out');
  await expect(panel.getByLabel('Import summary')).toContainText('1 line left out by you');
  await table.scrollIntoViewIfNeeded();
  await bothThemes(page, app.screenshot, 'import-presets-refused-line-unticked');
  // 3 lines − 1 left out = 2 cash lines: the deposit and the interest.
  await panel.getByRole('button', { name: 'Import 2 lines' }).click();
  await expect(panel.getByText('2 cash lines went into the cash ledger.')).toBeVisible();
  await expect(panel.getByText('1 you left out.')).toBeVisible();
});
