import type { PricePreview, PriceRow } from '@shared/api/prices';
import { fromEpochDay } from '@shared/domain/common/dates';
import { aggregateIntradayToDaily, describeAdjustment, adjustmentOf, parsePriceFileColumns, type PriceColumns } from '@shared/domain/prices';
import type { FeatureMethods, Handlers } from '../handler';
import { inTransaction } from '../db/database';
import { catalogueEntry, findBySymbol, requireSecurity } from '../securities/store';
import { formatLabel, readPriceFile } from './file';
import { importPrices } from './import';
import { deleteSeries, seriesInfo } from './series';

const PREVIEW_ROWS = 20;
const PREVIEW_REJECTIONS = 200;

function orNull(v: number | undefined): number | null {
  return v === undefined || Number.isNaN(v) ? null : v;
}

function clock(second: number): string | null {
  if (second < 0) return null;
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function previewRows(c: PriceColumns, n: number): PriceRow[] {
  const rows: PriceRow[] = [];
  for (let i = 0; i < Math.min(n, c.length); i++) {
    rows.push({
      line: c.line[i] ?? 0,
      date: fromEpochDay(c.epochDay[i] ?? 0),
      time: clock(c.secondOfDay[i] ?? -1),
      open: orNull(c.open[i]),
      high: orNull(c.high[i]),
      low: orNull(c.low[i]),
      close: c.close[i] ?? NaN,
      adjClose: orNull(c.adjClose[i]),
      volume: orNull(c.volume[i]),
    });
  }
  return rows;
}

export const pricesHandlers = {
  'prices.preview': (input, { db }): PricePreview => {
    const file = readPriceFile(db, input.fileName, input.contentBase64);
    const { detection } = file;
    const usedRemembered = input.mapping === undefined && file.remembered !== null;
    const mapping = input.mapping ?? file.remembered ?? detection.mapping;
    const confirmed = input.mapping !== undefined || usedRemembered;
    const parsed = parsePriceFileColumns(file.text, mapping);
    const c = parsed.columns;
    const adjustment = adjustmentOf(mapping);
    const symbol = detection.suggestedSymbol;
    const existing = symbol === null ? null : findBySymbol(db, symbol);
    const catalogue = symbol === null || existing !== null ? null : catalogueEntry(symbol);
    return {
      fileName: input.fileName,
      encoding: file.encoding,
      sizeBytes: file.sizeBytes,
      mapping,
      shapeKey: detection.shapeKey,
      confidence: confirmed ? 'high' : detection.confidence,
      uncertainties: confirmed ? [] : detection.uncertainties,
      dateFormatAmbiguous: !confirmed && detection.dateFormatAmbiguous,
      dateFormatAlternatives: detection.dateFormatAlternatives,
      headers: detection.headers,
      rememberedMapping: file.remembered,
      usedRemembered,
      formatLabel: formatLabel(mapping),
      adjustment: { kind: adjustment.kind, closeFrom: adjustment.closeFrom, description: describeAdjustment(adjustment) },
      stats: {
        dataRows: parsed.stats.dataRows,
        valid: c.length,
        rejected: parsed.rejected.length,
        exactDuplicates: parsed.stats.exactDuplicates,
        firstDate: parsed.stats.firstDate,
        lastDate: parsed.stats.lastDate,
        fileOrder: parsed.stats.fileOrder,
      },
      rows: previewRows(c, PREVIEW_ROWS),
      rejected: parsed.rejected.slice(0, PREVIEW_REJECTIONS),
      intraday: mapping.intraday ? { bars: c.length, days: aggregateIntradayToDaily(c).length } : null,
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
  'prices.import': (input, ctx) => importPrices(input, ctx),
  'prices.series': ({ securityId }, { db }) => seriesInfo(db, securityId),
  'prices.deleteSeries': ({ securityId }, { db }) => {
    requireSecurity(db, securityId);
    return { deleted: inTransaction(db, () => deleteSeries(db, securityId)) };
  },
} satisfies Handlers<FeatureMethods<'prices'>>;
