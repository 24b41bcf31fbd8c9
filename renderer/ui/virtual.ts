import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';

export interface VirtualRowsOptions<E extends Element> {
  count: number;
  getScrollElement(): E | null;
  /** A row's height before it is measured. */
  estimateSize(index: number): number;
  overscan?: number;
  getItemKey?(index: number): number | string;
}

/**
 * Long lists and tables (20,000 news events, a 10,000-line preview) keep only
 * the rows on screen in the page, through TanStack Virtual. One wrapper so each
 * list states only its count, scroll element and row height.
 */
export function useVirtualRows<E extends Element>(options: VirtualRowsOptions<E>): Virtualizer<E, Element> {
  // eslint-disable-next-line react-hooks/incompatible-library -- the app is not compiled with React Compiler; the virtualizer re-renders its component itself on scroll, which is what we want
  return useVirtualizer<E, Element>({ overscan: 8, ...options });
}
