import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { GET as download } from "@/app/api/export-jobs/[id]/download/route";
import { exportDir, exportFilePath } from "@/lib/jobs/export-files";
import { ORPHAN_MIN_AGE_MS, pruneExports } from "@/lib/jobs/prune-exports";

import { type ErrorJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { createUser, resetDatabase, testDb } from "./helpers";

// The download route reads the signed-in user from next-auth, so the job owner is signed in here.
const signedIn = vi.hoisted(() => ({ id: "" }));
vi.mock("@/lib/auth/guards", () => ({
  requirePermission: async () => ({
    id: signedIn.id,
    email: "manager@example.test",
    name: "Manager",
    role: "MANAGER",
    locale: "it",
  }),
}));

const NOW = new Date("2026-12-04T12:00:00Z");
const DAY_MS = 24 * 60 * 60_000;

function daysAgo(days: number): Date {
  return new Date(NOW.getTime() - days * DAY_MS);
}

// Writes a file into EXPORT_DIR whose modification time is `modified`.
function writeExportFile(name: string, modified: Date): string {
  const file = exportFilePath(name);
  writeFileSync(file, "code;minutes\n");
  utimesSync(file, modified, modified);

  return file;
}

// Creates a DONE job that finished at `finishedAt`, with its file unless `withFile` is false.
async function createDoneJob(finishedAt: Date, withFile = true) {
  const job = await testDb().exportJob.create({
    data: {
      ownerId: signedIn.id,
      kind: "REPORT",
      report: "SESSIONS",
      format: "csv",
      parameters: { from: "2026-11-01", to: "2026-11-30", customerCode: null, granularity: null },
      fileName: "teleassistenze.csv",
      status: "DONE",
      progress: 100,
      finishedAt,
    },
  });
  const fileKey = `${job.id}.csv`;
  if (withFile) writeExportFile(fileKey, finishedAt);

  return testDb().exportJob.update({ where: { id: job.id }, data: { fileKey, fileBytes: 13 } });
}

function get(id: string) {
  const request = new Request(`http://127.0.0.1/api/export-jobs/${id}/download`);

  return download(request, { params: Promise.resolve({ id }) });
}

beforeAll(() => useTestDatabaseInHandlers());

beforeEach(async () => {
  process.env.EXPORT_DIR = mkdtempSync(path.join(os.tmpdir(), "export-retention-"));
  await resetDatabase();
  signedIn.id = (await createUser("MANAGER")).id;
});

afterEach(() => {
  rmSync(exportDir(), { recursive: true, force: true });
});

describe("export retention", () => {
  it("expires an old job and deletes its file", async () => {
    const job = await createDoneJob(daysAgo(8));
    const file = exportFilePath(job.fileKey ?? "");

    const result = await pruneExports(testDb(), { now: NOW, retentionDays: 7 });
    const row = await testDb().exportJob.findUniqueOrThrow({ where: { id: job.id } });

    expect(result.expiredJobs).toBe(1);
    expect(row.status).toBe("EXPIRED");
    expect(row.fileKey).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it("keeps a job inside the retention period", async () => {
    const job = await createDoneJob(daysAgo(6));

    const result = await pruneExports(testDb(), { now: NOW, retentionDays: 7 });
    const row = await testDb().exportJob.findUniqueOrThrow({ where: { id: job.id } });

    expect(result).toEqual({ expiredJobs: 0, orphanFiles: 0 });
    expect(row.status).toBe("DONE");
    expect(row.fileKey).toBe(job.fileKey);
    expect(existsSync(exportFilePath(job.fileKey ?? ""))).toBe(true);
  });

  it("reads the retention from EXPORT_RETENTION_DAYS", async () => {
    const job = await createDoneJob(daysAgo(3));
    process.env.EXPORT_RETENTION_DAYS = "2";

    try {
      await pruneExports(testDb(), { now: NOW });
    } finally {
      delete process.env.EXPORT_RETENTION_DAYS;
    }
    const row = await testDb().exportJob.findUniqueOrThrow({ where: { id: job.id } });

    expect(row.status).toBe("EXPIRED");
  });

  it("expires a job whose file is already gone", async () => {
    const job = await createDoneJob(daysAgo(30), false);

    const result = await pruneExports(testDb(), { now: NOW, retentionDays: 7 });
    const row = await testDb().exportJob.findUniqueOrThrow({ where: { id: job.id } });

    expect(result.expiredJobs).toBe(1);
    expect(row.status).toBe("EXPIRED");
  });

  it("leaves failed and running jobs alone", async () => {
    const failed = await createDoneJob(daysAgo(10));
    await testDb().exportJob.update({ where: { id: failed.id }, data: { status: "FAILED" } });

    const result = await pruneExports(testDb(), { now: NOW, retentionDays: 7 });
    const row = await testDb().exportJob.findUniqueOrThrow({ where: { id: failed.id } });

    expect(result.expiredJobs).toBe(0);
    expect(row.status).toBe("FAILED");
  });

  it("expires each job once when instances prune together", async () => {
    const jobs = await Promise.all([8, 9, 10, 11, 12].map((days) => createDoneJob(daysAgo(days))));

    const results = await Promise.all(
      [1, 2, 3].map(() => pruneExports(testDb(), { now: NOW, retentionDays: 7 })),
    );
    const rows = await testDb().exportJob.findMany({ where: { status: "EXPIRED" } });

    expect(results.reduce((sum, result) => sum + result.expiredJobs, 0)).toBe(jobs.length);
    expect(rows).toHaveLength(jobs.length);
    expect(readdirSync(exportDir())).toEqual([]);
  });

  it("tolerates a missing export folder", async () => {
    rmSync(exportDir(), { recursive: true });

    await expect(pruneExports(testDb(), { now: NOW, retentionDays: 7 })).resolves.toEqual({
      expiredJobs: 0,
      orphanFiles: 0,
    });
  });
});

describe("orphan export files", () => {
  it("deletes old files that no job points to", async () => {
    const old = new Date(NOW.getTime() - ORPHAN_MIN_AGE_MS - 60_000);
    const orphan = writeExportFile("cm0orphan000000000000001.xlsx", old);
    const part = writeExportFile("cm0orphan000000000000002.csv.part", old);

    const result = await pruneExports(testDb(), { now: NOW, retentionDays: 7 });

    expect(result.orphanFiles).toBe(2);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(part)).toBe(false);
  });

  it("keeps recent orphans, live files and foreign files", async () => {
    const recent = writeExportFile(
      "cm0orphan000000000000003.csv",
      new Date(NOW.getTime() - 60_000),
    );
    const running = writeExportFile("cm0orphan000000000000004.zip.part", NOW);
    const foreign = writeExportFile("notes.txt", daysAgo(30));
    const live = await createDoneJob(daysAgo(3));

    const result = await pruneExports(testDb(), { now: NOW, retentionDays: 7 });

    expect(result.orphanFiles).toBe(0);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
    expect(existsSync(exportFilePath(live.fileKey ?? ""))).toBe(true);
  });

  it("deletes the file of an expired job left behind by a crash", async () => {
    const job = await createDoneJob(daysAgo(10));
    await testDb().exportJob.update({
      where: { id: job.id },
      data: { status: "EXPIRED", fileKey: null },
    });

    const result = await pruneExports(testDb(), { now: NOW, retentionDays: 7 });

    expect(result.orphanFiles).toBe(1);
    expect(existsSync(exportFilePath(`${job.id}.csv`))).toBe(false);
  });
});

describe("download of an expired export", () => {
  it("returns 410 with a translated message", async () => {
    const job = await createDoneJob(daysAgo(8));
    await pruneExports(testDb(), { now: NOW, retentionDays: 7 });

    const response = await get(job.id);
    const body = (await response.json()) as ErrorJson;

    expect(response.status).toBe(410);
    expect(body.error.code).toBe("GONE");
    expect(body.error.reason).toBe("exports.expired");
    expect(body.error.message).toBe(
      "Il file di questa esportazione è stato eliminato perché è terminata da più di 7 giorni. " +
        "Avvia di nuovo l'esportazione.",
    );
  });

  it("still serves a job inside the retention period", async () => {
    const job = await createDoneJob(daysAgo(1));
    await pruneExports(testDb(), { now: NOW, retentionDays: 7 });

    const response = await get(job.id);

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("code;minutes\n");
  });
});
