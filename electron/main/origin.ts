/** The UI's own origin (see protocol.ts). Kept free of Electron imports so tests can load it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tickerline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
