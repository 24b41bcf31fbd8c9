import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES } from '../fixtures';
import { apiCall, importPriceFile } from './api';

type Created = { id: number };

/** The founding example's securities with their real price files: Alibaba (9988.HK), Kuaishou (1024.HK) and the Hang Seng. */
export async function showcaseSecurities(page: Page): Promise<{ baba: Created; kuaishou: Created; hsi: Created }> {
  const create = (symbol: string) => apiCall<Created>(page, 'securities.create', { catalogueSymbol: symbol });
  const prices = (name: string): string => join(FIXTURES, 'prices', name);
  const baba = await create('9988.HK');
  const kuaishou = await create('1024.HK');
  const hsi = await create('^HSI');
  await importPriceFile(page, baba.id, prices('yfinance-download-multiheader_9988.HK_2025-2026.csv'));
  await importPriceFile(page, kuaishou.id, prices('yfinance-download-flat_1024.HK_2025-2026.csv'));
  await importPriceFile(page, hsi.id, prices('yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv'));
  return { baba, kuaishou, hsi };
}
