import { logger } from "@/lib/logger";

import { getDb } from "./client";
import { applyDueExpiries } from "./credit-expiry";

let timer: NodeJS.Timeout | null = null;
let running = false;

/**
 * Records due expiries now and then every `intervalMs`. A run still in progress makes the next
 * tick skip, and the timer does not keep the process alive.
 */
export function startExpirySchedule(intervalMs: number): void {
  if (timer) return;

  const run = async () => {
    if (running) return;
    running = true;
    try {
      const appended = await applyDueExpiries(getDb());
      if (appended > 0) logger.info({ appended }, "expiry run recorded expired credit");
    } catch (error) {
      logger.error({ err: error }, "expiry run failed");
    } finally {
      running = false;
    }
  };

  void run();
  timer = setInterval(run, intervalMs);
  timer.unref();
}
