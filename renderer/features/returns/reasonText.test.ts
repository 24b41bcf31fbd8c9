import { afterEach, describe, expect, it } from 'vitest';
import type { Reason } from '@shared/api/returns';
import { i18n } from '@renderer/i18n/i18n';
import { reasonText } from './reasonText';

afterEach(() => void i18n.changeLanguage('en'));

const reason = (code: string, params: Reason['params'], message = 'English from the backend'): Reason => ({ code, params, message });

describe('reasonText', () => {
  it('says why a return is unavailable in German, dates and counts as a German reader writes them', () => {
    void i18n.changeLanguage('de');
    expect(reasonText(reason('MISSING_PRICE', { securityId: 3, symbol: '9988.HK', date: '2026-01-12' }), 'de-DE')).toBe(
      'Kein Kurs für 9988.HK am oder vor dem 12. Jan. 2026; importieren Sie seine Kurse, um dies zu berechnen.',
    );
    expect(reasonText(reason('NO_ROOT', { flows: 4 }), 'de-DE')).toBe('Kein interner Zinsfuß passt zu diesen Zahlungsströmen.');
    expect(reasonText(reason('NO_SIGN_CHANGE', { flows: 2 }), 'de-DE')).toBe('Der interne Zinsfuß (IRR) braucht Ein- und Auszahlungen (oder einen Endwert).');
    // The plural comes from the library: 1 Tageswert, 1.250 Tageswerte (grouped as German writes it).
    expect(reasonText(reason('TOO_FEW_OBSERVATIONS', { observations: 1 }), 'de-DE')).toBe('Nur 1 gemeinsamer Tageswert mit dem Vergleichsindex: zu wenig für Beta und Alpha.');
    expect(reasonText(reason('FLOWS_AFTER_LAST_VALUATION', { firstDate: '2026-03-02', count: 2 }), 'de-DE')).toBe(
      '2 Zahlungen ab 2. März 2026 liegen nach dem letzten Kurs und werden noch nicht berücksichtigt.',
    );
    expect(reasonText(reason('NO_VALUATIONS', { start: '', end: '' }), 'de-DE')).toBe('Noch ist nichts im Depot, das sich messen ließe.');
  });

  it('writes the same reasons in English, singular and plural', () => {
    expect(reasonText(reason('MISSING_FX', { from: 'HKD', to: 'EUR', date: '2026-01-12' }), 'en-GB')).toBe(
      'No HKD→EUR exchange rate on or before 12 Jan 2026; import the rate to measure this.',
    );
    expect(reasonText(reason('MISSING_PRICE', { securityId: 3, symbol: 'BABA' }), 'en-US')).toBe('No price for BABA; import its prices to measure this.');
    expect(reasonText(reason('VALUE_WITHOUT_CAPITAL', { firstDate: '2026-01-05', lastDate: '2026-01-05', days: 1 }), 'en-US')).toBe(
      'On 1 day from Jan 5, 2026 to Jan 5, 2026 the value changed with no capital at work (e.g. interest on an empty account); it counts as 0 %.',
    );
    expect(reasonText(reason('TOO_FEW_OBSERVATIONS', { observations: 0 }), 'en-US')).toBe('Only 0 daily observations shared with the benchmark: too few for beta and alpha.');
  });

  it('keeps the backend’s English for a code this build does not know', () => {
    void i18n.changeLanguage('de');
    expect(reasonText(reason('SOMETHING_NEW', {}, 'A new reason.'), 'de-DE')).toBe('A new reason.');
  });
});
