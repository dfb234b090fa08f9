import { beforeEach, describe, expect, it } from "vitest";

import { commitSessionImport, previewSessionImport } from "@/lib/db/session-import";
import { recordSession, setGlobalBillingRules, startSession } from "@/lib/db/sessions";
import { sessionCsvMappingSchema } from "@/lib/imports/session-csv-mapping";

import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";
import { balanceOf, ledgerSum, topUp } from "./session-fixtures";

const NOW = new Date("2026-06-01T12:00:00Z");

const MAPPING = sessionCsvMappingSchema.parse({
  columns: {
    code: "Codice",
    remoteDeviceId: "Dispositivo",
    customerCode: "Cliente",
    operatorName: "Tecnico",
    startedAt: "Inizio",
    endedAt: "Fine",
    durationSeconds: "Durata",
    connectionType: "Tipo",
    notes: "Note",
  },
});
const HEADER = "Codice;Dispositivo;Cliente;Tecnico;Inizio;Fine;Durata;Tipo;Note";

function csvInput(lines: string[]) {
  return {
    fileName: "sessioni.csv",
    bytes: Buffer.from([HEADER, ...lines].join("\r\n"), "utf8"),
    format: "auto" as const,
    mapping: MAPPING,
    now: NOW,
  };
}

describe("session import of a CSV file", () => {
  beforeEach(resetDatabase);

  it("associates by customer code, then device, else the inbox", async () => {
    const admin = await createUser();
    const byCode = await createCustomer({ code: "C001" });
    const byDevice = await createCustomer({ code: "C002" });
    await testDb().device.create({
      data: { customerId: byDevice.id, kind: "ANYDESK", remoteId: "123456789" },
    });

    const input = csvInput([
      "S-1;;C001;Rossi;14/05/2026 10:00;14/05/2026 10:12:34;;;",
      // The device ID grouped with spaces still matches the registered one.
      "S-2;123 456 789;;Rossi;14/05/2026 11:00;;0:05:00;;",
      "S-3;999999999;;Bianchi;14/05/2026 12:00;;90;;Stampante",
      "S-4;;C999;;14/05/2026 13:00;;90;;",
    ]);
    const preview = await previewSessionImport(testDb(), input);
    const result = await commitSessionImport(testDb(), { ...input, actorId: admin.id });

    expect(preview.counts).toEqual({
      rows: 4,
      onCustomer: 2,
      toAssign: 1,
      alreadyImported: 0,
      rejected: 1,
    });
    expect(preview.rejected).toEqual([
      {
        line: 5,
        code: "S-4",
        messageKey: "sessionImport.unknownCustomerCode",
        values: { line: 5, customerCode: "C999" },
      },
    ]);
    expect(result.counts).toEqual(preview.counts);
    const sessions = await testDb().session.findMany({ orderBy: { code: "asc" } });
    expect(
      sessions.map((session) => [session.code, session.customerId, session.billedMinutes]),
    ).toEqual([
      ["S-1", byCode.id, 13],
      ["S-2", byDevice.id, 5],
      ["S-3", null, 2],
    ]);
    expect(sessions[2]?.notes).toBe("Stampante");
    expect(await balanceOf(byCode.id)).toBe(-13);
    expect(await balanceOf(byDevice.id)).toBe(-5);
    const audit = await testDb().auditEvent.findFirst({ where: { action: "session.import" } });
    expect(audit?.actorId).toBe(admin.id);
    expect(audit?.after).toMatchObject({
      fileName: "sessioni.csv",
      format: "csv",
      billedMinutes: 18,
    });
  });

  it("skips codes already recorded through the API", async () => {
    const customer = await createCustomer({ code: "C001" });
    await topUp(customer.id, 100);
    await recordSession(testDb(), {
      code: "S-1",
      customerCode: "C001",
      startedAt: new Date("2026-05-14T08:00:00Z"),
      endedAt: new Date("2026-05-14T08:10:00Z"),
      source: "API",
      actorId: null,
      now: NOW,
    });

    const result = await commitSessionImport(testDb(), {
      ...csvInput(["S-1;;C001;;14/05/2026 10:00;14/05/2026 10:10;;;"]),
      actorId: null,
    });

    expect(result.counts.alreadyImported).toBe(1);
    expect(await balanceOf(customer.id)).toBe(90);
    expect(await testDb().session.count()).toBe(1);
  });

  it("rejects the code of a running session", async () => {
    await startSession(testDb(), {
      code: "S-1",
      startedAt: new Date("2026-06-01T08:00:00Z"),
      source: "API",
      actorId: null,
      now: NOW,
    });

    const preview = await previewSessionImport(
      testDb(),
      csvInput(["S-1;;;;01/06/2026 10:00;01/06/2026 10:10;;;"]),
    );

    expect(preview.rejected.map((row) => row.messageKey)).toEqual(["sessionImport.sessionRunning"]);
  });

  it("rejects a session in the future", async () => {
    const preview = await previewSessionImport(
      testDb(),
      csvInput(["S-1;;;;2026-06-01T11:00:00Z;2026-06-01T12:30:00Z;;;"]),
    );

    expect(preview.rejected.map((row) => row.messageKey)).toEqual(["sessionImport.endInFuture"]);
  });

  it("merges with stored sessions and charges only the difference", async () => {
    // Increment 15 makes merging visible in the totals.
    await setGlobalBillingRules(testDb(), {
      rules: { roundingIncrementMinutes: 15, mergeGapMinutes: 30 },
      actorId: null,
    });
    const customer = await createCustomer({ code: "C001" });
    await topUp(customer.id, 500);
    // 20 minutes stored: 30 billed.
    await recordSession(testDb(), {
      code: "STORED",
      customerCode: "C001",
      startedAt: new Date("2026-05-14T08:00:00Z"),
      endedAt: new Date("2026-05-14T08:20:00Z"),
      source: "API",
      actorId: null,
      now: NOW,
    });
    const input = csvInput([
      // 12 minutes after the stored session: the group grows to 20 + 10 + 5 minutes, 45 billed.
      "N-1;;C001;;2026-05-14T08:32:00Z;2026-05-14T08:42:00Z;;;",
      "N-2;;C001;;2026-05-14T08:50:00Z;2026-05-14T08:55:00Z;;;",
      // A separate group of new sessions: 5 + 5 minutes, 15 billed.
      "N-3;;C001;;2026-05-14T14:00:00Z;2026-05-14T14:05:00Z;;;",
      "N-4;;C001;;2026-05-14T14:10:00Z;2026-05-14T14:15:00Z;;;",
    ]);

    const preview = await previewSessionImport(testDb(), input);
    await commitSessionImport(testDb(), { ...input, actorId: null });

    expect(preview.customers[0]?.minutes).toBe(15 + 15);
    expect(await balanceOf(customer.id)).toBe(500 - 30 - 15 - 15);
    expect(await ledgerSum(customer.id)).toBe(500 - 60);
    const billed = await testDb().session.findMany({ orderBy: { code: "asc" } });
    expect(billed.map((session) => [session.code, session.billedMinutes])).toEqual([
      ["N-1", 0],
      ["N-2", 0],
      ["N-3", 15],
      ["N-4", 0],
      ["STORED", 45],
    ]);
    expect(preview.onCustomer.map((row) => row.billedMinutes)).toEqual([0, 0, 15, 0]);
  });

  // The embedded database runs the statements of other connections only between transactions,
  // so the competing record would wait for the import to end. PostgreSQL runs them concurrently.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "rolls back when another request records a session meanwhile",
    async () => {
      const input = csvInput([
        "S-1;;;;14/05/2026 10:00;14/05/2026 10:10;;;",
        "S-2;;;;14/05/2026 11:00;14/05/2026 11:10;;;",
      ]);
      let raced = false;

      const commit = commitSessionImport(testDb(), {
        ...input,
        actorId: null,
        onProgress: async (progress) => {
          if (progress.phase !== "writing" || raced) return;

          raced = true;
          await recordSession(testDb(), {
            code: "S-2",
            startedAt: new Date("2026-05-14T09:00:00Z"),
            endedAt: new Date("2026-05-14T09:10:00Z"),
            source: "API",
            actorId: null,
            now: NOW,
          });
        },
      });

      await expect(commit).rejects.toMatchObject({
        code: "CONFLICT",
        messageKey: "sessionImport.concurrentChange",
      });
      const codes = await testDb().session.findMany({ select: { code: true, source: true } });
      expect(codes).toEqual([{ code: "S-2", source: "API" }]);
    },
  );
});
