import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '@shared/i18n/languages';
import { acceptedLanguages, pageT, recoveryPage } from './recovery-page';

const state = {
  databaseFile: '/data/tickerline.sqlite',
  problem: 'database disk image is malformed',
  backups: [{ fileName: 'before-v7.sqlite', reason: 'migration' as const, sizeBytes: 2 * 1024 * 1024, createdAt: '2026-11-20T10:15:00.000Z' }],
};

describe('recovery page language', () => {
  it('reads Accept-Language by weight, best first', () => {
    expect(acceptedLanguages('en;q=0.5, de-DE,de;q=0.9, *;q=0.1')).toEqual(['de-DE', 'de', 'en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(resolveLanguage('system', acceptedLanguages('fr-FR,de;q=0.8'))).toBe('de');
  });

  it('is in German for a German browser, with the copy’s date, size and buttons', () => {
    const html = recoveryPage(state, undefined, pageT('de'));
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Tickerline kann Ihre Datenbank nicht öffnen</h1>');
    expect(html).toContain('Die Datei <code>/data/tickerline.sqlite</code> ist beschädigt: database disk image is malformed.');
    // 2 × 1024 × 1024 bytes = 2.0 MB; the stamp is written the same in every language
    expect(html).toContain('<td>2026-11-20 10:15 UTC</td><td>vor einem Upgrade</td><td class="num">2.0 MB</td>');
    expect(html).toContain('<button>Diese Kopie wiederherstellen</button>');
    expect(html).not.toContain('Restore this copy');
  });

  it('stays English by default', () => {
    const html = recoveryPage(state);
    expect(html).toContain('<h1>Tickerline cannot open your database</h1>');
    expect(html).toContain('<button>Restore this copy</button>');
  });
});
