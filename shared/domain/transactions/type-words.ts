import type { TransactionType } from './imported-transaction';

/**
 * What a type word in a file becomes: one of our security types, a cash line of the
 * account (deposit, withdrawal, interest, tax, refund, transfers), or a line to skip.
 * 'fee' is a security's fee when the line names a security, else a cash fee of the account.
 */
export const CASH_TYPE_TARGETS = ['deposit', 'withdrawal', 'interest', 'tax', 'refund', 'transfer-in', 'transfer-out'] as const;
export type CashTypeTarget = (typeof CASH_TYPE_TARGETS)[number];
export type TypeWordTarget = TransactionType | CashTypeTarget | 'skip';
export const TYPE_WORD_TARGETS: readonly TypeWordTarget[] = ['buy', 'sell', 'dividend', 'split', 'fee', ...CASH_TYPE_TARGETS, 'skip'];

/** Keys are normalised with `normaliseWord`. */
export type TypeWordMap = Record<string, TypeWordTarget>;

export function normaliseWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Letters NFD does not split into a base letter and an accent (Norwegian, Danish, Polish, German).
    .replace(/[øœ]/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/[_\s]+/g, ' ')
    .trim();
}

/**
 * Words brokers and banks write, in English, German, French, Dutch, Italian, Spanish,
 * Swedish, Danish, Norwegian and Polish (accents are removed before lookup).
 */
const WORDS: Record<TypeWordTarget, readonly string[]> = {
  buy: [
    'buy', 'bought', 'purchase', 'market buy', 'limit buy', 'stop buy', 'buy - market', 'buy - limit', 'savings plan', 'sparplan', 'b',
    'kauf', 'kaufen', 'wertpapierkauf', 'achat', 'achat titres', 'koop', 'aankoop', 'koop fondsen',
    'acquisto', 'compra', 'kop', 'kob', 'kjop', 'kupno', 'zakup',
  ],
  sell: [
    'sell', 'sold', 'sale', 'market sell', 'limit sell', 'stop sell', 'sell - market', 'sell - limit', 's',
    'verkauf', 'verkaufen', 'wertpapierverkauf', 'vente', 'verkoop', 'verkoop fondsen', 'vendita', 'venta',
    'salj', 'forsaljning', 'salg', 'sprzedaz',
  ],
  dividend: [
    'dividend', 'dividends', 'cash dividend', 'qualified dividend', 'ordinary dividend', 'distribution',
    'dividende', 'dividenden', 'ausschuttung', 'ertrag', 'ertragsausschuttung', 'contant dividend',
    'dividendo', 'dividendi', 'cedola', 'provento', 'utdelning', 'udbytte', 'utbytte', 'dywidenda',
  ],
  split: ['split', 'stock split', 'aktiensplit', 'splitsing', 'fractionnement', 'frazionamento', 'desdoblamiento', 'aktiesplit', 'podzial akcji'],
  fee: [
    'fee', 'fees', 'commission', 'custody fee', 'account fee', 'gebuhr', 'gebuhren', 'depotgebuhr', 'frais', 'droits de garde',
    'kosten', 'commissione', 'commissioni', 'comision', 'comisiones', 'avgift', 'courtage', 'gebyr', 'oplata', 'prowizja',
  ],
  deposit: [
    'deposit', 'cash deposit', 'top up', 'top-up', 'cash top-up', 'einzahlung', 'einlage', 'versement', 'depot', 'storting',
    'versamento', 'bonifico in entrata', 'ingreso', 'deposito', 'insattning', 'indbetaling', 'innskudd', 'wplata',
  ],
  withdrawal: [
    'withdrawal', 'withdraw', 'cash withdrawal', 'auszahlung', 'entnahme', 'retrait', 'prelevement', 'opname',
    'prelievo', 'retirada', 'reintegro', 'uttag', 'udbetaling', 'uttak', 'wyplata',
  ],
  interest: ['interest', 'interest on cash', 'zinsen', 'zins', 'interet', 'interets', 'rente', 'interessi', 'intereses', 'ranta', 'renter', 'odsetki'],
  tax: ['tax', 'taxes', 'withholding tax', 'steuer', 'steuern', 'quellensteuer', 'impot', 'impots', 'belasting', 'dividendbelasting', 'imposta', 'ritenuta', 'impuesto', 'retencion', 'skatt', 'kupongskatt', 'skat', 'podatek'],
  refund: ['refund', 'rebate', 'tax refund', 'erstattung', 'steuererstattung', 'remboursement', 'terugbetaling', 'rimborso', 'reembolso', 'aterbetalning', 'tilbagebetaling', 'refundacja', 'zwrot'],
  'transfer-in': ['transfer in', 'incoming transfer', 'ubertrag eingang', 'transfert entrant', 'overboeking ontvangen'],
  'transfer-out': ['transfer out', 'outgoing transfer', 'ubertrag ausgang', 'transfert sortant'],
  skip: ['item', 'liability', 'credit', 'debit'],
};

export const DEFAULT_TYPE_WORDS: TypeWordMap = Object.fromEntries(
  (Object.entries(WORDS) as [TypeWordTarget, readonly string[]][]).flatMap(([target, words]) =>
    words.map((w) => [normaliseWord(w), target]),
  ),
);

export function lookupTypeWord(map: TypeWordMap, word: string): TypeWordTarget | undefined {
  return map[normaliseWord(word)];
}
