/**
 * Ids one `files.discardMany` call may name: a window leaving sends its ids in calls of at most
 * this many (~50 bytes an id, so ~25 KiB a body). A browser lets a leaving page send 64 KiB in all:
 * a page holding over ~1,300 files gets only the first ones through, the rest wait for the idle sweep.
 * A module without zod: the renderer's api client loads it before renderer/zod-jitless.ts has run,
 * and importing files.ts there made zod probe eval, which the CSP reports (e2e/csp.spec.ts).
 */
export const MAX_DISCARDED_AT_ONCE = 500;
