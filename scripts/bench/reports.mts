// Times the PDF, XLSX and DOCX renderers on a synthetic statement of one customer.
// Run: npx tsx --conditions=import scripts/bench/reports.mts [entries]
// (--conditions=import lets tsx load @react-pdf's ESM-only packages.)
import os from "node:os";

import { renderReport } from "@/lib/reports/render";
import { withDefaults } from "@/lib/reports/template";

import { syntheticStatement } from "./fixtures";

const entries = Number(process.argv[2] ?? 10_000);
const data = syntheticStatement(entries);
const branding = withDefaults();

console.log(
  `Statement of ${entries} entries on ${os.cpus().length} cores, Node ${process.version}, ` +
    `load average ${os.loadavg()[0].toFixed(1)}`,
);
for (const format of ["xlsx", "docx", "pdf", "csv", "html"] as const) {
  // One untimed run first, so module loading and font parsing are not counted.
  await renderReport(format, syntheticStatement(10), branding);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const bytes = await renderReport(format, data, branding);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  // CPU time of this process: on a machine shared with other work it stays close to the time the
  // render takes alone, while the wall-clock time grows with the load.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(2);
  console.log(
    `${format.padEnd(5)} ${seconds} s  (CPU ${cpuSeconds} s)  ${(bytes.length / 1024).toFixed(0)} KiB`,
  );
}
