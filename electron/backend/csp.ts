/**
 * The one Content-Security-Policy for the UI, sent by the desktop protocol
 * handler and by browser mode. No remote code, no inline scripts, no eval;
 * inline styles are allowed because recharts positions tooltips with them.
 */
export function contentSecurityPolicy(connectSrc: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSrc.length > 0 ? ' ' + connectSrc.join(' ') : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
