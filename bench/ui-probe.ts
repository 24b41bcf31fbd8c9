/**
 * Runs inside the page (added as a Playwright init script, so it is serialised:
 * no imports, no closures over Node values). It keeps the main thread's long
 * tasks, the API calls in flight and the time of the last DOM change, so the UI
 * bench can tell when a step became visible and when it settled.
 */
export interface ProbeStep {
  /** ms from the user's input (or navigation start) to the first frame where the result was on screen. */
  visibleMs: number;
  /** ms from the input to the last DOM change or API answer before 300 ms of quiet. */
  settledMs: number;
  /** The longest main-thread task between the input and settling, and how many took over 100 ms. */
  longestTaskMs: number;
  longTasksOver100: number;
}

declare global {
  interface Window {
    __probe: {
      /**
       * Arms the probe: 'now' starts the clock at once (scripted steps), 'first' at the next
       * pointer/key/change event, 'last' at the last such event (typing: from the last key).
       */
      arm(mode: 'now' | 'first' | 'last'): void;
      /** Called by the visibility predicate's first true frame. */
      markVisible(): void;
      /** For predicates: marks the frame visible when `ok`, and passes `ok` on. */
      seen(ok: boolean): boolean;
      /** Waits until quiet; resolves with the step's figures. */
      settle(quietMs: number, timeoutMs: number): Promise<ProbeStep>;
      start: number;
      /** Long tasks are counted from here: the first input of the step. */
      windowStart: number;
      visibleAt: number | null;
    };
  }
}

export function installProbe(): void {
  const longTasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  let pending = 0;
  let lastActivity = 0;
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof fetch>): Promise<Response> => {
    pending += 1;
    try {
      const response = await originalFetch(...args);
      // The body is read by the caller; count the call done when the body is consumed.
      const clone = response.clone();
      void clone.arrayBuffer().finally(() => {
        pending -= 1;
        lastActivity = performance.now();
      });
      return response;
    } catch (error) {
      pending -= 1;
      lastActivity = performance.now();
      throw error;
    }
  };
  const startObserving = (): void => {
    new MutationObserver(() => {
      lastActivity = performance.now();
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  if (document.documentElement) startObserving();
  else document.addEventListener('DOMContentLoaded', startObserving);

  let armed: 'off' | 'first' | 'last' = 'off';
  const onInput = (): void => {
    if (armed === 'off') return;
    const now = performance.now();
    if (armed === 'first') {
      armed = 'off';
      probe.windowStart = now;
    }
    probe.start = now;
    probe.visibleAt = null;
  };
  for (const type of ['pointerdown', 'keydown', 'change', 'input']) window.addEventListener(type, onInput, true);

  const probe: Window['__probe'] = {
    start: 0,
    windowStart: 0,
    visibleAt: null,
    arm(mode) {
      probe.visibleAt = null;
      probe.start = performance.now();
      probe.windowStart = probe.start;
      armed = mode === 'now' ? 'off' : mode;
    },
    markVisible() {
      probe.visibleAt ??= performance.now();
    },
    seen(ok) {
      if (ok) probe.markVisible();
      return ok;
    },
    settle(quietMs, timeoutMs) {
      return new Promise((resolve) => {
        const began = performance.now();
        const check = (): void => {
          const now = performance.now();
          const quiet = pending === 0 && now - lastActivity >= quietMs;
          if (!quiet && now - began < timeoutMs) {
            setTimeout(check, 50);
            return;
          }
          const settledAt = Math.max(lastActivity, probe.visibleAt ?? 0);
          armed = 'off';
          const during = longTasks.filter((t) => t.start + t.duration >= probe.windowStart && t.start <= settledAt);
          resolve({
            visibleMs: (probe.visibleAt ?? now) - probe.start,
            settledMs: Math.max(settledAt, probe.visibleAt ?? 0) - probe.start,
            longestTaskMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
            longTasksOver100: during.filter((t) => t.duration > 100).length,
          });
        };
        check();
      });
    },
  };
  window.__probe = probe;
}
