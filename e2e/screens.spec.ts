import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, FIXTURES } from './fixtures';
import { apiCall, fileInput } from './helpers/api';
import { showcaseSecurities } from './helpers/showcase';

/**
 * Every screen at a laptop and a small window size, light and dark, with the sample
 * data a new user would have: two Hong Kong holdings, their benchmark's prices and
 * the example article. Saves a PNG of each (test-results/screenshots/browser/screen-…)
 * and fails when something does not fit: a card or table wider than its box, a
 * button, select, label or cell whose text is cut, or two elements sharing an id.
 */

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const THEMES = ['light', 'dark'] as const;

interface Overflow {
  what: string;
  scrollWidth: number;
  clientWidth: number;
}

/** What does not fit, measured in the page: scrollWidth > clientWidth (1 px of rounding allowed). */
async function overflows(page: Page): Promise<{ overflows: Overflow[]; duplicateIds: string[] }> {
  return page.evaluate(() => {
    const describe = (el: Element): string => {
      const label = el.getAttribute('aria-label') ?? el.querySelector('h2, h3, caption')?.textContent ?? el.textContent ?? '';
      return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${label.trim().slice(0, 50)}”`;
    };
    const found: Overflow[] = [];
    const boxes = document.querySelectorAll('main .card, main .table-wrap, main table, main .page, main section');
    const texts = document.querySelectorAll('main button, main select, main label, main th, main .stat-value, main .badge, main h1, main h2');
    for (const el of [...boxes, ...texts]) {
      const h = el as HTMLElement;
      if (h.offsetParent === null) continue; // not shown
      if (h.scrollWidth > h.clientWidth + 1) found.push({ what: describe(el), scrollWidth: h.scrollWidth, clientWidth: h.clientWidth });
    }
    // a select's text is cut without any overflow to measure: compare the chosen option's text width with the room inside
    const ctx = document.createElement('canvas').getContext('2d');
    for (const el of document.querySelectorAll<HTMLSelectElement>('main select')) {
      if (el.offsetParent === null || !ctx) continue;
      const style = getComputedStyle(el);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = el.selectedOptions[0]?.textContent ?? '';
      // the drop-down arrow takes about 20 px beside the padding
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      const needed = Math.ceil(ctx.measureText(text).width);
      if (needed > room) found.push({ what: `${describe(el)} text “${text}”`, scrollWidth: needed, clientWidth: Math.floor(room) });
    }
    const ids = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    return { overflows: found, duplicateIds: [...ids].filter(([, n]) => n > 1).map(([id]) => id) };
  });
}

async function seed(page: Page): Promise<void> {
  await apiCall(page, 'settings.update', { baseCurrency: 'HKD' });
  const { baba, kuaishou } = await showcaseSecurities(page);
  await apiCall(page, 'transactions.create', { securityId: baba.id, type: 'buy', date: '2026-01-02', quantity: 1000, price: 140, currency: 'HKD' });
  await apiCall(page, 'transactions.create', { securityId: kuaishou.id, type: 'buy', date: '2026-01-05', quantity: 200, price: 70, currency: 'HKD' });
  await apiCall(page, 'transactions.create', { securityId: baba.id, type: 'dividend', date: '2026-01-09', quantity: 1000, price: 1000, taxes: 100, currency: 'HKD' });
  await apiCall(page, 'news.import', fileInput(join(FIXTURES, 'news', 'de-2026-01-11-alibaba-im-aufwind.txt')));
}

type Screen = { name: string; open(page: Page): Promise<void> };

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

const SCREENS: Screen[] = [
  {
    name: 'holdings',
    open: async (page) => {
      await nav(page, 'Holdings');
      await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
      await expect(page.getByText('9988.HK').first()).toBeVisible();
    },
  },
  {
    name: 'charts-price',
    open: async (page) => {
      await nav(page, 'Charts');
      await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Price' }).click();
      await expect(page.getByTestId('impact-table')).toBeVisible();
    },
  },
  {
    name: 'charts-compare',
    open: async (page) => {
      await nav(page, 'Charts');
      await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Compare' }).click();
      await expect(page.locator('main .chart-frame').first()).toBeVisible();
    },
  },
  {
    name: 'charts-portfolio',
    open: async (page) => {
      await nav(page, 'Charts');
      await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Portfolio' }).click();
      await expect(page.getByRole('region', { name: 'Profit and loss per holding' })).toBeVisible();
    },
  },
  {
    name: 'income',
    open: async (page) => {
      await nav(page, 'Income');
      await expect(page.getByRole('region', { name: 'Income per security' })).toBeVisible();
    },
  },
  {
    name: 'news',
    open: async (page) => {
      await nav(page, 'News');
      await expect(page.getByRole('article').getByRole('heading', { name: 'Alibaba im Aufwind' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Price impact' })).toBeVisible();
      // the picture should show the impact table, which is what used to need a sideways scroll
      await page.getByRole('region', { name: 'Price impact' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'import',
    open: async (page) => {
      await nav(page, 'Import');
      await page.getByTestId('price-file-input').setInputFiles(join(FIXTURES, 'prices', 'investing-de_DAX-futures_daily_2021-10_2021-11.csv'));
      await expect(page.getByTestId('price-format')).toBeVisible();
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await nav(page, 'Settings');
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    },
  },
];

test('every screen fits its window, light and dark, at 1440×900 and 1024×768', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await seed(page);
  await app.reload();
  const problems: string[] = [];
  for (const theme of THEMES) {
    await apiCall(page, 'settings.update', { theme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await app.reload();
      for (const screen of SCREENS) {
        await screen.open(page);
        // charts draw after their box is measured
        await page.waitForTimeout(300);
        await app.screenshot(`screen-${screen.name}-${size.width}x${size.height}-${theme}`);
        const found = await overflows(page);
        for (const o of found.overflows) problems.push(`${screen.name} ${size.width}×${size.height} ${theme}: ${o.what} is ${o.scrollWidth} px wide in ${o.clientWidth} px`);
        for (const id of found.duplicateIds) problems.push(`${screen.name} ${size.width}×${size.height} ${theme}: id "${id}" is used more than once`);
      }
    }
  }
  expect([...new Set(problems)]).toEqual([]);
});
