import { epochDayFromParts, fromEpochDay } from '../common/dates';

/**
 * Time-axis ticks on calendar boundaries at even steps: every Monday or every other,
 * the 1st of every 1, 2, 3 or 6 months, 1 January of every 1, 2, 5, 10 … years. A step
 * that mixes calendars ("2008, 2010, 2011, 2013" from dividing the span by six) reads as
 * missing data, and a label half outside the plot is cut off, so ticks too close to
 * either end are left out.
 */
export type TimeStep = { unit: 'day'; size: 1 | 2 | 7 | 14 } | { unit: 'month'; size: 1 | 2 | 3 | 6 } | { unit: 'year'; size: number };

/** How a tick is labelled: "12 Jan", "Apr", the year at each January of a month axis, "2024". */
export type TickLabel = 'day' | 'month' | 'year';

export interface TimeTick {
  /** Epoch day of the boundary. */
  day: number;
  label: TickLabel;
}

const STEPS: TimeStep[] = [
  { unit: 'day', size: 1 },
  { unit: 'day', size: 2 },
  { unit: 'day', size: 7 },
  { unit: 'day', size: 14 },
  { unit: 'month', size: 1 },
  { unit: 'month', size: 2 },
  { unit: 'month', size: 3 },
  { unit: 'month', size: 6 },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500].map((size): TimeStep => ({ unit: 'year', size })),
];

/** Epoch day 4 (1970-01-05) was a Monday: weekly ticks fall on Mondays. */
const MONDAY = 4;

function partsOf(day: number): [number, number] {
  const iso = fromEpochDay(day);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
}

/** Every boundary of the step in [from, to]. */
function boundaries(step: TimeStep, from: number, to: number, limit: number): TimeTick[] {
  const out: TimeTick[] = [];
  if (step.unit === 'day') {
    const origin = step.size >= 7 ? MONDAY : 0;
    let d = origin + Math.ceil((from - origin) / step.size) * step.size;
    for (; d <= to && out.length <= limit; d += step.size) out.push({ day: d, label: 'day' });
    return out;
  }
  const [y0, m0] = partsOf(from);
  if (step.unit === 'month') {
    // months counted from January, so a quarterly axis shows Jan, Apr, Jul, Oct
    let index = y0 * 12 + (m0 - 1);
    index = Math.ceil(index / step.size) * step.size;
    for (; out.length <= limit; index += step.size) {
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      const d = epochDayFromParts(y, m, 1);
      if (d > to) break;
      if (d >= from) out.push({ day: d, label: m === 1 ? 'year' : 'month' });
    }
    return out;
  }
  for (let y = Math.ceil(y0 / step.size) * step.size; out.length <= limit; y += step.size) {
    const d = epochDayFromParts(y, 1, 1);
    if (d > to) break;
    if (d >= from) out.push({ day: d, label: 'year' });
  }
  return out;
}

/**
 * Ticks for the epoch-day span [from, to]: the finest calendar step that gives at most
 * maxCount ticks, without those within `edge` (a share of the span) of either end.
 */
export function calendarTicks(from: number, to: number, maxCount: number, edge = 0.03): { step: TimeStep; ticks: TimeTick[] } {
  const count = Math.max(2, Math.floor(maxCount));
  const span = to - from;
  const margin = span * edge;
  for (const step of STEPS) {
    const all = boundaries(step, from, to, count + 2);
    // boundaries() stops after count + 3: that many is too many even after the edges go
    if (all.length > count + 2) continue;
    const inner = all.filter((t) => t.day >= from + margin && t.day <= to - margin);
    if (inner.length <= count) return { step, ticks: inner };
  }
  const last = STEPS[STEPS.length - 1] as TimeStep;
  return { step: last, ticks: boundaries(last, from + margin, to - margin, count) };
}
