import { SPONSORED_TAG } from './news-event';

/**
 * Publisher labels that mark paid content. The label is kept as written
 * ('Anzeige') and the item is tagged 'sponsored' so filters need not know
 * every language's word for an advertorial.
 */
const SPONSORED = /^(anzeige|werbung|sponsored|sponsored content|advertisement|advertorial|paid (post|content)|partner content|publireportage|promoted)$/i;

export function tagsForLabel(label: string | null): string[] {
  return label !== null && SPONSORED.test(label.trim()) ? [SPONSORED_TAG] : [];
}
