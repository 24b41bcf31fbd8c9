import type { Migration } from './migration';

/**
 * Tickers a news source states itself (a tickers column, 'NVDA' in the file
 * name) are a reason to link; they are kept so relinking after new securities
 * were added still sees them.
 */
export const newsTickersMigration: Migration = {
  version: 6,
  name: 'news-tickers',
  up(db) {
    db.exec(`ALTER TABLE news_events ADD COLUMN tickers TEXT NOT NULL DEFAULT '[]';`);
  },
};
