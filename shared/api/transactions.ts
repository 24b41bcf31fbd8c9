import { z } from 'zod';
import { defineMethods } from './define';
import { FileSource } from './files';
import { CashTransactionType, FieldWarning } from './cash';
import { CurrencyCode } from './settings';
import { LocalText } from './text';

export const TransactionType = z.enum(['buy', 'sell', 'dividend', 'split', 'fee']);
/** A stored line's type: what is entered, and the two lines of a security transfer between accounts (transactions.transfer). */
export const StoredTransactionType = z.enum(['buy', 'sell', 'dividend', 'split', 'fee', 'transfer-out', 'transfer-in']);

/**
 * A stored transaction. As in shared/domain/portfolio/transaction.ts: for a dividend or a
 * fee line `price` is the total amount; for a split `splitFrom → splitTo` is the ratio.
 */
const finite = z.number().finite();

export const Transaction = z.object({
  id: z.number().int(),
  securityId: z.number().int(),
  symbol: z.string(),
  type: StoredTransactionType,
  date: z.string(),
  quantity: z.number(),
  price: z.number(),
  currency: z.string(),
  fees: z.number(),
  splitFrom: z.number().nullable(),
  splitTo: z.number().nullable(),
  note: z.string(),
  externalId: z.string().nullable(),
  /** The account the line is booked in. */
  accountId: z.number().int().positive(),
  /** Tax withheld, in `currency` (≥ 0): a dividend is stored gross in `price`, net = price − taxes − fees. */
  taxes: z.number(),
  /**
   * A transfer's other account: transfer-out moves `quantity` shares from `accountId` to it, transfer-in
   * receives them from it; `price` is the average cost per share carried over. Null for other types.
   */
  counterAccountId: z.number().int().positive().nullable().default(null),
});
export type Transaction = z.infer<typeof Transaction>;

/** Shares moved from one of the user's accounts to another, with their lots' original dates and costs. */
export const SecurityTransferFields = z
  .object({
    securityId: z.number().int().positive(),
    fromAccountId: z.number().int().positive(),
    toAccountId: z.number().int().positive(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-03-14.'),
    quantity: finite,
    fees: finite.min(0, 'Fees cannot be negative.').default(0),
    note: z.string().max(2000).default(''),
  })
  .strict();
export type SecurityTransferFieldsInput = z.input<typeof SecurityTransferFields>;

export const TransactionFields = z.object({
  securityId: z.number().int().positive(),
  type: TransactionType,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-03-14.'),
  quantity: finite.default(0),
  price: finite.default(0),
  currency: CurrencyCode,
  fees: finite.default(0),
  splitFrom: finite.nullable().default(null),
  splitTo: finite.nullable().default(null),
  note: z.string().max(2000).default(''),
  /** On create, defaults to the default account (the one existing data moved into); an update without it keeps the line's account. */
  accountId: z.number().int().positive().optional(),
  taxes: finite.min(0, 'Tax cannot be negative.').default(0),
});
export type TransactionFieldsInput = z.input<typeof TransactionFields>;

/** A field error as validateTransaction reports it; the form shows it under the field. */
export const FieldError = z.object({ field: z.string(), message: z.string(), ...LocalText });
export type FieldError = z.infer<typeof FieldError>;

const MappedColumn = z.number().int().min(0).nullable();
export const TransactionMapping = z
  .object({
    delimiter: z.enum([',', ';', '\t']),
    headerLine: z.number().int().min(1),
    columns: z
      .object({
        date: MappedColumn,
        type: MappedColumn,
        symbol: MappedColumn,
        isin: MappedColumn,
        name: MappedColumn,
        quantity: MappedColumn,
        price: MappedColumn,
        amount: MappedColumn,
        fees: MappedColumn,
        currency: MappedColumn,
        externalId: MappedColumn,
        note: MappedColumn,
        fxRate: MappedColumn.optional(),
      })
      .strict(),
    dateOrder: z.enum(['DMY', 'MDY']),
    decimalSeparator: z.enum(['.', ',']),
    typeWords: z.record(
      z.string(),
      z.enum(['buy', 'sell', 'dividend', 'split', 'fee', 'deposit', 'withdrawal', 'interest', 'tax', 'refund', 'transfer-in', 'transfer-out', 'skip']),
    ),
    defaultCurrency: z.string().regex(/^[A-Z]{3}$/).nullable(),
    accountCurrency: z.string().regex(/^[A-Z]{3}$/).nullable().optional(),
  })
  .strict();
export type TransactionMapping = z.infer<typeof TransactionMapping>;

export const ImportLineError = z.object({ line: z.number().int(), field: z.string(), message: z.string(), ...LocalText });
export type ImportLineError = z.infer<typeof ImportLineError>;

export const ImportPreviewRow = z.object({
  line: z.number().int(),
  type: StoredTransactionType,
  date: z.string(),
  symbol: z.string(),
  name: z.string().nullable(),
  quantity: z.number(),
  price: z.number(),
  currency: z.string(),
  fees: z.number(),
  splitFrom: z.number().nullable(),
  splitTo: z.number().nullable(),
  note: z.string(),
  externalId: z.string().nullable(),
  taxes: z.number().default(0),
  /** The account as the file names it, and the account the row will be stored in. */
  account: z.string().nullable().default(null),
  accountId: z.number().int().nullable().default(null),
  /** 'new' rows are imported; 'already-imported' rows are left out. */
  status: z.enum(['new', 'already-imported']),
  /** Lines of identical rows in this file (this one included), or null. */
  possibleDuplicateOf: z.array(z.number().int()).nullable(),
  /** 'stored' security, one added from the 'catalogue', or a 'new' custom one. */
  securitySource: z.enum(['stored', 'catalogue', 'new']),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;

/** A cash line of the file (deposit, interest, exchange…) as it will be stored. */
export const ImportCashPreviewRow = z.object({
  line: z.number().int(),
  type: CashTransactionType,
  date: z.string(),
  amount: z.string(),
  currency: z.string(),
  counterAmount: z.string().nullable(),
  counterCurrency: z.string().nullable(),
  account: z.string().nullable(),
  accountId: z.number().int().nullable(),
  counterAccount: z.string().nullable(),
  counterAccountId: z.number().int().nullable(),
  symbol: z.string().nullable(),
  note: z.string(),
  externalId: z.string().nullable(),
  status: z.enum(['new', 'already-imported']),
});
export type ImportCashPreviewRow = z.infer<typeof ImportCashPreviewRow>;

/** An account name the file uses and the stored account it maps to (null: it will be created). */
export const ImportAccount = z.object({ name: z.string(), accountId: z.number().int().nullable() });

/** How the file was read, in numbers; the UI words it ("Degiro account statement, Dutch, 74 lines: …"). */
export const TransactionImportSummary = z.object({
  /** The preset's label, or null for a file read with a confirmed column mapping. */
  format: z.string().nullable(),
  language: z.string().nullable(),
  lines: z.number().int(),
  trades: z.number().int(),
  perType: z.partialRecord(StoredTransactionType, z.number().int()),
  cashPerType: z.partialRecord(CashTransactionType, z.number().int()),
  cashLines: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  errorLines: z.number().int(),
  warnings: z.number().int(),
});
export type TransactionImportSummary = z.infer<typeof TransactionImportSummary>;

export const ImportPreview = z.object({
  fileName: z.string(),
  /** The format read: `label` in English (logs, tests), `presetId` so the UI names it in the reader's language. */
  format: z.object({ kind: z.enum(['preset', 'generic']), label: z.string(), presetId: z.string().nullable().default(null) }),
  /** For files without a preset: the columns, the suggested mapping and the first rows. */
  generic: z
    .object({
      headers: z.array(z.string()),
      sampleRows: z.array(z.array(z.string())),
      mapping: TransactionMapping,
      unmappedTypeWords: z.array(z.string()),
    })
    .nullable(),
  rows: z.array(ImportPreviewRow),
  cash: z.array(ImportCashPreviewRow).default([]),
  /** The account names the file uses; rows without one go to the target account. */
  accounts: z.array(ImportAccount).default([]),
  /** Where rows without an account name go (input accountId, else the default account). */
  targetAccountId: z.number().int().nullable().default(null),
  errors: z.array(ImportLineError),
  /** Problems of lines refused while reading that the user left out (excludeLines): shown, so they can be ticked again; they block nothing. */
  leftOut: z.array(ImportLineError).default([]),
  /** Lines that import as read but deserve a look (a dividend with no shares held, an amount that does not reconcile). */
  warnings: z.array(ImportLineError).default([]),
  summary: TransactionImportSummary.nullable().default(null),
  /**
   * Totals over the whole file. A large file's preview carries only its first lines (and every line
   * with a problem or a possible duplicate) in `rows` and `cash`; these say how many there are in all.
   */
  counts: z
    .object({
      rows: z.number().int(),
      newRows: z.number().int(),
      alreadyImported: z.number().int(),
      possibleDuplicates: z.number().int(),
      cash: z.number().int(),
      newCash: z.number().int(),
      /** File lines the user left out (unticked transactions, cash lines and refused lines), each line once. */
      leftOut: z.number().int().default(0),
    })
    .nullable()
    .default(null),
  /** The text encoding the file was read in ('utf-8', 'utf-16le', 'windows-1252'…). */
  encoding: z.string().nullable().default(null),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string(), ...LocalText })),
  newSecurities: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

const ImportInput = z
  .object({
    /** The statement: staged (by id) or inline base64. */
    file: FileSource,
    mapping: TransactionMapping.optional(),
    /** Lines the user chose to leave out (e.g. one of two flagged identical rows). */
    excludeLines: z.array(z.number().int()).default([]),
    /** The account rows without an account name are stored in; default: the default account. */
    accountId: z.number().int().positive().optional(),
    /**
     * The file's account names mapped to stored accounts. A name mapped nowhere and not equal to
     * a stored account's name (case-insensitive) is created as a new account in the row's currency.
     */
    accountMap: z.record(z.string(), z.number().int().positive()).optional(),
    /** Chosen by the caller so it can follow the `import.progress` events of this import. */
    jobId: z.string().max(100).optional(),
  })
  .strict();

export const transactionsMethods = defineMethods({
  'transactions.list': {
    input: z.object({ securityId: z.number().int().positive().optional(), accountId: z.number().int().positive().optional() }).strict(),
    output: z.array(Transaction),
  },
  /**
   * Checks a line without saving it, for live form feedback: `errors` would block the save (the
   * same checks as create/update), `warnings` do not (NEGATIVE_BALANCE: a buy or fee that takes
   * its account's cash in that currency below zero, on its day or a later one).
   */
  'transactions.check': {
    input: TransactionFields.extend({ id: z.number().int().positive().optional() }).strict(),
    output: z.object({ errors: z.array(FieldError), warnings: z.array(FieldWarning) }),
  },
  'transactions.create': { input: TransactionFields.strict(), output: Transaction, mutates: ['transactions', 'holdings'] },
  'transactions.update': {
    input: TransactionFields.extend({ id: z.number().int().positive() }).strict(),
    output: Transaction,
    mutates: ['transactions', 'holdings'],
  },
  /**
   * Moves shares between two of the user's accounts: a transfer-out line in `fromAccountId` and a
   * transfer-in line in `toAccountId`, stored together. The lots go first-in first-out with their own
   * dates and costs; neither a sale nor a gain, no flow for the whole portfolio, a flow at the day's
   * value for each account. VALIDATION (details.fields) when the accounts are the same, the quantity is
   * not positive, or the giving account holds fewer shares that day.
   */
  'transactions.transfer': {
    input: SecurityTransferFields,
    output: z.object({ out: Transaction, in: Transaction }),
    mutates: ['transactions', 'holdings'],
  },
  /** Hard delete that returns the rows, so the UI can offer Undo via transactions.restore. Deleting one line of a transfer deletes both. */
  'transactions.delete': {
    input: z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000) }).strict(),
    output: z.object({ deleted: z.array(Transaction) }),
    mutates: ['transactions', 'holdings'],
  },
  'transactions.restore': {
    input: z.object({ transactions: z.array(Transaction.strict()).min(1).max(10_000) }).strict(),
    output: z.object({ restored: z.number().int() }),
    mutates: ['transactions', 'holdings'],
  },
  'transactions.previewImport': { input: ImportInput, output: ImportPreview },
  'transactions.import': {
    input: ImportInput,
    output: z.object({
      added: z.number().int(),
      alreadyImported: z.number().int(),
      /** File lines the user left out (transactions, cash lines, refused lines), each line once. */
      excluded: z.number().int(),
      newSecurities: z.array(z.string()),
      cashAdded: z.number().int().default(0),
      cashAlreadyImported: z.number().int().default(0),
      newAccounts: z.array(z.string()).default([]),
    }),
    mutates: ['transactions', 'securities', 'holdings', 'cash', 'accounts'],
  },
  /** Tickerline's CSV: every transaction and cash line with its account, so it re-imports to the same state. */
  'transactions.export': {
    input: z.object({}).strict(),
    output: z.object({ fileName: z.string(), csv: z.string(), count: z.number().int() }),
  },
});
