/**
 * Lines that belong to the page, not the story: author signatures, comment
 * counters, share prompts, cross-links, copyright and "original URL" footers.
 * They must not reach the body, or every article from the same site would look
 * alike and name the same things.
 */
const BOILERPLATE: RegExp[] = [
  /^[\p{L}\p{N} .&-]*-?Redaktion(\s*\/\s*[\p{L}.]+)?\.?$/iu, // 'Bn-Redaktion/js'
  /^(von|by)\s+[\p{Lu}][\p{L}.-]+(\s+[\p{Lu}][\p{L}.-]+){0,3}(\s*\/\s*[\p{L}.]+)?$/u, // 'Von Max Muster', 'By Jane Doe'
  /^kommentare\s*\(\d+\)/i,
  /^\d+\s+kommentare?\b/i,
  /^comments?\s*\(\d+\)/i,
  /^(share|teilen)( this( article| story)?)?\s*[:.!]?$/i,
  /^(lesen sie auch|mehr zum thema|auch interessant|das könnte sie auch interessieren)\b/i,
  /^(read more|related( articles| stories)?|see also|more on this|recommended)\s*[:.]?/i,
  /^(©|\(c\)|copyright\b)/i,
  /^原始網址/u,
  /^電子郵件\s*email/iu,
  /^(e-?mail|tel\.?|phone)\s*:/i,
  /^(werbung|advertisement|sponsored content)$/i,
];

export function isBoilerplateLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && BOILERPLATE.some((re) => re.test(t));
}
