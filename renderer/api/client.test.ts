import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@renderer/i18n/i18n';

// The client picks its bridge from `window` when it loads; without a page it falls back to HTTP, never called here.
vi.stubGlobal('window', {});
const { ApiCallError, errorMessage } = await import('./client');

afterEach(() => void i18n.changeLanguage('en'));

describe('errorMessage', () => {
  const keyed = new ApiCallError({
    code: 'CONFLICT',
    message: '1024.HK still has 2 transactions. Delete them first; then the security can be removed.',
    key: 'errors:securities.stillHasTransactions',
    params: { symbol: '1024.HK', count: 2 },
  });
  const unkeyed = new ApiCallError({ code: 'IMPORT_REJECTED', message: 'Nothing was imported from feed.xml: no items.' });

  it('shows the backend’s English text to an English reader', () => {
    void i18n.changeLanguage('en');
    expect(errorMessage(keyed)).toBe('1024.HK still has 2 transactions. Delete them first; then the security can be removed.');
    expect(errorMessage(unkeyed)).toBe('Nothing was imported from feed.xml: no items.');
  });

  it('shows a German reader the catalogue text, plural included, and never the English refusal', () => {
    void i18n.changeLanguage('de');
    expect(errorMessage(keyed)).toBe('Zu 1024.HK gibt es noch 2 Buchungen. Löschen Sie sie zuerst; dann kann das Wertpapier entfernt werden.');
    // no key: the general message for the code
    expect(errorMessage(unkeyed)).toBe('Die Datei konnte nicht importiert werden; es wurde nichts geändert.');
  });
});
