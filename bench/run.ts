import { benchBundle } from './bundle';
import { figures, printFigures } from './figures';
import { benchHoldings } from './holdings';
import { benchImport } from './import';
import { benchNews } from './news';
import { benchRender } from './render';
import { benchReturns } from './returns';
import { benchReturnsDatabase } from './returns-db';
import { benchTransactions } from './transactions';

/**
 * `npm run bench`: every benchmark in order, then one table of figures with their
 * targets. Exits non-zero when a figure misses its target.
 */
async function main(): Promise<void> {
  await benchImport();
  await benchTransactions();
  await benchHoldings();
  await benchReturns();
  await benchNews();
  await benchReturnsDatabase();
  await benchRender();
  benchBundle();
  printFigures();
  if (figures.some((f) => f.pass === false)) process.exitCode = 1;
}

await main();
