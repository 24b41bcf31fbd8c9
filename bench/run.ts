import { benchImport } from './import';
import { figures, printFigures } from './figures';

/**
 * `npm run bench`: every benchmark in order, then one table of figures with their
 * targets. Exits non-zero when a figure misses its target.
 */
async function main(): Promise<void> {
  await benchImport();
  // TODO(bench): wire benchHoldings() from './holdings' and benchRender() from './render' here (static imports)
  // once those files land; both are being written by other engineers.
  printFigures();
  if (figures.some((f) => f.pass === false)) process.exitCode = 1;
}

await main();
