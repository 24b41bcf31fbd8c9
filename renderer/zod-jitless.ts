import { z } from 'zod';

/**
 * zod probes for eval (new Function) to compile fast parsers; the app's CSP forbids
 * eval, so the probe only reports a violation. Must be imported before any schema runs.
 */
z.config({ jitless: true });
