import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import { NAMESPACES, resources, type Namespace } from './resources';

/**
 * The catalogues against the code that uses them. A key is "used" when the code
 * holds it as a string literal: whole ('news:filter.title', anywhere) or, in a
 * file that calls useTranslation('news', …), as the bare key ('filter.title').
 * Keys are written out, never assembled (`status.${x}`), so this finds them all.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const CODE_DIRS = ['renderer', 'electron', 'shared'];
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...codeFiles(path));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every leaf of a catalogue as a dotted key, plural forms kept ('n_one'). */
function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const baseKey = (key: string): string => key.replace(PLURAL_SUFFIX, '');

function catalogueKeys(language: (typeof LANGUAGES)[number], ns: Namespace): string[] {
  return leaves(resources[language][ns]);
}

const isNamespace = (ns: string): ns is Namespace => (NAMESPACES as string[]).includes(ns);

interface Use {
  ns: Namespace;
  key: string;
  file: string;
}

/** The keys each file uses, and the t('…') calls whose key resolves nowhere. */
function scan(): { used: Set<string>; unresolved: string[] } {
  const english = new Map(NAMESPACES.map((ns) => [ns, new Set(catalogueKeys('en', ns).map(baseKey))]));
  const used = new Set<string>();
  const unresolved: string[] = [];
  for (const file of CODE_DIRS.flatMap((d) => codeFiles(join(ROOT, d)))) {
    const source = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    // The namespaces this file's t() binds to (useTranslation('a') or (['a', 'b'])); 'common' by default.
    const bound = new Set<Namespace>(['common']);
    for (const call of source.matchAll(/useTranslation\(([^)]*)\)/g)) {
      for (const [, ns] of (call[1] ?? '').matchAll(/'([a-z]+)'/g)) if (ns && isNamespace(ns)) bound.add(ns);
    }
    const uses: Use[] = [];
    // Each quote kind on its own, so a "…" around a ${t('…')} in an HTML template hides nothing.
    // `*`, not `+`: an empty '' must pair its own quotes, or the next literal is read inside out
    const literals = [/'([^'\n\\]*)'/g, /"([^"\n\\]*)"/g, /`([^`$\\\n]*)`/g].flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
    for (const literal of literals) {
      if (literal === undefined) continue;
      const [ns, key] = literal.split(':', 2);
      if (key !== undefined && ns && isNamespace(ns) && english.get(ns)?.has(key)) uses.push({ ns, key, file: where });
      else for (const b of bound) if (english.get(b)?.has(literal)) uses.push({ ns: b, key: literal, file: where });
    }
    for (const use of uses) used.add(`${use.ns}:${use.key}`);
    // A t('…') call must name a key that exists (the type check catches most; this catches every language).
    for (const [, key] of source.matchAll(/\bt\(\s*'([^']+)'/g)) {
      if (key === undefined) continue;
      const [ns, rest] = key.split(':', 2);
      const found = rest !== undefined && ns && isNamespace(ns) ? english.get(ns)?.has(rest) : [...bound].some((b) => english.get(b)?.has(key));
      if (!found) unresolved.push(`${where}: t('${key}')`);
    }
  }
  return { used, unresolved };
}

describe('catalogues', () => {
  const { used, unresolved } = scan();

  it('has every key the code asks for', () => {
    expect(unresolved).toEqual([]);
  });

  it('has no key the code never uses', () => {
    const unused = NAMESPACES.flatMap((ns) => [...new Set(catalogueKeys('en', ns).map(baseKey))].filter((k) => !used.has(`${ns}:${k}`)).map((k) => `${ns}:${k}`));
    expect(unused).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the English keys', (language) => {
    for (const ns of NAMESPACES) {
      const mine = new Set(catalogueKeys(language, ns).map(baseKey));
      const reference = new Set(catalogueKeys('en', ns).map(baseKey));
      expect({ ns, missing: [...reference].filter((k) => !mine.has(k)), extra: [...mine].filter((k) => !reference.has(k)) }).toEqual({ ns, missing: [], extra: [] });
    }
  });

  it.each([...LANGUAGES])('%s has every plural form its language needs', (language) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const problems: string[] = [];
    for (const ns of NAMESPACES) {
      const keys = catalogueKeys(language, ns);
      for (const plural of new Set(keys.filter((k) => PLURAL_SUFFIX.test(k)).map(baseKey))) {
        for (const form of needed) if (!keys.includes(`${plural}_${form}`)) problems.push(`${ns}:${plural}_${form}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no empty message and keeps every {{value}} of the English text', () => {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      for (const ns of NAMESPACES) {
        for (const key of catalogueKeys(language, ns)) {
          const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources[language][ns]) as string;
          const englishKey = catalogueKeys('en', ns).find((k) => k === key) ?? catalogueKeys('en', ns).find((k) => baseKey(k) === baseKey(key) && k.endsWith('_other'));
          const english = englishKey?.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources.en[ns]) as string | undefined;
          if (text.trim() === '') problems.push(`${language} ${ns}:${key} is empty`);
          const values = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').filter((v) => v !== 'count').sort();
          if (english !== undefined && values(text).join() !== values(english).join()) problems.push(`${language} ${ns}:${key} has {{${values(text).join()}}}, English {{${values(english).join()}}}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
