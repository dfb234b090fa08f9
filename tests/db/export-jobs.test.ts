import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import JSZip from "jszip";
import Papa from "papaparse";
import pg from "pg";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db/client";
import { getExportJobForUserOrThrow } from "@/lib/db/export-jobs";
import { enqueueExport } from "@/lib/jobs/enqueue-export";
import { exportFilePath } from "@/lib/jobs/export-files";
import { startExportWorker } from "@/lib/jobs/export-worker";
import { EXPORT_QUEUE, startJobQueue } from "@/lib/jobs/queue";
import { runExportJob } from "@/lib/jobs/run-export-job";
import type { ExportJobRequest } from "@/lib/validations/export-job";

import { rejectionOf } from "./app-error";
import { createExportData, createExportUser, PERIOD, sessionTotals } from "./export-fixtures";
import { resetDatabase } from "./helpers";

let pool: pg.Pool;
let db: Db;
let codes: string[] = [];
let admin: { id: string; role: "ADMIN" };
let manager: { id: string; role: "MANAGER" };
const started: PgBoss[] = [];

// The queue and the data share one connection, as the app does on the embedded database.
beforeAll(async () => {
  process.env.EXPORT_DIR = mkdtempSync(path.join(os.tmpdir(), "export-jobs-"));
  await resetDatabase();
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  db = createPrismaClient(undefined, pool);
  const adminRow = await createExportUser(db, "ADMIN");
  const managerRow = await createExportUser(db, "MANAGER");
  admin = { id: adminRow.id, role: "ADMIN" };
  manager = { id: managerRow.id, role: "MANAGER" };
  codes = await createExportData(db, { customers: 2, sessionsEach: 25, authorId: admin.id });
}, 120_000);

afterEach(async () => {
  while (started.length > 0)
    await started.pop()?.stop({ graceful: true, wait: true, timeout: 5000 });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

async function startQueue(withWorker: boolean): Promise<PgBoss> {
  const boss = await startJobQueue(pool);
  started.push(boss);
  if (withWorker) await startExportWorker(boss, db, { pollingIntervalSeconds: 0.5, batchSize: 5 });

  return boss;
}

async function waitForJob(id: string, statuses: string[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db.exportJob.findUniqueOrThrow({ where: { id } });
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sessionsCsv: ExportJobRequest = {
  type: "report",
  report: "sessions",
  format: "csv",
  ...PERIOD,
  customer: null,
  granularity: undefined,
};

describe("export job lifecycle", () => {
  it("runs a queued CSV export to a readable file", async () => {
    const boss = await startQueue(true);
    const queued = await enqueueExport(db, boss, manager, sessionsCsv);

    expect(queued.status).toBe("QUEUED");
    expect(queued.fileName).toBe("teleassistenze_tutti-i-clienti_2026-11-01_2026-11-30.csv");

    const seen = new Set<string>();
    const deadline = Date.now() + 30_000;
    let job = queued;
    while (job.status !== "DONE" && job.status !== "FAILED" && Date.now() < deadline) {
      job = await db.exportJob.findUniqueOrThrow({ where: { id: queued.id } });
      seen.add(`${job.status}:${job.progress}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    expect(job.status).toBe("DONE");
    expect(job.progress).toBe(100);
    expect(job.itemCount).toBe(50);
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    expect(job.fileKey).toBe(`${job.id}.csv`);
    const file = exportFilePath(job.fileKey ?? "");
    const text = readFileSync(file, "utf8");
    expect(Number(job.fileBytes)).toBe(Buffer.byteLength(text));
    const [header, ...lines] = Papa.parse<string[]>(text.slice(1), { delimiter: ";" }).data;
    const billedIndex = header.indexOf("Minuti fatturati");
    const partial = [...seen].filter((state) => /^RUNNING:([1-9]|[1-9]\d)$/.test(state));
    expect(partial.length).toBeGreaterThan(0);
    for (const code of codes) {
      const sql = await sessionTotals(db, code, PERIOD.from, PERIOD.to);
      const totals = lines.find((line) => line[0] === code && line[2] === "Totale");
      expect(Number(totals?.[billedIndex])).toBe(sql.billedMinutes);
    }
    expect(existsSync(`${file}.part`)).toBe(false);
  });

  it("names its queue job on the row", async () => {
    const boss = await startQueue(false);
    const queued = await enqueueExport(db, boss, manager, sessionsCsv);
    const queueJob = await boss.getJobById<{ exportJobId: string }>(
      EXPORT_QUEUE,
      queued.queueJobId ?? "",
    );

    expect(queued.queueJobId).not.toBeNull();
    expect(queueJob?.data.exportJobId).toBe(queued.id);
  });

  it("does not run an expired job again", async () => {
    const row = await db.exportJob.create({
      data: {
        ownerId: manager.id,
        kind: "REPORT",
        report: "SESSIONS",
        format: "csv",
        parameters: { ...PERIOD, customerCode: null, granularity: null },
        fileName: "expired.csv",
        status: "EXPIRED",
      },
    });

    await runExportJob(db, row.id, { finalAttempt: true });
    const after = await db.exportJob.findUniqueOrThrow({ where: { id: row.id } });

    expect(after.status).toBe("EXPIRED");
    expect(after.startedAt).toBeNull();
    expect(existsSync(exportFilePath(`${row.id}.csv`))).toBe(false);
  });

  it("builds the statements ZIP for an admin", async () => {
    const boss = await startQueue(true);
    const queued = await enqueueExport(db, boss, admin, { type: "statements-zip", ...PERIOD });
    const job = await waitForJob(queued.id, ["DONE", "FAILED"], 60_000);
    const zip = await JSZip.loadAsync(readFileSync(exportFilePath(job.fileKey ?? "")));

    expect(job.status).toBe("DONE");
    expect(job.fileName).toBe("estratti-conto_2026-11-01_2026-11-30.zip");
    expect(job.itemCount).toBe(codes.length);
    expect(Object.keys(zip.files).sort()).toEqual(
      codes.map((code) => `estratto-conto_${code}_2026-11-01_2026-11-30.pdf`),
    );
  });

  it("processes a job queued before a restart", async () => {
    const first = await startQueue(false);
    const queued = await enqueueExport(db, first, manager, { ...sessionsCsv, format: "xlsx" });
    await first.stop({ graceful: true, wait: true, timeout: 5000 });
    started.pop();
    expect((await db.exportJob.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe(
      "QUEUED",
    );

    await startQueue(true);
    const job = await waitForJob(queued.id, ["DONE", "FAILED"]);

    expect(job.status).toBe("DONE");
    expect(job.itemCount).toBe(50);
    expect(
      readFileSync(exportFilePath(job.fileKey ?? ""))
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });
});

describe("export job template", () => {
  it("applies the latest template version", async () => {
    await db.reportTemplate.create({
      data: {
        report: "SESSIONS",
        version: 1,
        fields: ["code", "billedMinutes"],
        labels: { it: { billedMinutes: "Minuti addebitati" }, en: {} },
      },
    });
    const boss = await startQueue(true);
    const queued = await enqueueExport(db, boss, manager, sessionsCsv);
    const job = await waitForJob(queued.id, ["DONE", "FAILED"]);
    const text = readFileSync(exportFilePath(job.fileKey ?? ""), "utf8");
    const [header] = Papa.parse<string[]>(text.slice(1), { delimiter: ";" }).data;
    await db.reportTemplate.deleteMany();

    expect(job.status).toBe("DONE");
    expect(job.templateVersion).toBe(1);
    expect(header).toEqual(["Codice cliente", "Cliente", "Codice sessione", "Minuti addebitati"]);
  });
});

describe("export job failures", () => {
  it("fails with a translated reason when the customer disappears", async () => {
    const boss = await startQueue(false);
    const customer = await db.customer.create({ data: { code: "EXP-GONE", name: "Gone S.r.l." } });
    const queued = await enqueueExport(db, boss, manager, { ...sessionsCsv, customer: "EXP-GONE" });
    await db.customer.update({ where: { id: customer.id }, data: { code: "EXP-RENAMED" } });
    await startExportWorker(boss, db, { pollingIntervalSeconds: 0.5 });
    const job = await waitForJob(queued.id, ["DONE", "FAILED"]);

    expect(job.status).toBe("FAILED");
    expect(job.errorKey).toBe("reports.customerNotFound");
    expect(job.errorValues).toEqual({ code: "EXP-GONE" });
    expect(job.fileKey).toBeNull();
    expect(existsSync(exportFilePath(`${job.id}.csv.part`))).toBe(false);
  });

  it("retries an unexpected error, then fails on the last attempt", async () => {
    const row = await db.exportJob.create({
      data: {
        ownerId: manager.id,
        kind: "REPORT",
        report: "SESSIONS",
        format: "csv",
        parameters: { broken: true },
        fileName: "broken.csv",
      },
    });

    await expect(runExportJob(db, row.id, { finalAttempt: false })).rejects.toThrow();
    const retrying = await db.exportJob.findUniqueOrThrow({ where: { id: row.id } });
    expect(retrying.status).toBe("QUEUED");

    await expect(runExportJob(db, row.id, { finalAttempt: true })).rejects.toThrow();
    const failed = await db.exportJob.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.errorKey).toBe("exports.failed");
  });
});

describe("export job requests", () => {
  it("rejects bad periods and unknown customers", async () => {
    const boss = await startQueue(false);
    const before = await db.exportJob.count();

    const reversed = await rejectionOf(
      enqueueExport(db, boss, manager, { ...sessionsCsv, from: "2026-11-30", to: "2026-11-01" }),
    );
    expect(reversed.code).toBe("VALIDATION");
    expect(reversed.messageKey).toBe("reports.periodReversed");

    const tooLong = await rejectionOf(
      enqueueExport(db, boss, admin, {
        type: "statements-zip",
        from: "2025-01-01",
        to: "2026-11-30",
      }),
    );
    expect(tooLong.messageKey).toBe("reports.periodTooLong");

    const unknown = await rejectionOf(
      enqueueExport(db, boss, manager, { ...sessionsCsv, customer: "NOPE" }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.messageKey).toBe("reports.customerNotFound");

    const zipByManager = await rejectionOf(
      enqueueExport(db, boss, manager, { type: "statements-zip", ...PERIOD }),
    );
    expect(zipByManager.code).toBe("FORBIDDEN");

    expect(await db.exportJob.count()).toBe(before);
  });

  it("lets only the owner or an admin open a job", async () => {
    const boss = await startQueue(false);
    const otherManager = await createExportUser(db, "MANAGER");
    const job = await enqueueExport(db, boss, manager, sessionsCsv);

    expect((await getExportJobForUserOrThrow(db, job.id, manager)).id).toBe(job.id);
    expect((await getExportJobForUserOrThrow(db, job.id, admin)).id).toBe(job.id);
    const foreign = await rejectionOf(getExportJobForUserOrThrow(db, job.id, otherManager));
    expect(foreign.code).toBe("FORBIDDEN");
    expect(foreign.messageKey).toBe("exports.notOwner");
    const missing = await rejectionOf(getExportJobForUserOrThrow(db, "missing-id", admin));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.messageKey).toBe("exports.jobNotFound");
  });
});
