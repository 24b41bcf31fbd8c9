import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from './detect-format';
import { parseTransactions } from './parse-transactions';

/**
 * Every transaction export in the fixtures through detection and parsing:
 * [file, how it is recognised, transactions, cash lines, skipped lines, errors].
 * Preset counts are checked line by line in each preset's own test; generic files are
 * read with the suggested mapping only, so their errors are what the mapping step
 * leaves for the user (Trade Republic, Saxo, XTB… have no preset yet).
 */
const EXPECTED: [string, string, number, number, number, number][] = [
  ["bux_transactions.csv","bux",8,15,2,0],
  ["degiro-pdf-text_Transaktionsuebersicht05.txt","unsupported",0,0,0,0],
  ["degiro_account-statement_nl.csv","degiro",23,19,32,0],
  ["directa_movimenti_it.csv","directa",16,3,5,1],
  ["etoro_account-statement.csv","etoro",17,4,7,0],
  ["eu-broker_releve-de-compte_fr.csv","releve-fr",8,3,2,0],
  ["finpension-3a_transactions.csv","finpension",22,4,0,0],
  ["freetrade_activity.csv","freetrade",8,5,2,0],
  ["ghostfolio_activities_sample.csv","ghostfolio",5,0,0,0],
  ["ghostfolio_export_sample.json","ghostfolio-json",3,1,1,0],
  ["ibkr-flex-cash-transactions_dividends.csv","ibkr-flex-cash",7,0,4,0],
  ["ibkr-flex-trades_minimal.csv","ibkr-flex-trades",8,0,3,0],
  ["ibkr-flex-trades_vti.csv","ibkr-flex-trades",1,0,0,0],
  ["ibkr-flex_01_trades-fx-corpactions.xml","ibkr-flex-xml",15,7,19,0],
  ["ibkr-flex_02_eu-exchanges-options.xml","ibkr-flex-xml",6,2,6,0],
  ["ibkr-flex_17_us-stocks-options.xml","ibkr-flex-xml",0,6,13,0],
  ["investengine_trades.csv","investengine",5,0,0,0],
  ["parqet_activities.csv","parqet",27,1,0,0],
  ["portfolio-performance_depot_de.csv","portfolio-performance",4,1,0,1],
  ["portfolio-performance_konto_de.csv","portfolio-performance",1,5,1,0],
  ["portfolio-performance_portfolio_en.csv","portfolio-performance",3,1,0,0],
  ["rabobank_mutaties_nl.csv","rabobank",8,4,0,0],
  ["revolut_invest.csv","generic",5,3,0,5],
  ["saxo_trades-and-cash.csv","generic",0,0,0,30],
  ["schwab_transactions_no-title-row.csv","schwab",5,0,6,0],
  ["schwab_transactions_plain.csv","schwab",87,0,33,0],
  ["schwab_transactions_with-title-row.csv","schwab",9,0,12,0],
  ["swissquote_transactions.csv","generic",13,0,2,6],
  ["traderepublic_TransactionExport01.csv","generic",192,0,0,147],
  ["traderepublic_transactions_nl.csv","generic",0,0,0,22],
  ["trading212_history.csv","trading212",9,3,2,0],
  ["wealthfolio_activities_sample-import.csv","wealthfolio",8,6,0,0],
  ["wealthfolio_activities_semicolon.csv","wealthfolio",8,3,0,0],
  ["wealthfolio_holdings-snapshot_sample.csv","generic",0,0,0,12],
  ["xtb_cash-operations.csv","generic",0,0,0,47],
];

describe('every transaction fixture', () => {
  it('lists every file in test-fixtures/transactions', () => {
    expect(readdirSync(fixturePath('transactions')).sort()).toEqual(EXPECTED.map((e) => e[0]));
  });

  it.each(EXPECTED)('%s → %s: %i transactions, %i cash, %i skipped, %i errors', (file, kind, transactions, cash, skipped, errors) => {
    const text = readFixture('transactions', file);
    const detection = detectTransactionFormat(text, file);
    expect(detection.kind === 'preset' ? detection.presetId : detection.kind).toBe(kind);
    if (detection.kind === 'unsupported') return;
    const r = detection.kind === 'preset' ? importTransactionFile(text, file) : parseTransactions(text, detection.columns.mapping);
    expect([r.transactions.length, r.cash.length, r.skipped.length, r.errors.length]).toEqual([transactions, cash, skipped, errors]);
    // Every problem and every skip reason is a catalogue message, so a German reader gets it in German (issue 17).
    expect([...r.errors, ...r.skipped].filter((p) => p.key === undefined)).toEqual([]);
  });
});
