import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';
import { releveFrPreset } from './releve-fr';

const text = readFixture('transactions', 'eu-broker_releve-de-compte_fr.csv');

describe('French relevé de compte preset', () => {
  it('finds the header under the title lines and says French', () => {
    expect(detectTransactionFormat(text, 'releve.csv')).toMatchObject({ kind: 'preset', presetId: 'releve-fr', language: 'French' });
  });

  it('13 lines: 6 achats, a vente, 2 dividendes, versement/prélèvement/intérêt, 2 footer lines skipped', () => {
    const r = importTransactionFile(text, 'releve.csv');
    expect(r.errors).toEqual([]);
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([8, 3, 2]);
    // line 5: 25 × 172,50 = 4.312,50 = Montant, frais 0,99
    expect(r.transactions[0]).toMatchObject({ type: 'buy', date: '2024-01-15', quantity: 25, price: 172.5, fees: 0.99, isin: 'US0378331005' });
    // no ISIN: the name is the security
    expect(r.transactions[1]).toMatchObject({ isin: null, name: 'Cloudflare', quantity: 50, price: 82.1 });
    // line 9: vente 10 × 185,75 = 1.857,50
    expect(r.transactions.find((t) => t.type === 'sell')).toMatchObject({ quantity: 10, price: 185.75, fees: 1.25 });
    // Microsoft dividends 53,40 + 54,10 = 107,50
    expect(r.transactions.filter((t) => t.type === 'dividend').reduce((s, t) => s + t.price, 0)).toBeCloseTo(107.5, 10);
    expect(r.cash.map((c) => [c.type, c.amount])).toEqual([['deposit', 5000], ['withdrawal', 1200], ['interest', 8.75]]);
  });

  it('reads accented headers too', () => {
    const r = releveFrPreset.parse("Date d'opération;Opération;ISIN;Libellé;Quantité;Cours;Montant;Frais;Devise\n02/01/2024;Achat;FR0000120271;TotalEnergies;4;61,50;246,00;1,00;EUR\n");
    expect(r.transactions).toEqual([expect.objectContaining({ type: 'buy', quantity: 4, price: 61.5, fees: 1, name: 'TotalEnergies' })]);
  });
});
