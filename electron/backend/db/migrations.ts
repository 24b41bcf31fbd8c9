import { settingsMigration } from './migrations/001-settings';
import { securitiesMigration } from './migrations/002-securities';
import { transactionsMigration } from './migrations/003-transactions';
import { pricesMigration } from './migrations/004-prices';
import { newsMigration } from './migrations/005-news';
import { newsTickersMigration } from './migrations/006-news-tickers';
import { accountsMigration } from './migrations/007-accounts';
import { newsOrderMigration } from './migrations/008-news-order';
import type { Migration } from './migrations/migration';

export type { Migration };

/** The schema's history, oldest first. A new migration is one file and one line here. */
export const migrations: readonly Migration[] = [
  settingsMigration,
  securitiesMigration,
  transactionsMigration,
  pricesMigration,
  newsMigration,
  newsTickersMigration,
  accountsMigration,
  newsOrderMigration,
];

export const LATEST_SCHEMA_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);
