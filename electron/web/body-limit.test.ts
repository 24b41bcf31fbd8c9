import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '@shared/api/contract';
import { FilePayload, MAX_FILE_BASE64_CHARS } from '@shared/api/files';
import { callBodyLimit, FORMATTING_BYTES, jsonByteBound, methodBodyLimit, OPEN_PARTS_BYTES } from './body-limit';

const bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).byteLength;

describe('body limits from input schemas', () => {
  it('bounds a number field: {"id":-1.2345678901234567e-308} is 2 + 4 + 1 + 24 = 31 bytes, plus a comma = 32', () => {
    const schema = z.object({ id: z.number() }).strict();
    expect(jsonByteBound(schema)).toEqual({ bytes: 32, open: false });
    expect(bytes({ id: -1.2345678901234567e-308 })).toBe(31);
  });

  it('counts 6 bytes per character of text, which the worst text (control characters) reaches exactly', () => {
    const schema = z.object({ name: z.string().max(10) }).strict();
    // {"name":"…"}: 2 braces + "name" 6 + colon and comma 2 + quotes 2 + 10 × 6 = 72.
    expect(jsonByteBound(schema)).toEqual({ bytes: 72, open: false });
    // The same without the comma a last field does not need: 71, and ten \u0001 escapes write exactly that.
    expect(bytes({ name: '\u0001'.repeat(10) })).toBe(71);
    // 3 bytes of UTF-8 each for ten CJK characters stays under it: 2 + 6 + 1 + 2 + 30 = 41.
    expect(bytes({ name: '株'.repeat(10) })).toBe(41);
  });

  it('counts base64 text at one byte a character', () => {
    // {"fileName":…,"contentBase64":…}: 2 + ("fileName" 10 + 2 + 2 + 255 × 6) + ("contentBase64" 15 + 2 + 2 + max chars).
    expect(jsonByteBound(FilePayload.strict())).toEqual({ bytes: 2 + 10 + 2 + 2 + 255 * 6 + 15 + 2 + 2 + MAX_FILE_BASE64_CHARS, open: false });
  });

  it('bounds arrays by their maximum and unions by their widest option', () => {
    // [true,false,false]: 2 + 3 × (5 + 1) = 20 (one comma too many counted: a bound, not an exact size).
    expect(jsonByteBound(z.array(z.boolean()).max(3))).toEqual({ bytes: 20, open: false });
    expect(jsonByteBound(z.union([z.null(), z.string().max(2)]))).toEqual({ bytes: 14, open: false });
    expect(jsonByteBound(z.enum(['day', 'longer']))).toEqual({ bytes: 8, open: false });
  });

  it('gives a schema with open parts its bounded bytes plus the open allowance', () => {
    const schema = z.object({ note: z.string(), day: z.number() }).strict();
    // Bounded: 2 + ("note" 6 + 2) + ("day" 5 + 2 + 24) = 41; the note is open.
    expect(jsonByteBound(schema)).toEqual({ bytes: 41, open: true });
    expect(callBodyLimit(schema)).toBe(41 + OPEN_PARTS_BYTES + FORMATTING_BYTES);
    expect(jsonByteBound(z.array(z.number()))).toEqual({ bytes: 0, open: true });
    expect(jsonByteBound(z.record(z.string(), z.number())).open).toBe(true);
  });

  it('gives small methods small caps and file methods room for their file', () => {
    // prices.series {"securityId":…}: 2 + 12 + 2 + 24 = 40, plus 4,096 for formatting.
    expect(methodBodyLimit('prices.series')).toBe(40 + FORMATTING_BYTES);
    expect(methodBodyLimit('settings.get')).toBe(2 + FORMATTING_BYTES);
    expect(methodBodyLimit('files.stage')).toBe(jsonByteBound(FilePayload.strict()).bytes + FORMATTING_BYTES);
    expect(methodBodyLimit('prices.import')).toBeGreaterThan(MAX_FILE_BASE64_CHARS);
    for (const method of Object.keys(contract) as (keyof typeof contract)[]) expect(methodBodyLimit(method)).toBeLessThan(450 * 1024 * 1024);
  });
});
