import { readFileSync } from "node:fs";
import path from "node:path";

import iconv from "iconv-lite";
import { beforeEach, describe, expect, it } from "vitest";

import { commitSessionImport, previewSessionImport } from "@/lib/db/session-import";
import { DEFAULT_BILLING_RULES } from "@/lib/domain/billing-rules";
import { mergeReconnections } from "@/lib/domain/merge-reconnections";
import { parseTeamViewerLog } from "@/lib/imports/teamviewer-log";

import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";
import { balanceOf, ledgerSum, topUp } from "./session-fixtures";

// A real Connections_incoming.txt: 29 connections from April to June 2018, times in UTC.
const SAMPLE_PATH = path.resolve(
  process.cwd(),
  "../shared/samples/teamviewer-connections-incoming.txt",
);
const sampleBytes = readFileSync(SAMPLE_PATH);
const sampleText = sampleBytes.toString("utf8");
const sample = parseTeamViewerLog(sampleBytes);

// The three most frequent partner IDs, with 9, 5 and 4 connections.
const PARTNERS = ["450329760", "644326672", "605138497"] as const;
const TOP_UP = 1000;
// Well after the sample, so no connection is in the future.
const NOW = new Date("2026-12-01T12:00:00Z");

interface Fixture {
  actorId: string;
  customerIdByPartner: Map<string, string>;
}

// Three customers, each with one partner ID registered as a TeamViewer device and a top-up.
async function registerPartners(): Promise<Fixture> {
  const admin = await createUser();
  const customerIdByPartner = new Map<string, string>();

  for (const [index, partnerId] of PARTNERS.entries()) {
    const customer = await createCustomer({ code: `C-${index + 1}`, name: `Cliente ${index + 1}` });
    await testDb().device.create({
      data: { customerId: customer.id, kind: "TEAMVIEWER", remoteId: partnerId },
    });
    await topUp(customer.id, TOP_UP);
    customerIdByPartner.set(partnerId, customer.id);
  }

  return { actorId: admin.id, customerIdByPartner };
}

function input(bytes: Uint8Array = sampleBytes) {
  return {
    fileName: "Connections_incoming.txt",
    bytes,
    format: "auto" as const,
    mapping: null,
    now: NOW,
  };
}

// Billed minutes of each partner's connections under the default rules, computed from the parsed
// seconds with the domain functions rather than by the import.
function expectedMinutesByPartner(): Map<string, number> {
  const totals = new Map<string, number>();
  for (const partnerId of PARTNERS) {
    const rows = sample.rows.filter((row) => row.partnerId === partnerId);
    const billed = mergeReconnections(rows, DEFAULT_BILLING_RULES);
    totals.set(
      partnerId,
      billed.reduce((sum, result) => sum + result.billedMinutes, 0),
    );
  }

  return totals;
}

async function snapshot() {
  const sessions = await testDb().session.findMany({
    orderBy: { code: "asc" },
    select: {
      code: true,
      customerId: true,
      startedAt: true,
      endedAt: true,
      seconds: true,
      billedMinutes: true,
      notes: true,
    },
  });
  const entries = await testDb().ledgerEntry.findMany({
    orderBy: { sequence: "asc" },
    select: { customerId: true, kind: true, minutes: true, sessionId: true },
  });
  const customers = await testDb().customer.findMany({
    orderBy: { code: "asc" },
    select: { code: true, balanceMinutes: true },
  });

  return { sessions, entries, customers };
}

describe("session import of the TeamViewer sample", () => {
  beforeEach(resetDatabase);

  it("expected totals match a hand computation", () => {
    // Sums of the per-session minutes computed by hand from the log's start and end times.
    expect(expectedMinutesByPartner()).toEqual(
      new Map([
        ["450329760", 786],
        ["644326672", 122],
        ["605138497", 9],
      ]),
    );
  });

  it("preview sorts every connection and writes nothing", async () => {
    await registerPartners();
    const before = await snapshot();

    const preview = await previewSessionImport(testDb(), input());

    expect(preview.format).toBe("teamviewer");
    expect(preview.encoding).toBe("utf-8");
    expect(preview.counts).toEqual({
      rows: 29,
      onCustomer: 18,
      toAssign: 11,
      alreadyImported: 0,
      rejected: 0,
    });
    expect(preview.billedMinutes).toBe(786 + 122 + 9);
    expect(
      preview.customers.map((customer) => [customer.code, customer.sessions, customer.minutes]),
    ).toEqual([
      ["C-1", 9, 786],
      ["C-2", 5, 122],
      ["C-3", 4, 9],
    ]);
    expect(preview.customers[0]?.balanceAfter).toBe(TOP_UP - 786);
    expect(await snapshot()).toEqual(before);
  });

  it("commit puts each connection on its customer or in the inbox", async () => {
    const { actorId, customerIdByPartner } = await registerPartners();

    const result = await commitSessionImport(testDb(), { ...input(), actorId });
    const sessions = await testDb().session.findMany();
    const byCode = new Map(sessions.map((session) => [session.code, session]));

    expect(result.counts).toMatchObject({ onCustomer: 18, toAssign: 11, rejected: 0 });
    expect(sessions).toHaveLength(29);
    for (const row of sample.rows) {
      const session = byCode.get(row.code);
      const customerId = customerIdByPartner.get(row.partnerId) ?? null;

      expect(session?.customerId, `line ${row.line}`).toBe(customerId);
      expect(session?.status).toBe("CLOSED");
      expect(session?.source).toBe("IMPORT");
      expect(session?.startedAt).toEqual(row.startedAt);
      expect(session?.endedAt).toEqual(row.endedAt);
      expect(session?.seconds).toBe(row.seconds);
      expect(session?.remoteDeviceId).toBe(row.partnerId);
    }
    expect(sessions.filter((session) => session.customerId === null)).toHaveLength(11);
  });

  it("commit bills each session under the default rules", async () => {
    const { actorId } = await registerPartners();
    await commitSessionImport(testDb(), { ...input(), actorId });
    const billed = async (line: number) => {
      const code = sample.rows.find((row) => row.line === line)?.code ?? "";

      return testDb().session.findUniqueOrThrow({ where: { code } });
    };

    // 10-04-2018 11:43:06 to 13:51:43 is 7,717 s: 128.6 minutes, billed 129.
    expect((await billed(14)).billedMinutes).toBe(129);
    // 16-04-2018 11:14:55 to 11:15:47 is 52 s, under the 60 s threshold.
    expect((await billed(16)).billedMinutes).toBe(0);
    expect((await billed(16)).billingRule).toMatchObject({ kind: "TOO_SHORT", realSeconds: 52 });
    // 22-04-2018 01:53:32 to 04:53:33 is three hours and one second: 181 minutes.
    expect((await billed(20)).billedMinutes).toBe(181);
    // 27-04-2018 13:12:15 to 13:13:20 is 65 s: 2 minutes.
    expect((await billed(23)).billedMinutes).toBe(2);
    // 14-05-2018 15:53:06 to 15:58:04 is 298 s: 5 minutes.
    expect((await billed(28)).billedMinutes).toBe(5);
    // 05-04-2018 01:56:35 to 01:56:53 is 18 s, without a GUID.
    expect((await billed(8)).billedMinutes).toBe(0);
  });

  it("balances drop by the billed totals and equal the ledger", async () => {
    const { actorId, customerIdByPartner } = await registerPartners();
    const expected = expectedMinutesByPartner();

    const result = await commitSessionImport(testDb(), { ...input(), actorId });

    for (const partnerId of PARTNERS) {
      const customerId = customerIdByPartner.get(partnerId) ?? "";
      const minutes = expected.get(partnerId) ?? 0;
      const sessionEntries = await testDb().ledgerEntry.findMany({
        where: { customerId, kind: "SESSION" },
      });

      expect(await balanceOf(customerId)).toBe(TOP_UP - minutes);
      expect(await ledgerSum(customerId)).toBe(TOP_UP - minutes);
      expect(sessionEntries.reduce((sum, entry) => sum - entry.minutes, 0)).toBe(minutes);
      expect(sessionEntries.every((entry) => entry.idempotencyKey?.startsWith("session:"))).toBe(
        true,
      );
      const total = result.customers.find((customer) => customer.id === customerId);
      expect(total?.minutes).toBe(minutes);
      expect(total?.balanceAfter).toBe(TOP_UP - minutes);
    }
    // One entry per billed session: no merging by default, and sessions of 0 minutes draw nothing.
    expect(await testDb().ledgerEntry.count({ where: { kind: "SESSION" } })).toBe(14);
  });

  it("assigns the contract in effect to sessions and entries", async () => {
    const { actorId, customerIdByPartner } = await registerPartners();
    const customerId = customerIdByPartner.get("450329760") ?? "";
    const contract = await testDb().contract.create({
      data: {
        customerId,
        number: "2018/1",
        startsOn: new Date("2018-04-01"),
        endsOn: new Date("2018-04-30"),
      },
    });

    await commitSessionImport(testDb(), { ...input(), actorId });

    const sessions = await testDb().session.findMany({ where: { customerId } });
    const entries = await testDb().ledgerEntry.findMany({ where: { customerId, kind: "SESSION" } });
    expect(sessions.every((session) => session.contractId === contract.id)).toBe(true);
    expect(entries.every((entry) => entry.contractId === contract.id)).toBe(true);
  });

  it("second import creates and charges nothing", async () => {
    const { actorId } = await registerPartners();
    await commitSessionImport(testDb(), { ...input(), actorId });
    const before = await snapshot();

    const preview = await previewSessionImport(testDb(), input());
    const again = await commitSessionImport(testDb(), { ...input(), actorId });

    expect(preview.counts).toEqual({
      rows: 29,
      onCustomer: 0,
      toAssign: 0,
      alreadyImported: 29,
      rejected: 0,
    });
    expect(preview.billedMinutes).toBe(0);
    expect(again.counts.alreadyImported).toBe(29);
    expect(again.billedMinutes).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("failed commit leaves the database unchanged", async () => {
    const { actorId } = await registerPartners();
    const before = await snapshot();
    const auditsBefore = await testDb().auditEvent.count();
    // Fails the first SESSION entry, after the sessions are inserted in the same transaction.
    await testDb().$executeRawUnsafe(`
      CREATE FUNCTION "test_fail_session_entry"() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF NEW."kind" = 'SESSION' THEN RAISE EXCEPTION 'injected failure'; END IF;
      RETURN NEW; END $$`);
    await testDb().$executeRawUnsafe(`
      CREATE TRIGGER "test_fail_session_entry" BEFORE INSERT ON "LedgerEntry"
      FOR EACH ROW EXECUTE FUNCTION "test_fail_session_entry"()`);

    try {
      await expect(commitSessionImport(testDb(), { ...input(), actorId })).rejects.toThrow(
        /injected failure/,
      );
    } finally {
      await testDb().$executeRawUnsafe(`DROP TRIGGER "test_fail_session_entry" ON "LedgerEntry"`);
      await testDb().$executeRawUnsafe(`DROP FUNCTION "test_fail_session_entry"`);
    }

    expect(await snapshot()).toEqual(before);
    expect(await testDb().auditEvent.count()).toBe(auditsBefore);

    // Nothing was half-applied, so the same file then imports whole.
    const result = await commitSessionImport(testDb(), { ...input(), actorId });
    expect(result.counts.onCustomer + result.counts.toAssign).toBe(29);
  });

  it("UTF-16 and Windows-1252 copies import identically", async () => {
    // Accented partner names, stored in the notes, make the encodings differ byte by byte.
    const accented = sampleText
      .replaceAll("HELPDESK-PC1", "Perché-PC")
      .replaceAll("tecnico.rossi", "Niccolò");
    const copies = [
      iconv.encode(accented, "utf-8"),
      iconv.encode(accented, "utf-16le", { addBOM: true }),
      iconv.encode(accented, "utf-16le"),
      iconv.encode(accented, "windows-1252"),
    ];
    const results = [];

    for (const bytes of copies) {
      await resetDatabase();
      const { actorId } = await registerPartners();
      const result = await commitSessionImport(testDb(), { ...input(bytes), actorId });
      const stored = await snapshot();
      results.push({
        counts: result.counts,
        sessions: stored.sessions.map(({ customerId, ...session }) => ({
          ...session,
          assigned: customerId !== null,
        })),
        balances: stored.customers,
      });
    }

    expect(results[0]?.sessions.filter((row) => row.notes === "Perché-PC")).toHaveLength(25);
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);
  });

  it("bad lines rejected, the rest imported", async () => {
    const { actorId } = await registerPartners();
    const lines = sampleText.split("\r\n");
    // Line 2 loses its partner name (seven tab-separated parts with the trailing empty one).
    lines[1] = lines[1].replace("\tHELPDESK-PC1", "");
    // Line 14 (partner 450329760) starts on 31 February.
    lines[13] = lines[13].replace("10-04-2018 11:43:06", "31-02-2018 11:43:06");
    const broken = Buffer.from(lines.join("\r\n"), "utf8");

    const preview = await previewSessionImport(testDb(), input(broken));
    const result = await commitSessionImport(testDb(), { ...input(broken), actorId });

    expect(preview.rejected).toEqual([
      {
        line: 2,
        code: null,
        messageKey: "sessionLog.wrongFieldCount",
        values: { line: 2, found: 6, expected: 7 },
      },
      {
        line: 14,
        code: null,
        messageKey: "sessionLog.invalidStart",
        values: { line: 14, value: "31-02-2018 11:43:06" },
      },
    ]);
    expect(preview.counts).toMatchObject({ rows: 29, onCustomer: 17, toAssign: 10, rejected: 2 });
    expect(result.counts).toEqual(preview.counts);
    expect(await testDb().session.count()).toBe(27);
    // The 129 minutes of line 14 are not charged.
    expect(result.billedMinutes).toBe(786 - 129 + 122 + 9);
  });
});
