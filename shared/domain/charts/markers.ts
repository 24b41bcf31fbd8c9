import type { IsoDate } from '../common/dates';

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

/** Groups markers by session date, oldest session first, keeping input order inside a stack. */
export function stackMarkers(markers: readonly EventMarker[]): StackedMarker[] {
  const bySession = new Map<IsoDate, EventMarker[]>();
  for (const marker of markers) {
    const stack = bySession.get(marker.sessionDate);
    if (stack) stack.push(marker);
    else bySession.set(marker.sessionDate, [marker]);
  }
  return [...bySession.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sessionDate, stack]) => ({ sessionDate, count: stack.length, markers: stack }));
}
