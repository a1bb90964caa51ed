// A small seeded PRNG so demo workbooks are identical for the same seed on every machine.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  /** Picks a key of a weight table (weights need not sum to 1). */
  weighted<K extends string>(table: WeightTable<K>): K;
  pick<T>(items: readonly T[]): T;
}

/** A weight table prepared once for fast repeated draws. */
export interface WeightTable<K extends string> {
  keys: K[];
  cumulative: number[];
  total: number;
}

export function weights<K extends string>(entries: Partial<Record<K, number>>): WeightTable<K> {
  const keys = Object.keys(entries) as K[];
  const cumulative: number[] = [];
  let total = 0;
  for (const k of keys) {
    total += entries[k] ?? 0;
    cumulative.push(total);
  }
  return { keys, cumulative, total };
}

/** mulberry32: tiny, fast and good enough for synthetic data (not for cryptography). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weighted<K extends string>(table: WeightTable<K>): K {
      const r = next() * table.total;
      const { cumulative, keys } = table;
      for (let i = 0; i < cumulative.length; i++) {
        if (r < (cumulative[i] as number)) return keys[i] as K;
      }
      return keys[keys.length - 1] as K;
    },
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}
