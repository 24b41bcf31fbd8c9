import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTransactionColumns } from './mapping';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/transactions/`;
const fixture = (name: string): string => readFileSync(FIXTURES + name, 'utf8');

describe('detectTransactionColumns', () => {
  it('suggests a full mapping for the French statement (preamble, ;, decimal commas, dd/mm/yyyy)', () => {
    const d = detectTransactionColumns(fixture('eu-broker_releve-de-compte_fr.csv'));
    expect(d.headerLine).toBe(4);
    expect(d.headers).toHaveLength(10);
    // Date d'operation;Date de valeur;Operation;ISIN;Libelle;Quantite;Cours;Montant;Frais;Devise
    expect(d.mapping.columns).toEqual({
      date: 0, type: 2, symbol: null, isin: 3, name: 4, quantity: 5, price: 6,
      amount: 7, fees: 8, currency: 9, externalId: null, note: null,
    });
    expect(d.mapping.delimiter).toBe(';');
    expect(d.mapping.decimalSeparator).toBe(',');
    expect(d.mapping.dateOrder).toBe('DMY'); // '15/01/2024' has a first part above 12
    expect(d.mapping.typeWords).toEqual({
      achat: 'buy', vente: 'sell', dividende: 'dividend', versement: 'deposit', prelevement: 'withdrawal', interet: 'interest',
    });
    expect(d.unmappedTypeWords).toEqual([]);
    // 13 rows after the header: 11 data lines + 2 footer lines
    expect(d.preview).toHaveLength(13);
    expect(d.preview[0]?.line).toBe(5);
  });

  it('lists type words it cannot map (Trading 212) and caps the preview at 20 rows', () => {
    const d = detectTransactionColumns(fixture('trading212_history.csv'));
    expect(d.mapping.columns.date).toBe(1); // 'Time'
    expect(d.mapping.columns.quantity).toBe(5); // 'No. of shares'
    expect(d.mapping.columns.price).toBe(6); // 'Price / share'
    expect(d.mapping.columns.currency).toBe(7); // 'Currency (Price / share)'
    expect(d.mapping.columns.externalId).toBe(16); // 'ID'
    expect(d.mapping.typeWords['market buy']).toBe('buy');
    expect(d.unmappedTypeWords).toContain('dividend (dividend)');
    expect(d.unmappedTypeWords).toContain('stock split open');

    const many = ['Date,Type,Symbol,Quantity,Price,Currency', ...Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},Buy,ABC,1,10,USD`)].join('\n');
    expect(detectTransactionColumns(many).preview).toHaveLength(20);
  });
});
