import { benchBundle } from './bundle';
import { figures, printFigures } from './figures';
import { benchHoldings } from './holdings';
import { benchImport } from './import';
import { benchNews } from './news';
import { benchRender } from './render';
import { benchReturns } from './returns';
import { benchReturnsDatabase } from './returns-db';
import { benchTransactions } from './transactions';
import { benchUi } from './ui';

/** Every bench by name, in the order `npm run bench` runs them. */
const BENCHES: Record<string, () => Promise<void> | void> = {
  import: benchImport,
  transactions: benchTransactions,
  holdings: benchHoldings,
  returns: benchReturns,
  news: benchNews,
  'returns-db': benchReturnsDatabase,
  render: benchRender,
  bundle: () => void benchBundle(),
  ui: benchUi,
};

/**
 * `npm run bench`: every benchmark in order, then one table of figures with their
 * targets. Exits non-zero when a figure misses its target. `npm run bench -- ui holdings`
 * runs only the named ones.
 */
async function main(): Promise<void> {
  const named = process.argv.slice(2);
  const unknown = named.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) throw new Error(`Unknown bench ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}.`);
  for (const [name, bench] of Object.entries(BENCHES)) if (named.length === 0 || named.includes(name)) await bench();
  printFigures();
  if (figures.some((f) => f.pass === false)) process.exitCode = 1;
}

await main();
