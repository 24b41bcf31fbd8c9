import semver from 'semver';
import { mainT, type MainT } from '../i18n';

/**
 * The decisions behind updates, as plain functions (no Electron, no network), so the
 * rules are tested on their own (policy.test.ts); updater.ts wires them to
 * electron-updater and the dialogs. Nothing is downloaded without the user's yes.
 */

export type Channel = 'latest' | 'beta' | 'alpha';
export type CheckTrigger = 'menu' | 'startup';

/** What the user chose, kept in <data folder>/updates.json (preferences.ts). */
export interface UpdatePreferences {
  /** Opt-in: check once at start (at most once a day). Off until the user turns it on. */
  checkAtStart: boolean;
  /** A version the user said to skip; the automatic check stays quiet about it. */
  skippedVersion: string | null;
  /** When the last check ran (ISO time), so start-up checks happen at most daily. */
  lastCheckAt: string | null;
}

export const DEFAULT_PREFERENCES: UpdatePreferences = { checkAtStart: false, skippedVersion: null, lastCheckAt: null };

/** The channel a version belongs to: a 0.3.0-beta.2 user gets betas and releases; a release user only releases. */
export function channelOf(version: string): Channel {
  const pre = semver.prerelease(version);
  if (pre === null) return 'latest';
  const tag = String(pre[0] ?? '').toLowerCase();
  return tag === 'alpha' ? 'alpha' : 'beta';
}

/** Whether a release of `channel` may be offered to someone on `current`'s channel (alpha ⊃ beta ⊃ latest). */
function channelAllows(current: Channel, candidate: Channel): boolean {
  const rank: Record<Channel, number> = { latest: 0, beta: 1, alpha: 2 };
  return rank[candidate] <= rank[current];
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** The automatic check runs only in an installed app, only when opted in, and at most once a day. */
export function shouldCheckAtStart(prefs: UpdatePreferences, now: Date, isPackaged: boolean): boolean {
  if (!isPackaged || !prefs.checkAtStart) return false;
  if (prefs.lastCheckAt === null) return true;
  const last = Date.parse(prefs.lastCheckAt);
  // A clock set back (last check "in the future") must not stop checks for good.
  return !Number.isFinite(last) || now.getTime() - last >= ONE_DAY_MS || last > now.getTime();
}

export type Offer =
  | { kind: 'offer'; version: string }
  | { kind: 'up-to-date' }
  | { kind: 'skipped'; version: string }
  | { kind: 'invalid'; version: string };

/**
 * What to tell the user about the feed's newest version. The menu check always
 * reports (even a skipped version: the user asked); the start-up check stays quiet
 * about a skipped version. Older, equal, or other-channel versions are "up to date".
 */
export function offerFor(current: string, available: string, trigger: CheckTrigger, prefs: UpdatePreferences): Offer {
  if (semver.valid(available) === null || semver.valid(current) === null) return { kind: 'invalid', version: available };
  if (!semver.gt(available, current)) return { kind: 'up-to-date' };
  if (!channelAllows(channelOf(current), channelOf(available))) return { kind: 'up-to-date' };
  if (trigger === 'startup' && prefs.skippedVersion !== null && semver.eq(prefs.skippedVersion, available)) return { kind: 'skipped', version: available };
  return { kind: 'offer', version: available };
}

/** Buttons of the "new version" question, in order; the index is the dialog's response. */
export const offerButtons = (t: MainT = mainT()): string[] => [t('main:updates.download'), t('main:updates.skip'), t('main:updates.later')];
export type OfferAnswer = 'download' | 'skip' | 'later';

export function offerAnswer(response: number): OfferAnswer {
  return response === 0 ? 'download' : response === 1 ? 'skip' : 'later';
}

/** Preferences after the user answered the offer (and the "check at start" box). */
export function afterAnswer(prefs: UpdatePreferences, version: string, answer: OfferAnswer, checkAtStart: boolean): UpdatePreferences {
  return {
    ...prefs,
    checkAtStart,
    skippedVersion: answer === 'skip' ? version : answer === 'download' ? null : prefs.skippedVersion,
  };
}

export const installButtons = (t: MainT = mainT()): string[] => [t('main:updates.restartAndInstall'), t('main:updates.installWhenQuit')];

/** Release notes as the dialog shows them: GitHub's HTML reduced to text, at most `max` characters. */
export function releaseNotesText(notes: string | readonly { version: string; note: string | null }[] | null | undefined, max = 600): string {
  const raw = typeof notes === 'string' ? notes : (notes ?? []).map((n) => `${n.version}: ${n.note ?? ''}`).join('\n');
  const text = raw
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Download progress as the window title shows it. */
export function progressTitle(percent: number, t: MainT = mainT()): string {
  const p = Math.max(0, Math.min(100, Math.floor(percent)));
  return t('main:updates.progress', { percent: p });
}
