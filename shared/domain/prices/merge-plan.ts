import { fromEpochDay } from '../common/dates';
import { orNull } from '../common/numbers';
import type { BarColumns } from './bar-columns';

export interface UpdatedExample {
  date: string;
  field: string;
  old: number | null;
  new: number | null;
}

export interface MergePlan {
  /** Indices of incoming bars whose day is not stored yet. */
  insert: Int32Array;
  /** Indices of incoming bars whose stored values differ. */
  update: Int32Array;
  unchanged: number;
  examples: UpdatedExample[];
}

const FIELDS = [
  ['close', 'Close'],
  ['open', 'Open'],
  ['high', 'High'],
  ['low', 'Low'],
  ['adjClose', 'Adj Close'],
  ['volume', 'Volume'],
] as const;

function same(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b); // NaN (missing) equals NaN
}

/**
 * Compares incoming bars (oldest first, one per day) with the stored ones of the
 * same days (oldest first): new days are inserted, differing days updated, equal
 * days left alone. A two-pointer walk, so a million-row re-import is linear.
 */
export function planMerge(incoming: BarColumns, stored: BarColumns, maxExamples = 5): MergePlan {
  const insert = new Int32Array(incoming.length);
  const update = new Int32Array(incoming.length);
  let ni = 0;
  let nu = 0;
  let unchanged = 0;
  const examples: UpdatedExample[] = [];
  let j = 0;
  for (let i = 0; i < incoming.length; i++) {
    const day = incoming.day[i]!;
    while (j < stored.length && stored.day[j]! < day) j++;
    if (j >= stored.length || stored.day[j] !== day) {
      insert[ni++] = i;
      continue;
    }
    let differs: (typeof FIELDS)[number] | null = null;
    for (const f of FIELDS) {
      if (!same(incoming[f[0]][i]!, stored[f[0]][j]!)) {
        differs = f;
        break;
      }
    }
    if (differs === null) {
      unchanged++;
      continue;
    }
    update[nu++] = i;
    if (examples.length < maxExamples) {
      const [key, label] = differs;
      examples.push({ date: fromEpochDay(day), field: label, old: orNull(stored[key][j]!), new: orNull(incoming[key][i]!) });
    }
  }
  return { insert: insert.subarray(0, ni), update: update.subarray(0, nu), unchanged, examples };
}
