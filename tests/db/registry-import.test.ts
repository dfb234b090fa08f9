import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { recordLedgerEntry } from "@/lib/db/ledger";
import { commitRegistryImport, previewRegistryImport } from "@/lib/db/registry-import";
import { registryMappingSchema } from "@/lib/imports/registry-mapping";

import { createUser, resetDatabase, testDb } from "./helpers";

// Italy's registry of municipalities (ANPR), 19,352 rows of which 7,901 are active (STATO "A").
const ANPR_PATH = path.resolve(process.cwd(), "../shared/samples/anpr-comuni.csv");
const ANPR_MAPPING = registryMappingSchema.parse({
  columns: { code: "CODCATASTALE", name: "DENOMINAZIONE_IT", province: "SIGLAPROVINCIA" },
  filter: { column: "STATO", value: "A" },
});

let anpr: Uint8Array;

function csv(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const SMALL_MAPPING = registryMappingSchema.parse({
  columns: { code: "code", name: "name", city: "city" },
});

describe("registry import", () => {
  beforeAll(() => {
    anpr = readFileSync(ANPR_PATH);
  });
  beforeEach(resetDatabase);

  it("imports the active ANPR municipalities", async () => {
    const admin = await createUser();
    const input = { fileName: "anpr-comuni.csv", bytes: anpr, mapping: ANPR_MAPPING };

    const preview = await previewRegistryImport(testDb(), input);
    const started = performance.now();
    const counts = await commitRegistryImport(testDb(), { ...input, actorId: admin.id });
    const elapsed = performance.now() - started;

    expect(preview.counts).toEqual({
      rows: 19352,
      excluded: 11451,
      rejected: 0,
      new: 7901,
      updated: 0,
      unchanged: 0,
      devices: 0,
      missing: 0,
      deactivated: 0,
    });
    expect(counts).toEqual(preview.counts);
    expect(await testDb().customer.count()).toBe(7901);
    const aglie = await testDb().customer.findUniqueOrThrow({ where: { code: "A074" } });
    expect(aglie.name).toBe("AGLIÈ");
    expect(aglie.province).toBe("TO");
    expect(aglie.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(elapsed).toBeLessThan(15_000);
    console.info(`ANPR commit of 7,901 rows took ${Math.round(elapsed)} ms`);
  });

  it("second ANPR import changes nothing", async () => {
    const input = { fileName: "anpr-comuni.csv", bytes: anpr, mapping: ANPR_MAPPING };
    await commitRegistryImport(testDb(), { ...input, actorId: null });
    const before = await testDb().customer.findMany({ orderBy: { code: "asc" } });

    const preview = await previewRegistryImport(testDb(), input);
    const counts = await commitRegistryImport(testDb(), { ...input, actorId: null });

    expect(preview.counts.unchanged).toBe(7901);
    expect(preview.counts.new).toBe(0);
    expect(preview.counts.updated).toBe(0);
    expect(counts.new).toBe(0);
    expect(counts.updated).toBe(0);
    expect(counts.unchanged).toBe(7901);
    expect(await testDb().customer.findMany({ orderBy: { code: "asc" } })).toEqual(before);
  });

  it("reports changed fields and updates only mapped ones", async () => {
    const first = csv("code;name;city\nC1;Rossi Srl;Torino\nC2;Bianchi Spa;Milano\n");
    await commitRegistryImport(testDb(), {
      fileName: "a.csv",
      bytes: first,
      mapping: SMALL_MAPPING,
      actorId: null,
    });
    await testDb().customer.update({
      where: { code: "C1" },
      data: { email: "info@rossi.example" },
    });
    const changed = csv("code;name;city\nC1;Rossi S.r.l.;Torino\nC2;Bianchi Spa;\n");
    const input = { fileName: "b.csv", bytes: changed, mapping: SMALL_MAPPING };

    const preview = await previewRegistryImport(testDb(), input);
    const counts = await commitRegistryImport(testDb(), { ...input, actorId: null });

    expect(preview.counts.updated).toBe(2);
    expect(preview.updated[0].values.code).toBe("C1");
    expect(preview.updated[0].changes).toEqual([
      { field: "name", before: "Rossi Srl", after: "Rossi S.r.l." },
    ]);
    expect(preview.updated[1].changes).toEqual([{ field: "city", before: "Milano", after: null }]);
    expect(counts.updated).toBe(2);
    const rossi = await testDb().customer.findUniqueOrThrow({ where: { code: "C1" } });
    expect(rossi.name).toBe("Rossi S.r.l.");
    expect(rossi.email).toBe("info@rossi.example");
    const bianchi = await testDb().customer.findUniqueOrThrow({ where: { code: "C2" } });
    expect(bianchi.city).toBeNull();
  });

  it("leaves balances, ledger and other customers alone", async () => {
    const existing = await testDb().customer.create({
      data: { code: "A074", name: "Aglie vecchio" },
    });
    const other = await testDb().customer.create({
      data: { code: "ZZZ1", name: "Not in the file" },
    });
    await recordLedgerEntry(testDb(), {
      customerId: existing.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 600 },
    });
    const input = { fileName: "anpr-comuni.csv", bytes: anpr, mapping: ANPR_MAPPING };

    const counts = await commitRegistryImport(testDb(), { ...input, actorId: null });

    expect(counts.new).toBe(7900);
    expect(counts.updated).toBe(1);
    const aglie = await testDb().customer.findUniqueOrThrow({ where: { code: "A074" } });
    expect(aglie.id).toBe(existing.id);
    expect(aglie.name).toBe("AGLIÈ");
    expect(aglie.balanceMinutes).toBe(600);
    expect(await testDb().ledgerEntry.count()).toBe(1);
    expect(await testDb().customer.findUniqueOrThrow({ where: { code: "ZZZ1" } })).toEqual(other);
    expect(await testDb().customer.count()).toBe(7902);
  });

  it("records one audit event with the counts", async () => {
    const admin = await createUser();
    const bytes = csv("code,name\nC1,Rossi\nC1,Rossi again\n,No code\n");

    await commitRegistryImport(testDb(), {
      fileName: "clienti.csv",
      bytes,
      mapping: registryMappingSchema.parse({ columns: { code: "code", name: "name" } }),
      actorId: admin.id,
      skipRejected: true,
    });

    const events = await testDb().auditEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0].action).toBe("registry.import");
    expect(events[0].actorId).toBe(admin.id);
    expect(events[0].after).toMatchObject({
      fileName: "clienti.csv",
      counts: { rows: 3, excluded: 0, rejected: 2, new: 1, updated: 0, unchanged: 0 },
    });
    expect(await testDb().customer.count()).toBe(1);
  });

  it("failed commit leaves the database unchanged", async () => {
    await commitRegistryImport(testDb(), {
      fileName: "a.csv",
      bytes: csv("code;name;city\nC1;Rossi;Torino\n"),
      mapping: SMALL_MAPPING,
      actorId: null,
    });
    const before = await testDb().customer.findMany({ orderBy: { code: "asc" } });
    // The audit event is the last write of the commit, so failing it proves the customer writes
    // before it are rolled back too.
    await testDb().$executeRawUnsafe(
      `CREATE FUNCTION "fail_audit"() RETURNS trigger LANGUAGE plpgsql AS
       'BEGIN RAISE EXCEPTION ''audit unavailable''; END;'`,
    );
    await testDb().$executeRawUnsafe(
      `CREATE TRIGGER "fail_audit" BEFORE INSERT ON "AuditEvent"
       FOR EACH ROW EXECUTE FUNCTION "fail_audit"()`,
    );

    try {
      await expect(
        commitRegistryImport(testDb(), {
          fileName: "b.csv",
          bytes: csv("code;name;city\nC1;Rossi Srl;Milano\nC2;Bianchi;Roma\n"),
          mapping: SMALL_MAPPING,
          actorId: null,
        }),
      ).rejects.toThrow(/audit unavailable/);
    } finally {
      await testDb().$executeRawUnsafe(`DROP TRIGGER "fail_audit" ON "AuditEvent"`);
      await testDb().$executeRawUnsafe(`DROP FUNCTION "fail_audit"()`);
    }

    expect(await testDb().customer.findMany({ orderBy: { code: "asc" } })).toEqual(before);
    expect(await testDb().auditEvent.count()).toBe(1);
  });

  it("rejects a mapping with an unknown column and writes nothing", async () => {
    const mapping = registryMappingSchema.parse({
      columns: { code: "CODCATASTALE", name: "DENOMINAZIONE" },
    });

    await expect(
      commitRegistryImport(testDb(), { fileName: "x.csv", bytes: anpr, mapping, actorId: null }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "imports.unknownColumn" });
    expect(await testDb().customer.count()).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("rejects a file without valid rows", async () => {
    const bytes = csv("code,name\n,Nobody\n");

    await expect(
      commitRegistryImport(testDb(), {
        fileName: "x.csv",
        bytes,
        mapping: registryMappingSchema.parse({ columns: { code: "code", name: "name" } }),
        actorId: null,
        skipRejected: true,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "imports.noValidRows" });
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("ANPR without the filter keeps the first row per code", async () => {
    const mapping = registryMappingSchema.parse({
      columns: { code: "CODCATASTALE", name: "DENOMINAZIONE_IT" },
    });

    const preview = await previewRegistryImport(testDb(), {
      fileName: "anpr-comuni.csv",
      bytes: anpr,
      mapping,
    });

    expect(preview.counts.new).toBe(9860);
    expect(preview.counts.rejected).toBe(9492);
    expect(preview.rejected).toHaveLength(9492);
    expect(preview.new).toHaveLength(preview.rowLimit);
    expect(preview.rejected[0]).toEqual({
      line: 3,
      code: "A001",
      name: "ABANO TERME",
      reason: { kind: "duplicateCode", firstLine: 2 },
    });
  });
});
