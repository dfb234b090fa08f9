import { beforeEach, describe, expect, it } from "vitest";

import {
  commitSessionImport,
  previewSessionImport,
  type SessionImportProgress,
} from "@/lib/db/session-import";

import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";
import { ledgerSum } from "./session-fixtures";

const CONNECTIONS = 20_000;
const CUSTOMERS = 150;
// Two registered partner IDs per customer, and 100 IDs registered to no customer.
const REGISTERED = CUSTOMERS * 2;
const PARTNERS = REGISTERED + 100;
const NOW = new Date("2026-12-01T12:00:00Z");

// Deterministic pseudo-random numbers (a linear congruential generator), so every run imports
// the same file.
function generator(seed: number) {
  let state = seed;

  return (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;

    // The low bits of this generator repeat with short periods, so the high bits are used.
    return Math.floor(state / 65_536) % max;
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function teamViewerTime(date: Date): string {
  return (
    `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

function partnerId(index: number): string {
  return String(100_000_000 + index * 7919);
}

// A Connections_incoming.txt of CONNECTIONS lines over two years, one connection every hour or
// so, with durations from 10 seconds to 2 hours and one line in ten without a GUID.
function generateLog(): Buffer {
  const random = generator(42);
  const lines = [""];
  let start = Date.UTC(2024, 0, 1, 8, 0, 0);

  for (let index = 0; index < CONNECTIONS; index += 1) {
    start += (10 + random(100)) * 60_000;
    const end = start + (10 + random(7190)) * 1000;
    const guid =
      random(10) === 0
        ? ""
        : `{${pad(index, 8)}-${pad(random(10_000), 4)}-4000-8000-${pad(random(1_000_000), 12)}}`;
    const type = random(20) === 0 ? "Filetransfer" : "RemoteControl";
    lines.push(
      [
        partnerId(random(PARTNERS)),
        "HELPDESK-PC1",
        teamViewerTime(new Date(start)),
        teamViewerTime(new Date(end)),
        "Administrator",
        type,
        guid,
        "",
      ].join("\t"),
    );
  }

  return Buffer.from(lines.join("\r\n"), "utf8");
}

describe("session import of a large log", () => {
  beforeEach(resetDatabase);

  it("imports 20,000 connections in one transaction", { timeout: 300_000 }, async () => {
    const admin = await createUser();
    const customers: { id: string }[] = [];
    for (let index = 0; index < CUSTOMERS; index += 1) customers.push(await createCustomer());
    await testDb().device.createMany({
      data: Array.from({ length: REGISTERED }, (_, index) => ({
        customerId: customers[index % CUSTOMERS].id,
        kind: "TEAMVIEWER" as const,
        remoteId: partnerId(index),
      })),
    });
    const bytes = generateLog();
    const input = {
      fileName: "large.txt",
      bytes,
      format: "auto" as const,
      mapping: null,
      now: NOW,
    };

    let started = performance.now();
    const preview = await previewSessionImport(testDb(), input);
    const previewMs = performance.now() - started;

    const progress: SessionImportProgress[] = [];
    started = performance.now();
    const result = await commitSessionImport(testDb(), {
      ...input,
      actorId: admin.id,
      onProgress: (event) => {
        progress.push(event);
      },
    });
    const commitMs = performance.now() - started;

    started = performance.now();
    const again = await commitSessionImport(testDb(), { ...input, actorId: admin.id });
    const againMs = performance.now() - started;
    console.log(
      `${CONNECTIONS} connections (${(bytes.length / 1e6).toFixed(1)} MB): preview ` +
        `${Math.round(previewMs)} ms, commit ${Math.round(commitMs)} ms, second commit ` +
        `${Math.round(againMs)} ms`,
    );

    expect(preview.counts.rows).toBe(CONNECTIONS);
    expect(preview.counts.rejected).toBe(0);
    expect(result.counts).toEqual(preview.counts);
    expect(result.billedMinutes).toBe(preview.billedMinutes);
    expect(result.counts.onCustomer + result.counts.toAssign).toBe(CONNECTIONS);
    expect(await testDb().session.count()).toBe(CONNECTIONS);
    expect(again.counts.alreadyImported).toBe(CONNECTIONS);
    expect(await testDb().session.count()).toBe(CONNECTIONS);

    const charged = await testDb().ledgerEntry.aggregate({
      where: { kind: "SESSION" },
      _sum: { minutes: true },
    });
    expect(-(charged._sum.minutes ?? 0)).toBe(result.billedMinutes);
    for (const customer of customers.slice(0, 5)) {
      const stored = await testDb().customer.findUniqueOrThrow({ where: { id: customer.id } });
      expect(stored.balanceMinutes).toBe(await ledgerSum(customer.id));
    }

    const writes = progress.filter((event) => event.phase === "writing");
    expect(writes.length).toBeGreaterThan(5);
    expect(writes.at(-1)).toEqual({ phase: "writing", done: CONNECTIONS, total: CONNECTIONS });
  });
});
