import { sortForReplay } from './replay-order';
import { splitFactor } from './split-ratio';
import type { CarriedLot, Transaction } from './transaction';

/** A transaction with the account it is booked in. */
export type AccountTransaction = Transaction & { accountId: number };

function isTransfer(t: Transaction): boolean {
  return t.type === 'transfer-out' || t.type === 'transfer-in';
}

/**
 * The two lines of each transfer, by id both ways: a transfer-out of account A naming B and a
 * transfer-in of B naming A, of the same security, day and quantity. The pair is stored as two
 * rows (the migration's design); they are found again this way rather than by a link column.
 */
export function transferPartners(lines: readonly AccountTransaction[]): Map<number, AccountTransaction> {
  const key = (security: number, date: string, quantity: number, from: number, to: number): string => `${security}|${date}|${quantity}|${from}|${to}`;
  const arriving = new Map<string, AccountTransaction[]>();
  for (const t of lines) {
    if (t.type !== 'transfer-in' || t.counterAccountId == null) continue;
    const k = key(t.securityId, t.date, t.quantity, t.counterAccountId, t.accountId);
    const list = arriving.get(k);
    if (list === undefined) arriving.set(k, [t]);
    else list.push(t);
  }
  const partners = new Map<number, AccountTransaction>();
  for (const t of lines) {
    if (t.type !== 'transfer-out' || t.counterAccountId == null) continue;
    const partner = arriving.get(key(t.securityId, t.date, t.quantity, t.accountId, t.counterAccountId))?.shift();
    if (partner === undefined) continue;
    partners.set(t.id, partner);
    partners.set(partner.id, t);
  }
  return partners;
}

/** Takes `quantity` shares off the front of a FIFO list of lots; a lot split in two leaves its rest in place. */
function take(book: CarriedLot[], quantity: number): CarriedLot[] {
  const taken: CarriedLot[] = [];
  let remaining = quantity;
  while (remaining > 1e-12 && book.length > 0) {
    const lot = book[0] as CarriedLot;
    const n = Math.min(remaining, lot.quantity);
    taken.push({ ...lot, quantity: n });
    lot.quantity -= n;
    remaining -= n;
    if (lot.quantity <= 1e-12 * Math.max(1, n)) book.shift();
  }
  return taken;
}

/** Moved-in lots keep their acquisition order in the receiving book (as LotBook.insertByDate). */
function insertByDate(book: CarriedLot[], lot: CarriedLot): void {
  let at = book.length;
  while (at > 0 && (book[at - 1] as CarriedLot).date > lot.date) at--;
  book.splice(at, 0, lot);
}

/**
 * The lots each transfer-in carries: every account's lots of every security replayed first-in
 * first-out (buys open lots at their cost with fees, sells and transfers out take the oldest, a
 * split changes the lots of every account), and the lots a transfer-out takes are the lots its
 * partner brings, with their original dates and costs. A transfer-in without a known partner
 * carries one lot dated the transfer day at the cost per share it states.
 */
export function carriedLots(lines: readonly AccountTransaction[]): Map<number, CarriedLot[]> {
  const partners = transferPartners(lines);
  const out = new Map<number, CarriedLot[]>();
  const bySecurity = new Map<number, AccountTransaction[]>();
  for (const t of lines) {
    const list = bySecurity.get(t.securityId);
    if (list === undefined) bySecurity.set(t.securityId, [t]);
    else list.push(t);
  }
  for (const list of bySecurity.values()) {
    if (!list.some(isTransfer)) continue;
    const books = new Map<number, CarriedLot[]>();
    const book = (accountId: number): CarriedLot[] => {
      let b = books.get(accountId);
      if (b === undefined) books.set(accountId, (b = []));
      return b;
    };
    for (const t of sortForReplay(list) as AccountTransaction[]) {
      switch (t.type) {
        case 'buy':
          if (t.quantity > 0) book(t.accountId).push({ date: t.date, quantity: t.quantity, costPerShare: (t.quantity * t.price + t.fees) / t.quantity, currency: t.currency });
          break;
        case 'sell':
          take(book(t.accountId), t.quantity);
          break;
        case 'split': {
          // A split is the company's, not the account's: every account's shares split.
          const factor = t.splitRatio ? splitFactor(t.splitRatio) : Number.NaN;
          if (!Number.isFinite(factor) || factor <= 0) break;
          for (const b of books.values()) {
            for (const lot of b) {
              lot.quantity *= factor;
              lot.costPerShare /= factor;
            }
          }
          break;
        }
        case 'transfer-out': {
          const taken = take(book(t.accountId), t.quantity);
          const partner = partners.get(t.id);
          if (partner === undefined) break;
          out.set(partner.id, taken.map((lot) => ({ ...lot })));
          for (const lot of taken) insertByDate(book(partner.accountId), lot);
          break;
        }
        case 'transfer-in':
          if (partners.has(t.id)) break;
          {
            const lot = { date: t.date, quantity: t.quantity, costPerShare: t.price, currency: t.currency };
            out.set(t.id, [{ ...lot }]);
            insertByDate(book(t.accountId), lot);
          }
          break;
        case 'dividend':
        case 'fee':
          break;
      }
    }
  }
  return out;
}

/**
 * The security transactions of a scope (the accounts `inScope` accepts), with transfers resolved:
 * a transfer whose two accounts are both inside is dropped (shares moved between the scope's own
 * accounts: neither a gain nor a flow), a transfer-in from outside brings the lots it carried
 * with their original dates and costs, and a transfer-out to outside takes the oldest lots out.
 */
export function scopeSecurityTransfers<T extends AccountTransaction>(lines: readonly T[], inScope: (accountId: number) => boolean): T[] {
  if (!lines.some(isTransfer)) return lines.filter((t) => inScope(t.accountId));
  const partners = transferPartners(lines);
  const carried = carriedLots(lines);
  const out: T[] = [];
  for (const t of lines) {
    if (!inScope(t.accountId)) continue;
    if (!isTransfer(t)) {
      out.push(t);
      continue;
    }
    const partner = partners.get(t.id);
    if (partner !== undefined && inScope(partner.accountId)) continue;
    const lots = carried.get(t.id);
    out.push(t.type === 'transfer-in' && lots !== undefined ? { ...t, carried: lots } : t);
  }
  return out;
}
