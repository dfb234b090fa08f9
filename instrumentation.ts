// Next.js calls register() once when a server process starts, in the Node.js runtime only:
// - credit that expired while the app was stopped is recorded at once, then checked again every
//   few minutes, so balances drop on time without a page visit;
// - the export worker takes background jobs from the durable queue, and export files older than
//   EXPORT_RETENTION_DAYS are deleted at start and then every few minutes.
const EXPIRY_INTERVAL_MS = 10 * 60_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  const { startExpirySchedule } = await import("@/lib/db/expiry-schedule");
  startExpirySchedule(EXPIRY_INTERVAL_MS);

  const { startJobWorkers } = await import("./lib/jobs/start-workers");
  await startJobWorkers();
}
