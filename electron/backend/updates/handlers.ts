import type { UpdateSettings } from '@shared/api/updates';
import { localizedError } from '@shared/domain/common/errors';
import type { BackendContext } from '../context';
import type { FeatureMethods, Handlers } from '../handler';

/** The updater lives in the desktop shell (ctx.updates); these only relay Settings to it. No table. */
function settingsOf(ctx: BackendContext): UpdateSettings {
  const host = ctx.updates;
  return {
    desktop: host !== undefined,
    installed: host?.installed ?? false,
    checkAtStart: host?.checkAtStart() ?? false,
    version: ctx.appVersion,
    status: host?.status() ?? { state: 'idle' },
  };
}

export const updatesHandlers = {
  'updates.settings': (_input, ctx) => settingsOf(ctx),
  'updates.setCheckAtStart': ({ checkAtStart }, ctx) => {
    if (!ctx.updates) throw localizedError('FORBIDDEN', 'errors:updates.browserMode');
    ctx.updates.setCheckAtStart(checkAtStart);
    return settingsOf(ctx);
  },
  'updates.check': (_input, ctx) => {
    if (!ctx.updates) return { started: false };
    ctx.updates.check();
    return { started: true };
  },
  'updates.install': (_input, ctx) => {
    if (!ctx.updates) return { started: false };
    if (!ctx.updates.install()) throw localizedError('CONFLICT', 'errors:updates.nothingReady');
    return { started: true };
  },
} satisfies Handlers<FeatureMethods<'updates'>>;
