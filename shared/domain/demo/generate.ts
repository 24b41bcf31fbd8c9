import { addDays, isWeekend, type IsoDate } from '../common/dates';
import type { SecurityKind } from '../securities/security';
import { seededRandom } from '../common/random';

/**
 * The sample portfolio a new user can load with one click: generated here from a
 * fixed seed, so it is the same on every machine and every run, and clearly
 * fictional (symbols start with DEMO-, names end in "(Demo)").
 */
export const DEMO_PREFIX = 'DEMO-';
export const DEMO_DEDUPE_PREFIX = 'demo:';

export interface DemoSecurity {
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
  kind: SecurityKind;
  /** Symbol of the benchmark for abnormal returns. */
  benchmark: string | null;
}

export interface DemoBar {
  date: IsoDate;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface DemoTransaction {
  symbol: string;
  type: 'buy' | 'sell';
  date: IsoDate;
  quantity: number;
  price: number;
  currency: string;
  fees: number;
}

export interface DemoEvent {
  key: string;
  date: IsoDate;
  time: string | null;
  timeZone: string | null;
  headline: string;
  summary: string;
  source: string;
  tags: string[];
  links: string[];
  claim: { symbol: string; direction: 'up' | 'down'; percent: number; qualifier: 'up-to' | 'about'; text: string } | null;
}

export interface DemoDataset {
  securities: DemoSecurity[];
  bars: Record<string, DemoBar[]>;
  transactions: DemoTransaction[];
  events: DemoEvent[];
}

function normal(random: () => number): number {
  // Box–Muller; 1 − u keeps log away from 0.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Weekdays from `years` years before `end` up to `end` (holidays are not modelled). */
export function weekdaysBack(end: IsoDate, years: number): IsoDate[] {
  const [y, m, d] = end.split('-') as [string, string, string];
  let day = `${String(Number(y) - years).padStart(4, '0')}-${m}-${m === '02' && d === '29' ? '28' : d}`;
  const days: IsoDate[] = [];
  while (day <= end) {
    if (!isWeekend(day)) days.push(day);
    day = addDays(day, 1);
  }
  return days;
}

const SECURITIES: DemoSecurity[] = [
  { symbol: 'DEMO-HSI', name: 'Hong Kong Index (Demo)', exchange: 'HKEX', currency: 'HKD', kind: 'index', benchmark: null },
  { symbol: 'DEMO-NDX', name: 'US Tech Index (Demo)', exchange: 'NASDAQ', currency: 'USD', kind: 'index', benchmark: null },
  { symbol: 'DEMO-ALPHA', name: 'Alpha Robotics (Demo)', exchange: 'HKEX', currency: 'HKD', kind: 'stock', benchmark: 'DEMO-HSI' },
  { symbol: 'DEMO-BETA', name: 'Beta Cloud (Demo)', exchange: 'NASDAQ', currency: 'USD', kind: 'stock', benchmark: 'DEMO-NDX' },
  { symbol: 'DEMO-GAMMA', name: 'Gamma Retail (Demo)', exchange: 'HKEX', currency: 'HKD', kind: 'stock', benchmark: 'DEMO-HSI' },
  { symbol: 'DEMO-HKDEUR=X', name: 'HKD → EUR (Demo)', exchange: 'FX', currency: 'EUR', kind: 'fx', benchmark: null },
  { symbol: 'DEMO-EURUSD=X', name: 'EUR → USD (Demo)', exchange: 'FX', currency: 'USD', kind: 'fx', benchmark: null },
];

interface WalkSpec {
  start: number;
  drift: number;
  vol: number;
  /** Index the stock follows, with this beta. */
  market?: string;
  beta?: number;
  volume: number;
}

const WALKS: Record<string, WalkSpec> = {
  'DEMO-HSI': { start: 18_000, drift: 0.0002, vol: 0.011, volume: 3e9 },
  'DEMO-NDX': { start: 12_000, drift: 0.0004, vol: 0.012, volume: 5e9 },
  'DEMO-ALPHA': { start: 85, drift: 0.0003, vol: 0.016, market: 'DEMO-HSI', beta: 1.2, volume: 4e7 },
  'DEMO-BETA': { start: 140, drift: 0.0004, vol: 0.018, market: 'DEMO-NDX', beta: 1.1, volume: 2e7 },
  'DEMO-GAMMA': { start: 36, drift: 0.0001, vol: 0.014, market: 'DEMO-HSI', beta: 0.8, volume: 1.5e7 },
  'DEMO-HKDEUR=X': { start: 0.118, drift: 0, vol: 0.003, volume: 0 },
  'DEMO-EURUSD=X': { start: 1.08, drift: 0, vol: 0.004, volume: 0 },
};

/** Trading-day offsets (from the end) of the news events, with the jump they cause. */
const EVENT_PLAN: { key: string; back: number; weekend?: boolean; jumps: Record<string, number>; event: Omit<DemoEvent, 'key' | 'date' | 'links' | 'claim'>; claim?: DemoEvent['claim'] }[] = [
  {
    key: 'alpha-results',
    back: 40,
    jumps: { 'DEMO-ALPHA': 0.068 },
    event: { time: null, timeZone: null, headline: 'Alpha Robotics beats profit forecasts (sample news)', summary: 'Quarterly profit far above what analysts expected.', source: 'Demo Wire', tags: ['earnings'] },
    claim: { symbol: 'DEMO-ALPHA', direction: 'up', percent: 7, qualifier: 'up-to', text: 'shares jumped up to 7 %' },
  },
  {
    key: 'ai-chips-weekend',
    back: 120,
    weekend: true,
    jumps: { 'DEMO-ALPHA': 0.045, 'DEMO-GAMMA': 0.021 },
    event: { time: null, timeZone: null, headline: 'Regulator signals approval for AI chip imports (sample news)', summary: 'Weekend report lifts Hong Kong tech names on Monday.', source: 'Demo Finance', tags: ['regulation'] },
    claim: { symbol: 'DEMO-ALPHA', direction: 'up', percent: 4.8, qualifier: 'up-to', text: 'rose as much as 4.8 %' },
  },
  {
    key: 'beta-outage',
    back: 200,
    jumps: { 'DEMO-BETA': -0.052 },
    event: { time: null, timeZone: null, headline: 'Beta Cloud suffers day-long outage (sample news)', summary: 'Customers report failures across regions.', source: 'Demo Wire', tags: ['product'] },
  },
  {
    key: 'beta-results',
    back: 200,
    jumps: {},
    event: { time: null, timeZone: null, headline: 'Beta Cloud keeps full-year guidance (sample news)', summary: 'Management says the outage will not dent revenue.', source: 'Demo Finance', tags: ['earnings'] },
  },
  {
    key: 'gamma-fine',
    back: 330,
    jumps: { 'DEMO-GAMMA': -0.061 },
    event: { time: null, timeZone: null, headline: 'Gamma Retail fined over pricing practices (sample news)', summary: 'A record fine for the retailer.', source: 'Demo Wire', tags: ['regulation'] },
  },
  {
    key: 'beta-launch',
    back: 500,
    jumps: { 'DEMO-BETA': 0.038 },
    event: { time: null, timeZone: null, headline: 'Beta Cloud launches AI assistant (sample news)', summary: 'New product for business customers.', source: 'Demo Finance', tags: ['product'] },
  },
];

/**
 * About three years of weekday prices ending at `end` (random walks; stocks
 * follow their index with a beta plus their own noise; events add a jump on
 * their session), a few buys and one sale, and news linked to the securities.
 */
export function generateDemoDataset(end: IsoDate, seed = 20260111): DemoDataset {
  const random = seededRandom(seed);
  const days = weekdaysBack(end, 3);
  const n = days.length;

  const jumpAt = new Map<string, Map<number, number>>();
  const events: DemoEvent[] = [];
  for (const plan of EVENT_PLAN) {
    const session = Math.max(1, n - 1 - plan.back);
    const sessionDate = days[session] as IsoDate;
    // A weekend story is dated the Sunday before its Monday session.
    let date = sessionDate;
    if (plan.weekend) {
      let s = session;
      while (s > 1 && !isMonday(days[s] as IsoDate)) s--;
      date = addDays(days[s] as IsoDate, -1);
      for (const [symbol, jump] of Object.entries(plan.jumps)) setJump(jumpAt, symbol, s, jump);
    } else {
      for (const [symbol, jump] of Object.entries(plan.jumps)) setJump(jumpAt, symbol, session, jump);
    }
    const links = Object.keys(plan.jumps).length > 0 ? Object.keys(plan.jumps) : ['DEMO-BETA'];
    events.push({ key: plan.key, date, links, claim: plan.claim ?? null, ...plan.event });
  }

  const returns = new Map<string, Float64Array>();
  const bars: Record<string, DemoBar[]> = {};
  for (const security of SECURITIES) {
    const spec = WALKS[security.symbol] as WalkSpec;
    const market = spec.market ? returns.get(spec.market) : undefined;
    const r = new Float64Array(n);
    const list: DemoBar[] = [];
    let close = spec.start;
    for (let i = 0; i < n; i++) {
      const own = spec.drift + spec.vol * normal(random);
      const ret = i === 0 ? 0 : (market ? (spec.beta ?? 1) * (market[i] as number) : 0) + own + (jumpAt.get(security.symbol)?.get(i) ?? 0);
      r[i] = ret;
      const previous = close;
      close = Math.max(previous * (1 + ret), spec.start * 0.05);
      const open = previous * (1 + spec.vol * 0.3 * normal(random));
      const spread = Math.abs(spec.vol * 0.6 * normal(random));
      const high = Math.max(open, close) * (1 + spread);
      const low = Math.min(open, close) * (1 - spread);
      const digits = close < 5 ? 5 : 2;
      list.push({
        date: days[i] as IsoDate,
        open: round(open, digits),
        high: round(high, digits),
        low: round(low, digits),
        close: round(close, digits),
        volume: spec.volume === 0 ? 0 : Math.round(spec.volume * (0.6 + random() * 0.8) * (1 + Math.abs(ret) * 20)),
      });
    }
    returns.set(security.symbol, r);
    bars[security.symbol] = list;
  }

  const closeOn = (symbol: string, index: number): number => ((bars[symbol] as DemoBar[])[index] as DemoBar).close;
  const tx = (symbol: string, type: 'buy' | 'sell', back: number, quantity: number): DemoTransaction => {
    const i = Math.max(0, n - 1 - back);
    const security = SECURITIES.find((s) => s.symbol === symbol) as DemoSecurity;
    return { symbol, type, date: days[i] as IsoDate, quantity, price: closeOn(symbol, i), currency: security.currency, fees: type === 'buy' ? 5 : 4 };
  };
  const transactions: DemoTransaction[] = [
    tx('DEMO-ALPHA', 'buy', 700, 1000),
    tx('DEMO-BETA', 'buy', 650, 60),
    tx('DEMO-GAMMA', 'buy', 600, 2000),
    tx('DEMO-ALPHA', 'buy', 300, 500),
    tx('DEMO-GAMMA', 'sell', 150, 800),
    tx('DEMO-BETA', 'buy', 90, 20),
  ];

  return { securities: SECURITIES.map((s) => ({ ...s })), bars, transactions, events };
}

function setJump(map: Map<string, Map<number, number>>, symbol: string, index: number, jump: number): void {
  const inner = map.get(symbol) ?? new Map<number, number>();
  inner.set(index, (inner.get(index) ?? 0) + jump);
  map.set(symbol, inner);
}

function isMonday(date: IsoDate): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** 'DEMO-HKDEUR=X' → 'HKDEUR=X', so demo FX series read like real ones. */
export function withoutDemoPrefix(symbol: string): string {
  return symbol.startsWith(DEMO_PREFIX) ? symbol.slice(DEMO_PREFIX.length) : symbol;
}
