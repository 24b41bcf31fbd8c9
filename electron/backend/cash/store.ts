/** The one owner of `cash_transactions` (written with the cash handlers). */
export {};
