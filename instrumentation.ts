// Runs once when a server instance starts: records the credit that expired while the app was
// stopped, then checks again every few minutes, so balances drop on time without a page visit.
const EXPIRY_INTERVAL_MS = 10 * 60_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  const { startExpirySchedule } = await import("@/lib/db/expiry-schedule");
  startExpirySchedule(EXPIRY_INTERVAL_MS);
}
