import { z } from 'zod';
import { defineMethods } from './define';
import { CurrencyCode } from './settings';

export const SecurityKind = z.enum(['stock', 'etf', 'index', 'fx', 'fund', 'crypto']);

export const Security = z.object({
  id: z.number().int(),
  symbol: z.string(),
  name: z.string(),
  exchange: z.string(),
  currency: z.string(),
  kind: SecurityKind,
  isin: z.string().nullable(),
  issuerId: z.string().nullable(),
  sharesPerUnit: z.number(),
  aliases: z.array(z.string()),
  benchmarkId: z.number().int().nullable(),
});
export type Security = z.infer<typeof Security>;

export const Issuer = z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()) });
export type Issuer = z.infer<typeof Issuer>;

/** One search hit: a stored security (securityId set) or a catalogue listing not added yet. */
export const SecuritySearchHit = z.object({
  securityId: z.number().int().nullable(),
  symbol: z.string(),
  name: z.string(),
  exchange: z.string(),
  currency: z.string(),
  kind: SecurityKind,
  issuerId: z.string().nullable(),
  issuerName: z.string().nullable(),
  sharesPerUnit: z.number(),
  /** The symbol, name or alias that matched what was typed. */
  matched: z.string(),
});
export type SecuritySearchHit = z.infer<typeof SecuritySearchHit>;

const Symbol = z.string().trim().min(1, 'Enter a symbol such as 9988.HK or NVDA.').max(32);
const Name = z.string().trim().min(1, 'Enter a name.').max(200);
const Aliases = z.array(z.string().trim().max(200)).max(50);
const Isin = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}[A-Z0-9]{9}\d$/, 'An ISIN has 12 characters, e.g. KYG017191142.')
  .nullable();

export const CustomSecurity = z
  .object({
    symbol: Symbol,
    name: Name,
    exchange: z.string().trim().min(1).max(32),
    currency: CurrencyCode,
    kind: SecurityKind,
    isin: Isin.default(null),
    issuerId: z.string().trim().min(1).max(64).nullable().default(null),
    sharesPerUnit: z.number().positive().default(1),
    aliases: Aliases.default([]),
  })
  .strict();
export type CustomSecurity = z.input<typeof CustomSecurity>;

const Id = z.number().int().positive();

export const Listing = z.object({
  securityId: z.number().int().nullable(),
  symbol: z.string(),
  name: z.string(),
  exchange: z.string(),
  currency: z.string(),
  sharesPerUnit: z.number(),
  quantity: z.number(),
  lastPrice: z.number().nullable(),
  lastPriceDate: z.string().nullable(),
});
export type Listing = z.infer<typeof Listing>;

export const securitiesMethods = defineMethods({
  'securities.list': { input: z.object({}).strict(), output: z.array(Security) },
  'securities.search': {
    input: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(12) }).strict(),
    output: z.array(SecuritySearchHit),
  },
  'securities.get': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ security: Security, issuer: Issuer.nullable(), transactionCount: z.number().int() }),
  },
  /** From the catalogue in one step (`catalogueSymbol`), or a custom security (`custom`). */
  'securities.create': {
    input: z
      .object({ catalogueSymbol: Symbol.optional(), custom: CustomSecurity.optional() })
      .strict()
      .refine((v) => (v.catalogueSymbol === undefined) !== (v.custom === undefined), {
        message: 'Give either a catalogue symbol or the details of a custom security.',
      }),
    output: Security,
    mutates: ['securities'],
  },
  'securities.update': {
    input: z
      .object({
        id: Id,
        symbol: Symbol.optional(),
        name: Name.optional(),
        exchange: z.string().trim().min(1).max(32).optional(),
        currency: CurrencyCode.optional(),
        kind: SecurityKind.optional(),
        isin: Isin.optional(),
        sharesPerUnit: z.number().positive().optional(),
        aliases: Aliases.optional(),
      })
      .strict(),
    output: Security,
    mutates: ['securities', 'holdings'],
  },
  'securities.delete': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ deleted: z.number().int() }),
    mutates: ['securities'],
  },
  /** Every listing of the security's issuer (stored ones and catalogue ones not added), side by side. */
  'securities.listings': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ issuer: Issuer.nullable(), listings: z.array(Listing) }),
  },
  'securities.setBenchmark': {
    input: z.object({ id: Id, benchmarkId: Id.nullable() }).strict(),
    output: Security,
    mutates: ['securities'],
  },
});
