import { describe, expect, it } from 'vitest';
import { mainT } from '../i18n';
import { afterAnswer, offerButtons, channelOf, DEFAULT_PREFERENCES, offerAnswer, offerFor, progressTitle, releaseNotesText, shouldCheckAtStart, type UpdatePreferences } from './policy';

const prefs = (over: Partial<UpdatePreferences> = {}): UpdatePreferences => ({ ...DEFAULT_PREFERENCES, ...over });

describe('update channels', () => {
  it('follows the prerelease tag of the running version', () => {
    expect(channelOf('0.1.0')).toBe('latest');
    expect(channelOf('0.3.0-beta.2')).toBe('beta');
    expect(channelOf('0.3.0-rc.1')).toBe('beta');
    expect(channelOf('0.3.0-alpha.1')).toBe('alpha');
  });
});

describe('what a check offers', () => {
  it('offers only a newer version of the same or a more stable channel', () => {
    expect(offerFor('0.1.0', '0.2.0', 'menu', prefs())).toEqual({ kind: 'offer', version: '0.2.0' });
    expect(offerFor('0.1.0', '0.1.0', 'menu', prefs())).toEqual({ kind: 'up-to-date' });
    expect(offerFor('0.2.0', '0.1.9', 'menu', prefs())).toEqual({ kind: 'up-to-date' }); // never a downgrade
    // 0.10.0 > 0.9.0 numerically, not as text.
    expect(offerFor('0.9.0', '0.10.0', 'menu', prefs())).toEqual({ kind: 'offer', version: '0.10.0' });
    // A release user is not offered a beta, however new.
    expect(offerFor('0.1.0', '0.2.0-beta.1', 'menu', prefs())).toEqual({ kind: 'up-to-date' });
    // A beta user gets the next beta and the release it leads to (0.2.0 > 0.2.0-beta.3).
    expect(offerFor('0.2.0-beta.2', '0.2.0-beta.3', 'menu', prefs())).toEqual({ kind: 'offer', version: '0.2.0-beta.3' });
    expect(offerFor('0.2.0-beta.3', '0.2.0', 'menu', prefs())).toEqual({ kind: 'offer', version: '0.2.0' });
    expect(offerFor('0.2.0-beta.1', '0.2.0-alpha.9', 'menu', prefs())).toEqual({ kind: 'up-to-date' });
    expect(offerFor('0.1.0', 'v-next', 'menu', prefs())).toEqual({ kind: 'invalid', version: 'v-next' });
  });

  it('stays quiet at start about a skipped version but answers the menu', () => {
    const skipped = prefs({ skippedVersion: '0.2.0' });
    expect(offerFor('0.1.0', '0.2.0', 'startup', skipped)).toEqual({ kind: 'skipped', version: '0.2.0' });
    expect(offerFor('0.1.0', '0.2.0', 'menu', skipped)).toEqual({ kind: 'offer', version: '0.2.0' });
    // A version after the skipped one is offered again.
    expect(offerFor('0.1.0', '0.2.1', 'startup', skipped)).toEqual({ kind: 'offer', version: '0.2.1' });
  });
});

describe('the automatic check', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  it('is opt-in, installed app only, at most once a day', () => {
    expect(shouldCheckAtStart(prefs(), now, true)).toBe(false); // not opted in
    expect(shouldCheckAtStart(prefs({ checkAtStart: true }), now, false)).toBe(false); // npm start / dev
    expect(shouldCheckAtStart(prefs({ checkAtStart: true }), now, true)).toBe(true);
    // 23 h ago: not yet; 24 h ago: yes.
    expect(shouldCheckAtStart(prefs({ checkAtStart: true, lastCheckAt: '2026-12-03T13:00:00Z' }), now, true)).toBe(false);
    expect(shouldCheckAtStart(prefs({ checkAtStart: true, lastCheckAt: '2026-12-03T12:00:00Z' }), now, true)).toBe(true);
    // A last check "tomorrow" (clock set back) does not block checks for good.
    expect(shouldCheckAtStart(prefs({ checkAtStart: true, lastCheckAt: '2026-12-05T12:00:00Z' }), now, true)).toBe(true);
  });
});

describe('the user’s answer', () => {
  it('maps the buttons and remembers a skipped version and the start-up choice', () => {
    expect([0, 1, 2, -1].map(offerAnswer)).toEqual(['download', 'skip', 'later', 'later']);
    expect(afterAnswer(prefs(), '0.2.0', 'skip', true)).toEqual({ checkAtStart: true, skippedVersion: '0.2.0', lastCheckAt: null });
    expect(afterAnswer(prefs({ skippedVersion: '0.2.0' }), '0.2.1', 'later', false)).toEqual({ checkAtStart: false, skippedVersion: '0.2.0', lastCheckAt: null });
    expect(afterAnswer(prefs({ skippedVersion: '0.2.0' }), '0.2.0', 'download', false).skippedVersion).toBeNull();
  });
});

describe('what the dialogs show', () => {
  it('turns GitHub release HTML into short text', () => {
    expect(releaseNotesText('<h2>Fixes</h2><ul><li>Import of &quot;Yahoo&quot; files</li><li>Charts &amp; news</li></ul>')).toBe('Fixes\n• Import of "Yahoo" files\n• Charts & news');
    expect(releaseNotesText('x'.repeat(700), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(releaseNotesText(null)).toBe('');
    expect(releaseNotesText([{ version: '0.2.0', note: 'New charts' }])).toBe('0.2.0: New charts');
  });

  it('shows download progress in whole percent, clamped', () => {
    expect(progressTitle(45.7)).toBe('Tickerline — downloading update 45 %');
    expect(progressTitle(140)).toBe('Tickerline — downloading update 100 %');
    expect(progressTitle(45.7, mainT('de'))).toBe('Tickerline – Update wird geladen 45 %');
    expect(offerButtons(mainT('de'))).toEqual(['Herunterladen', 'Diese Version überspringen', 'Später']);
  });
});
