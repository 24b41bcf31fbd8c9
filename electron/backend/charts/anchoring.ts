import type { MarkerEvent } from '@shared/api/charts';
import type { IsoDate } from '@shared/domain/common/dates';
import { anchorEvent, anchorLabel, type AnchorResult } from '@shared/domain/impact/anchor';
import { exchangeOf } from '@shared/domain/securities/exchanges';
import type { LinkedEvent } from './queries';

export interface AnchoredEvent {
  event: LinkedEvent;
  result: AnchorResult;
  /** The session, or the estimated one beyond the data: a marker never disappears. */
  sessionDate: IsoDate;
  label: string | null;
}

/**
 * Puts an event on the security's session (see anchorEvent). An unreadable
 * time or zone falls back to the calendar day rather than failing the chart.
 */
export function anchorOn(event: LinkedEvent, exchange: string, sessions: readonly IsoDate[], locale: string): AnchoredEvent {
  const clock = exchangeOf(exchange);
  let result: AnchorResult;
  try {
    result = anchorEvent({ date: event.date, time: event.time, timeZone: event.timeZone }, clock, sessions);
  } catch {
    result = anchorEvent({ date: event.date, time: null, timeZone: null }, clock, sessions);
  }
  return { event, result, sessionDate: result.sessionDate ?? result.approxDate, label: anchorLabel(result, locale) };
}

export function markerEvent(a: AnchoredEvent): MarkerEvent {
  return {
    eventId: a.event.eventId,
    securityId: a.event.securityId,
    headline: a.event.headline,
    source: a.event.source,
    date: a.event.date,
    anchoredFrom: a.result.anchoredFrom,
    anchorLabel: a.label,
  };
}
