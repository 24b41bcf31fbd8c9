import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// One naming convention for the contract (issue 11 part 5): a schema is exported under the bare
// name of what it describes, and its inferred type shares that name. Suffixes crept in three ways
// (…Dto, …Schema, …Input/Output); this keeps a new one from coming back.
const FORBIDDEN_SUFFIX = /(Dto|Schema|Input|Output)$/;

async function exportedSchemas(): Promise<{ file: string; name: string }[]> {
  const dir = __dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const found: { file: string; name: string }[] = [];
  for (const file of files) {
    const mod = (await import(join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (value instanceof z.ZodType) found.push({ file, name });
  }
  return found;
}

describe('shared/api schema names', () => {
  it('finds the contract schemas (so the check below is not vacuous)', async () => {
    const schemas = await exportedSchemas();
    expect(schemas.map((s) => s.name)).toEqual(expect.arrayContaining(['Holding', 'HoldingsReport', 'Transaction', 'PriceFileMapping', 'Topic', 'AppCommand']));
  });
  it('exports no schema under a …Dto, …Schema, …Input or …Output name', async () => {
    const offenders = (await exportedSchemas()).filter((s) => FORBIDDEN_SUFFIX.test(s.name)).map((s) => `${s.file}: ${s.name}`);
    expect(offenders).toEqual([]);
  });
});
