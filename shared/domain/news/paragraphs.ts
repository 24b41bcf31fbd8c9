/**
 * Whitespace as readers expect it: single spaces inside lines, at most one blank
 * line between paragraphs, nothing at either end.
 */
export function normalizeParagraphs(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/[ \t\f\v]+/g, ' ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
