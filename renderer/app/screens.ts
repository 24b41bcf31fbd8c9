import { createElement, lazy, type ComponentType, type ReactElement } from 'react';

export interface LazyScreen {
  /** Renders the screen: straight away once its chunk is in, else through a lazy component that suspends until it is. */
  Component: ComponentType;
  /** Starts loading the chunk (once). */
  preload(): Promise<ComponentType>;
}

/**
 * A screen in its own chunk that can be fetched ahead of the first visit: once
 * preloaded, the screen renders straight away instead of suspending on a chunk
 * that has to be downloaded and parsed after the click (Charts brings the chart
 * library, half a megabyte of script).
 */
export function lazyScreen(load: () => Promise<ComponentType>): LazyScreen {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const preload = (): Promise<ComponentType> =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  const Component = (): ReactElement => createElement(loaded ?? Lazy);
  return { Component, preload };
}

/**
 * Runs `work` one item at a time when the page is idle (after the first screen has
 * painted), so preloading never competes with what the user is waiting for.
 */
export function whenIdle(steps: readonly (() => Promise<unknown>)[]): () => void {
  let cancelled = false;
  const idle = (fn: () => void): void => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fn, { timeout: 2000 });
    else setTimeout(fn, 200);
  };
  const next = (i: number): void => {
    const step = steps[i];
    if (cancelled || !step) return;
    idle(() => {
      if (cancelled) return;
      void step()
        .catch(() => undefined)
        .then(() => next(i + 1));
    });
  };
  next(0);
  return () => {
    cancelled = true;
  };
}
