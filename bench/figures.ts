/**
 * Figures the benchmarks report, collected for the table `npm run bench` prints at
 * the end. Each bench module calls recordFigure for every number that has a target.
 */
export interface Figure {
  bench: string;
  name: string;
  value: string;
  target: string;
  /** null: informational, no target. */
  pass: boolean | null;
}

export const figures: Figure[] = [];

export function recordFigure(figure: Figure): void {
  figures.push(figure);
}

export function printFigures(list: readonly Figure[] = figures): void {
  const rows = list.map((f) => [f.bench, f.name, f.value, f.target, f.pass === null ? '' : f.pass ? 'PASS' : 'MISS']);
  const head = ['bench', 'figure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}
