import type { EventImpact } from './event-impact';

/** Figures the impact tables average and sort by. */
export type ImpactMetric =
  | 'dayReturn'
  | 'return1d'
  | 'return5d'
  | 'abnormalDayReturn'
  | 'abnormalReturn1d'
  | 'abnormalReturn5d'
  | 'moneyDayBase'
  | 'money5dBase';

const AVERAGED = [
  'dayReturn',
  'return1d',
  'return5d',
  'abnormalDayReturn',
  'abnormalReturn1d',
  'abnormalReturn5d',
] as const satisfies readonly ImpactMetric[];

type AveragedMetric = (typeof AVERAGED)[number];

export interface TagAverage {
  tag: string;
  /** Impacts (event × security) carrying the tag. */
  count: number;
  /** Mean over the impacts where the figure exists; null when none has it. */
  mean: Record<AveragedMetric, number | null>;
  /** How many impacts each mean is based on, so the UI can flag thin samples. */
  samples: Record<AveragedMetric, number>;
}

/**
 * Average effect per news tag ("earnings", "regulation"…). Missing figures are
 * left out of the mean rather than counted as zero, which would pull every
 * average toward no effect. Most frequent tags first, then alphabetical.
 */
export function averageImpactByTag(
  impacts: readonly EventImpact[],
  eventsTags: ReadonlyMap<string | number, readonly string[]>,
): TagAverage[] {
  const groups = new Map<string, EventImpact[]>();
  for (const impact of impacts) {
    for (const tag of new Set(eventsTags.get(impact.eventId) ?? [])) {
      const group = groups.get(tag);
      if (group) group.push(impact);
      else groups.set(tag, [impact]);
    }
  }
  return [...groups.entries()]
    .map(([tag, group]) => averageOf(tag, group))
    .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

function averageOf(tag: string, group: readonly EventImpact[]): TagAverage {
  const mean = {} as Record<AveragedMetric, number | null>;
  const samples = {} as Record<AveragedMetric, number>;
  for (const metric of AVERAGED) {
    let sum = 0;
    let n = 0;
    for (const impact of group) {
      const value = impact[metric];
      if (value === null) continue;
      sum += value;
      n++;
    }
    mean[metric] = n === 0 ? null : sum / n;
    samples[metric] = n;
  }
  return { tag, count: group.length, mean, samples };
}

export type SortDirection = 'asc' | 'desc';

/** Sorts by one figure; rows without it go last in either direction. Stable. */
export function sortImpactsBy(
  impacts: readonly EventImpact[],
  metric: ImpactMetric | 'sessionDate',
  direction: SortDirection = 'desc',
): EventImpact[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...impacts].sort((a, b) => {
    const x = a[metric];
    const y = b[metric];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x < y ? -1 : x > y ? 1 : 0);
  });
}

/** The table on a security's page: its events, newest session first. */
export function impactsForSecurity(impacts: readonly EventImpact[], securityId: number): EventImpact[] {
  return sortImpactsBy(
    impacts.filter((i) => i.securityId === securityId),
    'sessionDate',
    'desc',
  );
}

/**
 * The table on an event's page: its securities, biggest mover first by size of
 * the abnormal day return (falls matter as much as rises), the raw day return
 * when no benchmark is known.
 */
export function impactsForEvent(impacts: readonly EventImpact[], eventId: string | number): EventImpact[] {
  const size = (i: EventImpact): number | null => {
    const value = i.abnormalDayReturn ?? i.dayReturn;
    return value === null ? null : Math.abs(value);
  };
  return impacts
    .filter((i) => i.eventId === eventId)
    .map((impact) => ({ impact, size: size(impact) }))
    .sort((a, b) => (a.size === null || b.size === null ? (a.size === b.size ? 0 : a.size === null ? 1 : -1) : b.size - a.size))
    .map((row) => row.impact);
}
