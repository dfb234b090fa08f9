// One streamed export, run in its own process so that its peak memory (maxRSS) is measured
// alone. Prints one JSON line. Run by scripts/bench/export-stream.mts.
import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";

import { createPrismaClient } from "@/lib/db/client";
import { createCsvWriter } from "@/lib/reports/stream/csv-writer";
import { streamReport } from "@/lib/reports/stream/stream-report";
import { createXlsxWriter } from "@/lib/reports/stream/xlsx-writer";
import { withDefaults } from "@/lib/reports/template";

const [format, file, from, to] = process.argv.slice(2);
const db = createPrismaClient();
const branding = withDefaults();
const output = createWriteStream(file);
const writer = format === "xlsx" ? createXlsxWriter(output, branding) : createCsvWriter(output);

// Memory after loading the modules and connecting, before the first row: the fixed part of the peak.
await db.$queryRaw`SELECT 1`;
const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
// Samples the heap and the memory outside it, to tell which one makes the peak.
const peaks = { heapUsedMb: 0, externalMb: 0 };
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  peaks.heapUsedMb = Math.max(peaks.heapUsedMb, usage.heapUsed / 1024 / 1024);
  peaks.externalMb = Math.max(peaks.externalMb, usage.external / 1024 / 1024);
}, 200);
const started = performance.now();
const result = await streamReport(db, { kind: "SESSIONS", from, to, customerCode: null }, writer, {
  branding,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
await db.$disconnect();

console.log(
  JSON.stringify({
    format,
    rows: result.rows,
    sections: result.sections,
    seconds,
    bytes: (await stat(file)).size,
    baselineRssMb,
    ...peaks,
    // maxRSS is in kilobytes on Linux.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
