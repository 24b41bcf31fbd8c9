import { inTransaction } from '../db/database';
import type { FeatureMethods, Handlers } from '../handler';
import { readSettings, writeSettings } from './store';

export const settingsHandlers = {
  'settings.get': (_input, { db }) => readSettings(db),
  'settings.update': (input, { db }) => {
    inTransaction(db, () => writeSettings(db, input));
    return readSettings(db);
  },
} satisfies Handlers<FeatureMethods<'settings'>>;
