import { toEpochDay, type IsoDate } from '../common/dates';

/** One news event as the chart needs it, already anchored to the security's session. */
export interface EventMarker {
  eventId: string | number;
  /** Session the event moved, or its estimated date when it lies beyond the data. */
  sessionDate: IsoDate;
  headline: string;
  source: string;
  /** Calendar day the event happened when it was moved to a later session, else null. */
  anchoredFrom: IsoDate | null;
}

/** Several events on one session share one marker; the tooltip lists them all. */
export interface StackedMarker {
  sessionDate: IsoDate;
  count: number;
  markers: EventMarker[];
}

/**
 * Groups markers by session date, oldest session first, keeping input order inside a stack.
 * One article linked to two held securities arrives twice (once per link) but is one piece
 * of news: `articleOf` names the article, and a stack keeps each article once.
 */
export function stackMarkers<M extends EventMarker>(markers: readonly M[], articleOf: (m: M) => string | number = (m) => m.eventId): StackedMarker[] {
  const bySession = new Map<IsoDate, M[]>();
  const seen = new Set<string>();
  for (const marker of markers) {
    const key = `${marker.sessionDate}|${articleOf(marker)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const stack = bySession.get(marker.sessionDate);
    if (stack) stack.push(marker);
    else bySession.set(marker.sessionDate, [marker]);
  }
  return [...bySession.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sessionDate, stack]) => ({ sessionDate, count: stack.length, markers: stack }));
}

/**
 * Vertical levels for flags drawn at pixel positions `xs` (any order) so that no two flags
 * on one level are closer than `minGap` px: nearby days stack their flags upwards instead of
 * drawing one over the other. Level 0 is the lowest; at most `levels` levels, after which
 * the level whose last flag is furthest left is reused.
 */
export function flagLevels(xs: readonly number[], minGap: number, levels = 3): number[] {
  const order = xs.map((x, i) => i).sort((a, b) => (xs[a] ?? 0) - (xs[b] ?? 0));
  const lastX = new Array<number>(levels).fill(-Infinity);
  const out = new Array<number>(xs.length).fill(0);
  for (const i of order) {
    const x = xs[i] ?? 0;
    let level = lastX.findIndex((last) => x - last >= minGap);
    if (level < 0) level = lastX.indexOf(Math.min(...lastX));
    lastX[level] = x;
    out[i] = level;
  }
  return out;
}

/**
 * Stacks at the resolution the chart draws: the days from `from` to `to` are cut
 * into `columns` equal slices, and the stacks of one slice become one marker, on
 * the slice's busiest session (the earliest of equally busy ones), counting all
 * their news and listing the first `maxListed` of them, oldest first. Twenty years
 * with 20,000 news on a 1,000-pixel chart are then a few hundred flags, not 5,000
 * flags drawn over one another. Stacks outside [from, to] (news beyond the data)
 * stay as they are; so does everything when there are no more stacks than columns.
 */
export function mergeStacksToColumns(stacks: readonly StackedMarker[], from: IsoDate, to: IsoDate, columns: number, maxListed: number): StackedMarker[] {
  if (stacks.length <= columns || columns < 1) return [...stacks];
  const first = toEpochDay(from);
  const span = Math.max(1, toEpochDay(to) - first + 1);
  const out: StackedMarker[] = [];
  let group: StackedMarker[] = [];
  let groupColumn = -1;
  const flush = (): void => {
    if (group.length === 0) return;
    let busiest = group[0] as StackedMarker;
    for (const s of group) if (s.count > busiest.count) busiest = s;
    const markers = group.flatMap((s) => s.markers).slice(0, maxListed);
    out.push({ sessionDate: busiest.sessionDate, count: group.reduce((n, s) => n + s.count, 0), markers });
    group = [];
  };
  for (const stack of stacks) {
    if (stack.sessionDate < from || stack.sessionDate > to) {
      flush();
      groupColumn = -1;
      out.push(stack);
      continue;
    }
    const column = Math.min(columns - 1, Math.floor(((toEpochDay(stack.sessionDate) - first) / span) * columns));
    if (column !== groupColumn) flush();
    groupColumn = column;
    group.push(stack);
  }
  flush();
  return out;
}
