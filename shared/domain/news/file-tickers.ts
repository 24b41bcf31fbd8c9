/**
 * Tickers implied by a file name, as in 'headlines_NVDA_date-headline.csv' or
 * '9988.HK-news.json'. Only upper-case tokens count: people write tickers in
 * capitals and everything else in such names is lower case.
 */
const NOT_TICKERS = new Set(['CSV', 'TSV', 'TXT', 'JSON', 'XML', 'RSS', 'ATOM', 'NEWS', 'API', 'UTF', 'EN', 'DE', 'ZH', 'FR', 'US', 'UK', 'HK', 'EU', 'ID', 'FINAL', 'COPY', 'NEW', 'OLD', 'ALL']);

const TOKEN = /(?<![A-Za-z0-9])(\d{4,5}\.HK|[A-Z]{1,5}(?:\.[A-Z]{1,2})?)(?![A-Za-z0-9])/g;

export function tickersFromFileName(fileName: string): string[] {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[A-Za-z0-9]+$/, '');
  const found: string[] = [];
  for (const m of base.matchAll(TOKEN)) {
    const t = m[1] ?? '';
    if (!NOT_TICKERS.has(t) && !found.includes(t)) found.push(t);
  }
  return found;
}

export function splitTickers(cell: string): string[] {
  return cell
    .split(/[,;|\s]+/)
    .map((t) => t.trim().replace(/^\$/, ''))
    .filter((t) => t !== '');
}
