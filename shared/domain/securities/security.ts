import type { IsoDate } from '../common/dates';

export type SecurityKind = 'stock' | 'etf' | 'index' | 'fx' | 'fund' | 'crypto';

/**
 * The company (or index provider, or currency pair) behind one or more listings.
 * News names an issuer ("Alibaba"), so links made from names reach every listing.
 */
export interface Issuer {
  id: string; // stable slug, e.g. 'alibaba'
  name: string;
  aliases: string[]; // other names news may use: 'Alibaba Group', '阿里巴巴'
}

export interface Security {
  id: number;
  symbol: string; // '9988.HK', 'BABA', '^HSI', 'HKDEUR=X'
  name: string;
  exchange: string; // exchange code, see exchanges.ts ('HKEX', 'NYSE', 'NASDAQ', 'XETRA', 'FX', 'INDEX')
  currency: string; // ISO 4217 of the quoted price
  kind: SecurityKind;
  isin: string | null;
  issuerId: string | null;
  /**
   * Underlying shares one unit of this listing represents: 8 for the BABA ADR
   * (1 ADR = 8 ordinary shares of 9988.HK), 2 for JD, 1 for ordinary shares.
   */
  sharesPerUnit: number;
  aliases: string[]; // listing-specific names; issuer aliases are added to these
}

export type NewSecurity = Omit<Security, 'id'>;

/** A calendar day on which the exchange traded, with its daily bar. */
export interface PriceBar {
  date: IsoDate;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adjClose: number | null;
  volume: number | null;
}
