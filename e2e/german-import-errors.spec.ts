import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, FIXTURES } from './fixtures';
import { apiCall } from './helpers/api';

/** Buttons, labels, headings, badges and list items in the import panel whose text is wider than their box. */
async function clippedInPanel(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.tx-import button, .tx-import label, .tx-import th, .tx-import h2, .tx-import .badge, .tx-import li')) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 60)}” needs ${el.scrollWidth} px, has ${el.clientWidth}`);
    }
    return found;
  });
}

/**
 * A German reader imports a transaction file whose third line has 31 February (a dotted date is
 * day-first, and February has no 31st): the refusal names the line and says why in German, the
 * buttons and headings are German, and nothing is cut off in light or dark.
 */
test('a bad date in a transaction file is refused in German, with its line', async ({ app }) => {
  const { page } = app;
  await apiCall(page, 'settings.update', { language: 'de', locale: 'de-DE' });
  const text = 'Date,Type,Symbol,Quantity,Price,Fees,Currency\n2024-01-02,Buy,AAPL,3,185.5,1,USD\n31.02.2024,Buy,AAPL,1,186,1,USD\n';
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await apiCall(page, 'settings.update', { theme });
    await app.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Import' }).click();
    const panel = page.getByRole('region', { name: 'Buchungen' });
    await panel.getByLabel('Buchungsdatei').setInputFiles({ name: 'depot.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    // A file without a preset: the column mapping is shown, and line 3's date is refused in German.
    await expect(panel.getByText('1 Zeile muss geprüft werden – importiert wird erst, wenn alle Zeilen in Ordnung sind')).toBeVisible();
    await expect(panel.getByText('Zeile 3: Datum: „31.02.2024“ ist kein gültiges Datum im Format TT.MM.JJJJ.')).toBeVisible();
    await expect(panel.getByRole('table', { name: 'Importvorschau' }).getByRole('columnheader', { name: 'Wertpapier' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Abbrechen' })).toBeVisible();
    await expect(page.getByText('is not a valid date')).toHaveCount(0);
    // The column mapping and the preview's types speak German too.
    await expect(panel.getByText('Welche Spalte enthält was?')).toBeVisible();
    await expect(panel.getByLabel('Dezimaltrennzeichen')).toBeVisible();
    await expect(panel.getByLabel('„buy“')).toHaveValue('buy');
    await expect(panel.getByLabel('„buy“').locator('option:checked')).toHaveText('Kauf');
    await expect(panel.getByRole('table', { name: 'Importvorschau' }).getByRole('cell', { name: 'Kauf', exact: true })).toBeVisible();
    problems.push(...(await clippedInPanel(page)).map((p) => `${theme}: ${p}`));
    // The main pane scrolls, not the page: bring the refusal into the shot.
    await panel.getByText('Zeile 3: Datum').scrollIntoViewIfNeeded();
    await app.screenshot(`de-import-transactions-bad-date-${theme}`);
    await panel.getByRole('button', { name: 'Abbrechen' }).click();
  }
  expect(problems).toEqual([]);
});

/**
 * A German reader imports a broker statement (Degiro, written in Dutch): the one-sentence summary,
 * the format badge, the skip reasons and the refused lines are all German, and nothing is cut off.
 */
test('a Degiro statement is summed up and explained in German', async ({ app }) => {
  const { page } = app;
  await apiCall(page, 'settings.update', { language: 'de', locale: 'de-DE' });
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await apiCall(page, 'settings.update', { theme });
    await app.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Import' }).click();
    const panel = page.getByRole('region', { name: 'Buchungen' });
    await panel.getByLabel('Buchungsdatei').setInputFiles(join(FIXTURES, 'transactions', 'degiro_account-statement_nl.csv'));
    // The same file as import-presets.spec.ts reads in English: 74 lines, 14 trades, 9 dividends, 19 cash lines, 32 skipped.
    const sentence = panel.getByLabel('So wurde die Datei gelesen');
    await expect(sentence).toContainText('Degiro-Kontoauszug, Niederländisch, 74 Zeilen: 14 Käufe/Verkäufe, 9 Dividenden, 19 Kontobuchungen, 32 übersprungen');
    await expect(panel.getByLabel('Überblick über den Import').getByText('Degiro-Kontoauszug', { exact: true })).toBeVisible();
    // Skip reasons are the badge's tooltip, one per line: a fee booked with its trade, a withholding tax with its dividend.
    const skipped = panel.getByText('32 Zeilen übersprungen (Grund beim Darüberfahren)');
    await expect(skipped).toHaveAttribute('title', /Zeile \d+: Gebühr zum Geschäft in Zeile \d+; dort mitgebucht\./);
    await expect(skipped).toHaveAttribute('title', /Zeile \d+: Quellensteuer zur Dividende in Zeile \d+; dort mitgebucht\./);
    await expect(skipped).not.toHaveAttribute('title', /stored with it|is not one Tickerline knows/);
    // Three sells of shares bought before the statement starts: refused by line, the field named in German.
    await expect(panel.getByText('3 Zeilen müssen geprüft werden – importiert wird erst, wenn alle Zeilen in Ordnung sind')).toBeVisible();
    await expect(panel.getByText(/^Zeile 29 \(Stückzahl\): Am .* halten Sie/)).toBeVisible();
    await expect(sentence).not.toContainText(/lines|trades|skipped|Dutch/);
    // The long German type word of a currency exchange is shown whole, not cut to "Währungswechs…".
    const exchange = panel.getByRole('table', { name: 'Importvorschau' }).getByRole('cell', { name: /^Währungswechsel/ }).first();
    expect(await exchange.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    problems.push(...(await clippedInPanel(page)).map((p) => `${theme}: ${p}`));
    await app.screenshot(`de-import-degiro-${theme}`);
    // The refused lines and the preview's first rows, with the German field names and types.
    await panel.getByText(/^Zeile 29 \(Stückzahl\)/).scrollIntoViewIfNeeded();
    await app.screenshot(`de-import-degiro-errors-${theme}`);
    await panel.getByRole('button', { name: 'Abbrechen' }).click();
  }
  expect(problems).toEqual([]);
});
