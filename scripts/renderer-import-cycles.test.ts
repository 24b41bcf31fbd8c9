import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's folders form layers (issue 11 part 5): app on top, then the features
 * (renderer/features/<name>), then ui, stores, navigation, i18n and api at the bottom. A folder may
 * import a folder below it, and two features may depend one way, never both ways: a circle means
 * neither can be read, tested or moved without the other. Shared pieces go down a level
 * (settings store and import inbox → renderer/stores, chart helpers → renderer/ui/charts,
 * dialog and form styles → renderer/styles/forms.css). This test fails on any new circle
 * between folders and names the files that make it.
 */
const RENDERER = join(__dirname, '..', 'renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The layer unit a file belongs to: one folder per feature, else the top folder under renderer/. */
function unitOf(path: string): string {
  const parts = relative(RENDERER, path).split('/');
  if (parts[0] === 'features') return `features/${parts[1]}`;
  return parts.length > 1 ? (parts[0] as string) : '(root)';
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** unit → unit it imports → the files that do it. */
export function folderGraph(files: readonly string[], read: (path: string) => string): Map<string, Map<string, Set<string>>> {
  const graph = new Map<string, Map<string, Set<string>>>();
  for (const file of files) {
    for (const m of read(file).matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? '';
      const target = spec.startsWith('@renderer/') ? join(RENDERER, spec.slice('@renderer/'.length)) : spec.startsWith('.') ? resolve(dirname(file), spec) : null;
      if (target === null || !target.startsWith(RENDERER)) continue;
      const from = unitOf(file);
      const to = unitOf(target);
      if (from === to) continue;
      const edges = graph.get(from) ?? new Map<string, Set<string>>();
      graph.set(from, edges);
      const why = edges.get(to) ?? new Set<string>();
      edges.set(to, why);
      why.add(relative(RENDERER, file));
    }
  }
  return graph;
}

/** Strongly connected groups of more than one unit (Tarjan): each is at least one circle. */
export function circles(graph: Map<string, Map<string, Set<string>>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  const units = new Set([...graph.keys(), ...[...graph.values()].flatMap((e) => [...e.keys()])]);
  for (const u of units) if (!index.has(u)) visit(u);
  return found;
}

describe('renderer folders import each other in one direction only', () => {
  it('finds a circle when there is one (so the check below is not vacuous)', () => {
    const files: Record<string, string> = {
      [join(RENDERER, 'features/a/A.tsx')]: "import { b } from '@renderer/features/b/B';",
      [join(RENDERER, 'features/b/B.tsx')]: "import { c } from '../c/C';",
      [join(RENDERER, 'features/c/C.tsx')]: "import '@renderer/features/a/a.css';\nimport { x } from '@renderer/ui/x';",
      [join(RENDERER, 'ui/x.ts')]: "import { useX } from '@shared/domain/x';",
    };
    expect(circles(folderGraph(Object.keys(files), (p) => files[p] ?? ''))).toEqual([['features/a', 'features/b', 'features/c']]);
  });

  it('has no circle between renderer folders', () => {
    const graph = folderGraph(sourceFiles(RENDERER), (p) => readFileSync(p, 'utf8'));
    const described = circles(graph).map((group) =>
      group
        .flatMap((from) => [...(graph.get(from) ?? new Map<string, Set<string>>())].filter(([to]) => group.includes(to)).map(([to, why]) => `${from} → ${to} (${[...why].join(', ')})`))
        .join('; '),
    );
    expect(described).toEqual([]);
  });
});
