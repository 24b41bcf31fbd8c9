/**
 * Character references in XML and HTML. Only numeric references and the names
 * news markup actually uses are decoded; anything else stays literal, which is
 * harmless in plain text and never expands into more markup.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', bdquo: '„', sbquo: '‚', euro: '€', pound: '£', yen: '¥', copy: '©',
  reg: '®', trade: '™', deg: '°', middot: '·', bull: '•', times: '×', shy: '',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  eacute: 'é', egrave: 'è', agrave: 'à', aacute: 'á', ccedil: 'ç', iacute: 'í', oacute: 'ó', uacute: 'ú',
};

export function decodeEntities(text: string, xmlOnly = false): string {
  // Every reference starts with '&'; most text runs of a feed have none.
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    if (xmlOnly && !['amp', 'lt', 'gt', 'quot', 'apos'].includes(ref)) return whole;
    return NAMED[ref] ?? whole;
  });
}
