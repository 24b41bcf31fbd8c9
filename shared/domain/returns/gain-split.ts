/**
 * Where an absolute gain came from. For every position (a security, or a cash balance in one
 * currency) the gain in base currency is
 *
 *     Lₑ·Xₑ − Lₛ·Xₛ − Σ fᵢ·Xᵢ   =   (Lₑ − Lₛ − Σ fᵢ)·Xₑ   +   Lₛ·(Xₑ − Xₛ) + Σ fᵢ·(Xₑ − Xᵢ)
 *                                   price gain               currency effect
 *
 * with L values in the position's currency, X rates to the base currency and fᵢ the money
 * moved in (+) or out (−) at the rate it was booked at. The price gain is what the position
 * earned in its own currency, at today's rate; the currency effect is what the rate did to
 * the money that was in it — including the spread of an exchange booked at a worse rate than
 * the reference. Dividends, interest, fees and taxes are given apart, in base currency.
 */

/** An amount in the position's own currency with the rate (1 unit = `rate` base units) it is valued or booked at. */
export interface AmountAtRate {
  local: number;
  rate: number;
}

export interface PositionGainInput {
  /** Value at the period's start, at that day's reference rate (0 for a position opened in the period). */
  start: AmountAtRate;
  /** Value at the period's end, at that day's reference rate. */
  end: AmountAtRate;
  /**
   * Money moved in (+) or out (−) during the period, at the rate booked. For a security: buys
   * and sells (their fees go to `fees`). For a cash balance: everything that changed it —
   * deposits, withdrawals, trades, exchanges and also dividends, interest, fees and taxes, which
   * are counted on their own lines below, so the balance itself earns only the currency effect.
   */
  flows: readonly AmountAtRate[];
}

/** Base currency, as positive amounts: dividends and interest received gross, fees and taxes paid. */
export interface GainSplitInput {
  positions: readonly PositionGainInput[];
  dividends: number;
  interest: number;
  fees: number;
  taxes: number;
}

/** Each part's contribution to the gain, base currency, signed so that they add up to `total` (fees and taxes ≤ 0). */
export interface GainSplit {
  total: number;
  priceGain: number;
  dividends: number;
  interest: number;
  fees: number;
  taxes: number;
  currencyEffect: number;
}

export function gainSplit(input: GainSplitInput): GainSplit {
  let priceGain = 0;
  let currencyEffect = 0;
  for (const { start, end, flows } of input.positions) {
    let moved = 0;
    let movedCurrency = 0;
    for (const f of flows) {
      moved += f.local;
      movedCurrency += f.local * (end.rate - f.rate);
    }
    priceGain += (end.local - start.local - moved) * end.rate;
    currencyEffect += start.local * (end.rate - start.rate) + movedCurrency;
  }
  const fees = 0 - input.fees; // not -x: a fee of 0 stays +0
  const taxes = 0 - input.taxes;
  const total = priceGain + currencyEffect + input.dividends + input.interest + fees + taxes;
  return { total, priceGain, dividends: input.dividends, interest: input.interest, fees, taxes, currencyEffect };
}
