// The Server-Timing header of /api/v1 responses (https://www.w3.org/TR/server-timing/): where the
// server spent a request's time, in milliseconds with two decimals.

/** Durations of named steps of one request, and its total from construction. */
export class ServerTiming {
  private readonly started = performance.now();
  private readonly steps: { name: string; ms: number }[] = [];

  /** Runs `work` and records its duration as `name`, also when it throws. */
  async measure<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.steps.push({ name, ms: performance.now() - started });
    }
  }

  /** Sets the header on `response` from the steps recorded so far and the total until now. */
  applyTo<R extends Response>(response: R): R {
    const steps = [...this.steps, { name: "total", ms: performance.now() - this.started }];
    const header = steps.map((step) => `${step.name};dur=${step.ms.toFixed(2)}`).join(", ");
    response.headers.set("Server-Timing", header);

    return response;
  }
}
