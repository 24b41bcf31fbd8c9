import type { PricePreview } from '@shared/api/prices';
import type { FeatureMethods, Handlers } from '../handler';
import { inTransaction } from '../db/database';
import { catalogueEntry, findBySymbol, requireSecurity } from '../securities/store';
import { importingFile, resolveFile } from '../files/resolve';
import { importPrices, previewPriceFile } from './import';
import { deleteSeries, seriesInfo } from './store';

export const pricesHandlers = {
  'prices.preview': async (input, ctx): Promise<PricePreview> => {
    const { db, databaseFile } = ctx;
    const { preview, suggestedSymbol: symbol } = await previewPriceFile(await resolveFile(input, ctx), input.mapping, databaseFile);
    const existing = symbol === null ? null : findBySymbol(db, symbol);
    const catalogue = symbol === null || existing !== null ? null : catalogueEntry(symbol);
    return {
      ...preview,
      suggestion: {
        symbol,
        existing: existing && { id: existing.id, symbol: existing.symbol, name: existing.name, exchange: existing.exchange, currency: existing.currency },
        catalogue: catalogue && {
          symbol: catalogue.symbol,
          name: catalogue.name,
          exchange: catalogue.exchange,
          currency: catalogue.currency,
          kind: catalogue.kind,
        },
      },
    };
  },
  'prices.import': (input, ctx) => importingFile(input, ctx, (file) => importPrices(input, file, ctx)),
  'prices.series': ({ securityId }, { db }) => seriesInfo(db, securityId),
  'prices.deleteSeries': ({ securityId }, { db }) => {
    requireSecurity(db, securityId);
    return { deleted: inTransaction(db, () => deleteSeries(db, securityId)) };
  },
} satisfies Handlers<FeatureMethods<'prices'>>;
