import { z } from 'zod';
import { defineMethods } from './define';
import { CurrencyCode } from './settings';

const Id = z.number().int().positive();

/** What kind of account it is; only a label (and the icon the UI picks), no rule depends on it. */
export const AccountKind = z.enum(['broker', 'bank', 'pension', 'other']);
export type AccountKind = z.infer<typeof AccountKind>;

/**
 * An account: every transaction and cash line belongs to exactly one. `currency` is the
 * account's own currency (the one its statements and its deposits are in); cash in other
 * currencies can still be held in it (after an exchange). `tracksCash` says whether the account
 * keeps a cash ledger: when it does, buys, sells, dividends and fees move its cash; when it does
 * not, each buy counts as money put in and each sell or dividend as money taken out.
 */
export const Account = z.object({
  id: Id,
  name: z.string(),
  institution: z.string(),
  currency: z.string(),
  kind: AccountKind,
  tracksCash: z.boolean(),
  note: z.string(),
  /** Security transactions booked in this account. */
  transactionCount: z.number().int(),
  /** Cash lines booked in this account (or naming it as the counter account of a transfer). */
  cashTransactionCount: z.number().int(),
  /** The account existing data was moved into by the accounts upgrade; the default for new lines. */
  isDefault: z.boolean(),
});
export type Account = z.infer<typeof Account>;

export const AccountFields = z.object({
  name: z.string().trim().min(1, 'Give the account a name.').max(100),
  institution: z.string().trim().max(100).default(''),
  currency: CurrencyCode,
  kind: AccountKind.default('broker'),
  tracksCash: z.boolean().default(true),
  note: z.string().max(2000).default(''),
});
export type AccountFieldsInput = z.input<typeof AccountFields>;

export const accountsMethods = defineMethods({
  /** Every account, default account first, then by name. */
  'accounts.list': { input: z.object({}).strict(), output: z.array(Account) },
  /** Names are unique (case-insensitive): a second "Broker" is a VALIDATION error on field `name`. */
  'accounts.create': { input: AccountFields.strict(), output: Account, mutates: ['accounts'] },
  'accounts.update': {
    input: AccountFields.extend({ id: Id }).strict(),
    output: Account,
    mutates: ['accounts', 'holdings', 'cash'],
  },
  /**
   * Deletes an empty account. While it has transactions or cash lines the call fails with
   * code CONFLICT and details { reason: 'ACCOUNT_NOT_EMPTY', accountId, transactions, cashTransactions };
   * the last remaining account cannot be deleted either (details.reason 'LAST_ACCOUNT').
   */
  'accounts.delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: Account }), mutates: ['accounts'] },
});
