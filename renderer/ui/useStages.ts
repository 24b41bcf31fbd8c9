import { startTransition, useEffect, useState } from 'react';

/**
 * Counts 0, 1, … `last`, one step per painted frame, so the parts of a heavy screen mount in
 * turns: each part's render, commit and the chart library's follow-up renders are a task of
 * their own with a paint between, instead of one long task that keeps the page frozen. While
 * `start` is false the count waits at 0.
 */
export function useStages(last: number, start = true): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (!start || stage >= last) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setStage((s) => s + 1)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [stage, last, start]);
  return stage;
}
