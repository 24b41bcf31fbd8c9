import type { IsoDate } from '../common/dates';
import { exceedsHolding } from './ledger';

/** Shares bought together, still held. Costs include the buy's fees. */
export interface Lot {
  transactionId: number;
  date: IsoDate;
  quantity: number;
  /** Per share, in the security's currency. */
  costPerShare: number;
  /** Per share, in the base currency at the buy date's rate; NaN when that rate is missing. */
  costPerShareBase: number;
}

/** What a sell took out of the book: the cost of the shares it consumed. */
export interface LotRelease {
  cost: number;
  costBase: number;
}

/**
 * Open lots of one security, consumed first-in first-out (the method most tax authorities,
 * including Germany's, prescribe). Lots are removed by advancing `head` instead of
 * shifting the array, so long ledgers stay linear.
 */
export class LotBook {
  private readonly lots: Lot[] = [];
  private head = 0;
  // Kept as a running total: summing the lots on every sell would make long ledgers quadratic.
  private held = 0;

  get quantity(): number {
    return this.held;
  }

  /** Cost of the open lots in the security's currency. */
  get cost(): number {
    let c = 0;
    for (let i = this.head; i < this.lots.length; i++) {
      const lot = this.lots[i] as Lot;
      c += lot.quantity * lot.costPerShare;
    }
    return c;
  }

  /** Cost of the open lots in the base currency; NaN if any open lot's buy rate is missing. */
  get costBase(): number {
    let c = 0;
    for (let i = this.head; i < this.lots.length; i++) {
      const lot = this.lots[i] as Lot;
      c += lot.quantity * lot.costPerShareBase;
    }
    return c;
  }

  openLots(): Lot[] {
    return this.lots.slice(this.head).map((lot) => ({ ...lot }));
  }

  buy(lot: Lot): void {
    this.open({ ...lot });
  }

  /** `buy` for a lot object made for the book alone (a replay's): kept as it is, not copied. */
  open(lot: Lot): void {
    this.lots.push(lot);
    this.held += lot.quantity;
  }

  /**
   * A lot moved in from another account keeps its place by acquisition date: it goes after every
   * open lot bought on or before its date, so FIFO still sells the oldest acquisition first (a
   * lot bought in 2020 and moved in 2025 goes before one bought here in 2023).
   */
  insertByDate(lot: Lot): void {
    let at = this.lots.length;
    while (at > this.head && (this.lots[at - 1] as Lot).date > lot.date) at--;
    this.lots.splice(at, 0, { ...lot });
    this.held += lot.quantity;
  }

  /**
   * Removes `quantity` shares oldest-first. Returns null (and changes nothing) if fewer
   * shares are held; the caller turns that into a user-facing error.
   */
  sell(quantity: number): LotRelease | null {
    if (exceedsHolding(quantity, this.held)) return null;
    let remaining = quantity;
    let cost = 0;
    let costBase = 0;
    while (remaining > 0 && this.head < this.lots.length) {
      const lot = this.lots[this.head] as Lot;
      const taken = Math.min(remaining, lot.quantity);
      cost += taken * lot.costPerShare;
      costBase += taken * lot.costPerShareBase;
      lot.quantity -= taken;
      remaining -= taken;
      // A lot left with float dust (1e-12 shares) would linger forever; close it.
      if (lot.quantity <= 1e-12 * Math.max(1, taken)) this.head++;
    }
    this.held = this.head < this.lots.length ? Math.max(0, this.held - quantity) : 0;
    return { cost, costBase };
  }

  /** A split changes the share count of every lot, not its total cost. */
  split(factor: number): void {
    this.held *= factor;
    for (let i = this.head; i < this.lots.length; i++) {
      const lot = this.lots[i] as Lot;
      lot.quantity *= factor;
      lot.costPerShare /= factor;
      lot.costPerShareBase /= factor;
    }
  }
}
