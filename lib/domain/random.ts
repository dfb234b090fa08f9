// Seeded pseudo-random numbers, so generated data (demo data, test fixtures) is the same on every
// run with the same seed. Not for secrets: anything that must be unpredictable uses node:crypto.

/**
 * Returns a mulberry32 generator: a 32-bit state advanced by a constant and mixed with
 * multiplications and shifts. Each call returns a float in [0, 1). The period is 2^32 calls.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);

    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Returns the 32-bit FNV-1a hash of `text`, used to turn labels into seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;

  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }

  return hash >>> 0;
}

/** A seeded random source with the draws that data generators need. */
export class Random {
  readonly seed: number;
  private readonly nextFloat: () => number;

  constructor(seed: number | string) {
    this.seed = typeof seed === "string" ? hashString(seed) : seed >>> 0;
    this.nextFloat = mulberry32(this.seed);
  }

  /** Returns a float in [0, 1). */
  next(): number {
    return this.nextFloat();
  }

  /** Returns an integer between `min` and `max`, both included. */
  integer(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`Invalid integer range: [${min}, ${max}]`);
    }

    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns true with probability `probability` (0 to 1). */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("Cannot pick from an empty list");

    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks a value with probability proportional to its weight. */
  weightedPick<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0)) throw new RangeError("Weights must add up to more than zero");

    let remaining = this.next() * total;
    for (const [value, weight] of options) {
      remaining -= weight;
      if (remaining < 0) return value;
    }

    // Floating-point rounding can leave a tiny remainder after the last option.
    return options[options.length - 1][0];
  }

  /** Returns a standard normal draw (mean 0, standard deviation 1) by the Box-Muller transform. */
  normal(): number {
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));

    return radius * Math.cos(2 * Math.PI * this.next());
  }

  /** Returns a shuffled copy of `items` (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];

    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = this.integer(0, index);
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }

    return copy;
  }

  /**
   * Returns an independent generator derived from this seed and `label`. Draws from a fork do not
   * move this generator, so adding draws to one part of a generator leaves the others unchanged.
   */
  fork(label: string): Random {
    return new Random(`${this.seed}/${label}`);
  }
}
