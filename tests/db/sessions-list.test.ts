import { beforeEach, describe, expect, it } from "vitest";

import { endSession, recordSession, startSession } from "@/lib/db/sessions";
import {
  listOperatorNames,
  listRunningSessions,
  listSessions,
} from "@/lib/db/sessions/list-sessions";
import { parseSessionFilters } from "@/lib/validations/session-filters";

import { createCustomer, resetDatabase, testDb } from "./helpers";
import { NOW, topUp } from "./session-fixtures";

const base = { source: "API" as const, actorId: null, now: NOW };

// Instants of 14 May 2026 in Rome (UTC+2 in summer), and of the days around it.
const rome = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 4, day, hour - 2, minute));

async function record(
  code: string,
  options: {
    customerCode?: string;
    startedAt: Date;
    seconds: number;
    operatorName?: string;
  },
) {
  return recordSession(testDb(), {
    ...base,
    code,
    customerCode: options.customerCode,
    operatorName: options.operatorName ?? "Luca Bianchi",
    startedAt: options.startedAt,
    durationSeconds: options.seconds,
  });
}

function filtersFor(params: Record<string, string>) {
  const parsed = parseSessionFilters(params, NOW);
  if (!parsed.ok) throw new Error(`invalid filters: ${JSON.stringify(parsed.issues)}`);

  return parsed.filters;
}

describe("listSessions", () => {
  beforeEach(async () => {
    await resetDatabase();
    const rossi = await createCustomer({ code: "C-ROSSI", name: "Studio Rossi" });
    const verdi = await createCustomer({ code: "C-VERDI", name: "Officina Verdi" });
    await topUp(rossi.id, 1000);
    await topUp(verdi.id, 1000);

    // 00:30 in Rome on 14 May is still 13 May in UTC.
    await record("R1", { customerCode: "C-ROSSI", startedAt: rome(14, 0, 30), seconds: 610 });
    await record("R2", { customerCode: "C-ROSSI", startedAt: rome(14, 10), seconds: 125 });
    await record("V1", {
      customerCode: "C-VERDI",
      startedAt: rome(14, 11),
      seconds: 3600,
      operatorName: "Anna Neri",
    });
    await record("X1", { startedAt: rome(14, 12), seconds: 300 });
    await record("OUT", { customerCode: "C-ROSSI", startedAt: rome(15, 0, 5), seconds: 900 });
    await startSession(testDb(), {
      ...base,
      code: "RUN",
      customerCode: "C-VERDI",
      startedAt: rome(14, 13),
    });
  });

  it("keeps to the period in Rome, newest first", async () => {
    const { rows, totals } = await listSessions(testDb(), {
      filters: filtersFor({ from: "14/05/2026", to: "14/05/2026" }),
      page: 1,
    });

    expect(rows.map((row) => row.code)).toEqual(["RUN", "X1", "V1", "R2", "R1"]);
    expect(totals).toEqual({
      sessions: 5,
      seconds: 610 + 125 + 3600 + 300,
      // 11 + 3 + 60 + 5 minutes, by the started minute. The running session has none yet.
      billedMinutes: 79,
    });
  });

  it("sums the whole filtered set, not the page", async () => {
    const { rows, totals, pages } = await listSessions(testDb(), {
      filters: filtersFor({ from: "01/05/2026", to: "31/05/2026" }),
      page: 2,
      pageSize: 4,
    });

    expect(rows.map((row) => row.code)).toEqual(["R2", "R1"]);
    expect(pages).toBe(2);
    expect(totals.sessions).toBe(6);
    expect(totals.seconds).toBe(610 + 125 + 3600 + 300 + 900);
    expect(totals.billedMinutes).toBe(79 + 15);
  });

  it("filters by customer code or name", async () => {
    const byCode = await listSessions(testDb(), {
      filters: filtersFor({ from: "01/05/2026", to: "31/05/2026", customer: "c-ros" }),
      page: 1,
    });
    const byName = await listSessions(testDb(), {
      filters: filtersFor({ from: "01/05/2026", to: "31/05/2026", customer: "verdi" }),
      page: 1,
    });

    expect(byCode.rows.map((row) => row.code)).toEqual(["OUT", "R2", "R1"]);
    expect(byCode.totals.billedMinutes).toBe(11 + 3 + 15);
    expect(byName.rows.map((row) => row.code)).toEqual(["RUN", "V1"]);
  });

  it("filters by operator and by status", async () => {
    const period = { from: "01/05/2026", to: "31/05/2026" };
    const anna = await listSessions(testDb(), {
      filters: filtersFor({ ...period, operator: "neri" }),
      page: 1,
    });
    const running = await listSessions(testDb(), {
      filters: filtersFor({ ...period, status: "RUNNING" }),
      page: 1,
    });
    const closed = await listSessions(testDb(), {
      filters: filtersFor({ ...period, status: "CLOSED" }),
      page: 1,
    });
    const unassigned = await listSessions(testDb(), {
      filters: filtersFor({ ...period, status: "UNASSIGNED" }),
      page: 1,
    });

    expect(anna.rows.map((row) => row.code)).toEqual(["V1"]);
    expect(running.rows.map((row) => row.code)).toEqual(["RUN"]);
    expect(closed.rows.map((row) => row.code)).toEqual(["OUT", "V1", "R2", "R1"]);
    expect(unassigned.rows.map((row) => row.code)).toEqual(["X1"]);
    expect(unassigned.rows[0].customer).toBeNull();
  });

  it("returns the rows with customer, billing and explanation", async () => {
    const { rows } = await listSessions(testDb(), {
      filters: filtersFor({ from: "14/05/2026", to: "14/05/2026", customer: "C-VERDI" }),
      page: 1,
    });
    const closed = rows.find((row) => row.code === "V1");

    expect(closed).toMatchObject({
      status: "CLOSED",
      seconds: 3600,
      billedMinutes: 60,
      operatorName: "Anna Neri",
      customer: { code: "C-VERDI", name: "Officina Verdi" },
      billingRule: { kind: "ROUNDED", incrementMinutes: 1 },
    });
  });

  it("lists the inbox without a period", async () => {
    const { rows, totals } = await listSessions(testDb(), {
      filters: { status: "UNASSIGNED" },
      page: 1,
    });

    expect(rows.map((row) => row.code)).toEqual(["X1"]);
    expect(totals.sessions).toBe(1);
  });

  it("lists running sessions and operator names", async () => {
    await endSession(testDb(), { code: "RUN", actorId: null, now: NOW });
    await startSession(testDb(), { ...base, code: "RUN2", operatorName: "Zoe" });

    expect((await listRunningSessions(testDb())).map((row) => row.code)).toEqual(["RUN2"]);
    expect(await listOperatorNames(testDb())).toEqual(["Anna Neri", "Luca Bianchi", "Zoe"]);
  });
});
