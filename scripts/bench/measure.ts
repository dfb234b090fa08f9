// Timing helpers of the benchmarks.

/** Runs `work` once untimed, then `runs` times, and returns the median time in milliseconds. */
export async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);

  return times[Math.floor(times.length / 2)];
}

/** Returns the median of `values`, the upper one of the two middle values for an even count. */
export function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)];
}
