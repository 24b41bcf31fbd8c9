import { APP_ORIGIN, APP_SCHEME } from './origin';

/**
 * The pure decisions behind the app's hardening (security.ts wires them to
 * Electron's events), so tests can prove them without launching Electron.
 */

/**
 * The origin of a URL as we compare it. Node's URL (used in Electron's main
 * process) reports "null" as the origin of non-special schemes such as our
 * app://, so that one is built from scheme and host; file:, data:,
 * javascript: and the like are opaque and never match.
 */
export function safeOrigin(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid:';
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host !== '') return `${APP_SCHEME}://${parsed.host}`;
  return 'opaque:';
}

export function allowedOrigins(devServerUrl: string | undefined): Set<string> {
  const origins = new Set([APP_ORIGIN]);
  if (devServerUrl) origins.add(safeOrigin(devServerUrl));
  return origins;
}

/** In-window navigation (links, redirects, location changes) may only stay on our own origin. */
export function mayNavigate(url: string, devServerUrl: string | undefined): boolean {
  return allowedOrigins(devServerUrl).has(safeOrigin(url));
}

/** Same rule for IPC senders: only our own top-level page may call the backend. */
export function isAppOrigin(url: string, devServerUrl: string | undefined): boolean {
  return mayNavigate(url, devServerUrl);
}

/**
 * window.open and target=_blank never create an Electron window; a web link
 * (http/https only) is handed to the system browser. file:, javascript:,
 * custom schemes and anything unparsable go nowhere. Returns the URL to open
 * externally, or null.
 */
export function externalLinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.toString();
}
