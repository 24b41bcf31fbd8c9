import type { TransactionType } from './importedTransaction';

/** What a type word in a file becomes: one of our types, or a line to skip (cash movements). */
export type TypeWordTarget = TransactionType | 'skip';

/** Keys are normalised with `normaliseWord`. */
export type TypeWordMap = Record<string, TypeWordTarget>;

export function normaliseWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

const WORDS: Record<TypeWordTarget, readonly string[]> = {
  buy: ['buy', 'bought', 'purchase', 'market buy', 'limit buy', 'kauf', 'kaufen', 'achat', 'koop', 'aankoop', 'acquisto', 'compra', 'b'],
  sell: ['sell', 'sold', 'sale', 'market sell', 'limit sell', 'verkauf', 'verkaufen', 'vente', 'verkoop', 'vendita', 'venta', 's'],
  dividend: ['dividend', 'dividends', 'dividende', 'dividenden', 'dividendo', 'cash dividend', 'qualified dividend', 'ausschuttung', 'distribution'],
  split: ['split', 'stock split', 'aktiensplit', 'splitsing', 'fractionnement'],
  fee: ['fee', 'fees', 'gebuhr', 'gebuhren', 'frais', 'kosten', 'commissione'],
  skip: [
    'deposit', 'withdrawal', 'interest', 'tax', 'transfer in', 'transfer out', 'credit', 'debit',
    'einzahlung', 'auszahlung', 'zinsen', 'steuer', 'versement', 'prelevement', 'retrait', 'interet', 'impot',
    'storting', 'opname', 'rente', 'belasting', 'item', 'liability',
  ],
};

export const DEFAULT_TYPE_WORDS: TypeWordMap = Object.fromEntries(
  (Object.entries(WORDS) as [TypeWordTarget, readonly string[]][]).flatMap(([target, words]) =>
    words.map((w) => [normaliseWord(w), target]),
  ),
);

export function lookupTypeWord(map: TypeWordMap, word: string): TypeWordTarget | undefined {
  return map[normaliseWord(word)];
}
