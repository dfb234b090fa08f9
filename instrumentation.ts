// Next.js calls register() once when a server process starts. The export worker needs Node APIs
// (files, the database pool), so it starts only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { startJobWorkers } = await import("./lib/jobs/start-workers");
  await startJobWorkers();
}
