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
