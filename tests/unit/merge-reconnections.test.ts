import { describe, expect, it } from "vitest";

import type { BillingRules } from "@/lib/domain/billing-rules";
import { mergeReconnections, type SessionToBill } from "@/lib/domain/merge-reconnections";
import { AppError } from "@/lib/errors";

const rules: BillingRules = {
  roundingIncrementMinutes: 1,
  minimumBilledMinutes: 0,
  ignoreShorterThanSeconds: 0,
  mergeGapMinutes: 5,
  billableConnectionTypes: ["RemoteControl"],
};

// A session on 14 May 2026 between two UTC times written "HH:mm:ss".
function session(
  code: string,
  start: string,
  end: string,
  connectionType: string | null = "RemoteControl",
): SessionToBill {
  return {
    code,
    startedAt: new Date(`2026-05-14T${start}Z`),
    endedAt: new Date(`2026-05-14T${end}Z`),
    connectionType,
  };
}

function minutesByCode(sessions: SessionToBill[], override: Partial<BillingRules> = {}) {
  const billed = mergeReconnections(sessions, { ...rules, ...override });

  return Object.fromEntries(billed.map((result) => [result.code, result.billedMinutes]));
}

describe("mergeReconnections gap", () => {
  it("merges a reconnection exactly N minutes after the end", () => {
    const billed = mergeReconnections(
      [session("a", "10:00:00", "10:10:00"), session("b", "10:15:00", "10:20:00")],
      rules,
    );

    expect(billed[0]).toEqual({
      code: "a",
      seconds: 600,
      billedMinutes: 15,
      billable: true,
      rule: { kind: "ROUNDED", incrementMinutes: 1, realSeconds: 900, mergedCodes: ["b"] },
    });
    expect(billed[1]).toEqual({
      code: "b",
      seconds: 300,
      billedMinutes: 0,
      billable: true,
      rule: { kind: "MERGED", into: "a" },
    });
  });

  it("keeps apart a reconnection N minutes and one second later", () => {
    const billed = mergeReconnections(
      [session("a", "10:00:00", "10:10:00"), session("b", "10:15:01", "10:20:00")],
      rules,
    );

    expect(billed.map((result) => result.billedMinutes)).toEqual([10, 5]);
    expect(billed[0]?.rule).toEqual({ kind: "ROUNDED", incrementMinutes: 1, realSeconds: 600 });
    expect(billed[1]?.rule).toEqual({ kind: "ROUNDED", incrementMinutes: 1, realSeconds: 299 });
  });

  it("bills the connected time, not the span with its pauses", () => {
    // 4 min 30 s of connection over a span of 9 minutes.
    const minutes = minutesByCode([
      session("a", "10:00:00", "10:02:00"),
      session("b", "10:06:30", "10:09:00"),
    ]);

    expect(minutes).toEqual({ a: 5, b: 0 });
  });

  it("chains three reconnections into one group", () => {
    // Each gap is within 5 minutes of the previous end, although the last start is 25 minutes
    // after the first end.
    const billed = mergeReconnections(
      [
        session("a", "10:00:00", "10:10:00"),
        session("b", "10:14:00", "10:20:00"),
        session("c", "10:25:00", "10:31:30"),
      ],
      rules,
    );

    expect(billed.map((result) => result.billedMinutes)).toEqual([23, 0, 0]);
    expect(billed[0]?.rule).toMatchObject({ realSeconds: 1350, mergedCodes: ["b", "c"] });
    expect(billed[1]?.rule).toEqual({ kind: "MERGED", into: "a" });
    expect(billed[2]?.rule).toEqual({ kind: "MERGED", into: "a" });
  });

  it("rounds a merged group once", () => {
    const minutes = minutesByCode(
      [session("a", "10:00:00", "10:05:00"), session("b", "10:06:00", "10:11:00")],
      { roundingIncrementMinutes: 15 },
    );

    // Apart, each would be rounded up to 15 minutes.
    expect(minutes).toEqual({ a: 15, b: 0 });
  });

  it("never merges with a gap of zero minutes", () => {
    const minutes = minutesByCode(
      [session("a", "10:00:00", "10:10:00"), session("b", "10:10:00", "10:20:00")],
      { mergeGapMinutes: 0, roundingIncrementMinutes: 15 },
    );

    expect(minutes).toEqual({ a: 15, b: 15 });
  });
});

describe("mergeReconnections order", () => {
  it("returns results in input order", () => {
    const billed = mergeReconnections(
      [
        session("c", "10:25:00", "10:30:00"),
        session("a", "10:00:00", "10:10:00"),
        session("z", "12:00:00", "12:01:00"),
        session("b", "10:12:00", "10:20:00"),
      ],
      rules,
    );

    expect(billed.map((result) => result.code)).toEqual(["c", "a", "z", "b"]);
    expect(billed.map((result) => result.billedMinutes)).toEqual([0, 23, 1, 0]);
    expect(billed[0]?.rule).toEqual({ kind: "MERGED", into: "a" });
  });

  it("breaks start ties by code", () => {
    const billed = mergeReconnections(
      [session("y", "10:00:00", "10:05:00"), session("x", "10:00:00", "10:05:00")],
      rules,
    );

    expect(billed[1]?.billedMinutes).toBe(5);
    expect(billed[0]?.rule).toEqual({ kind: "MERGED", into: "x" });
  });

  it("returns nothing for no sessions", () => {
    expect(mergeReconnections([], rules)).toEqual([]);
  });
});

describe("mergeReconnections overlaps", () => {
  it("bills time covered by two sessions once", () => {
    const billed = mergeReconnections(
      [session("a", "10:00:00", "10:20:00"), session("b", "10:10:00", "10:30:00")],
      rules,
    );

    expect(billed.map((result) => result.billedMinutes)).toEqual([30, 0]);
    expect(billed[0]?.rule).toMatchObject({ realSeconds: 1800 });
    expect(billed.map((result) => result.seconds)).toEqual([1200, 1200]);
  });

  it("keeps overlapping sessions apart with merging off", () => {
    const minutes = minutesByCode(
      [session("a", "10:00:00", "10:20:00"), session("b", "10:19:00", "10:25:00")],
      { mergeGapMinutes: 0 },
    );

    expect(minutes).toEqual({ a: 20, b: 6 });
  });

  it("bills a session inside another one with nothing extra", () => {
    const minutes = minutesByCode([
      session("a", "10:00:00", "11:00:00"),
      session("b", "10:10:00", "10:20:00"),
    ]);

    expect(minutes).toEqual({ a: 60, b: 0 });
  });

  it("keeps sessions of two devices apart", () => {
    const minutes = minutesByCode([
      { ...session("a", "10:00:00", "10:20:00"), remoteDeviceId: "111" },
      { ...session("b", "10:10:00", "10:30:00"), remoteDeviceId: "222" },
      { ...session("c", "10:23:00", "10:30:00"), remoteDeviceId: "111" },
    ]);

    expect(minutes).toEqual({ a: 27, b: 20, c: 0 });
  });

  it("keeps sessions of two operators apart", () => {
    const minutes = minutesByCode([
      { ...session("a", "10:00:00", "10:20:00"), operatorName: "Anna" },
      { ...session("b", "10:10:00", "10:30:00"), operatorName: "Luca" },
      { ...session("c", "10:21:00", "10:25:00"), operatorName: "Anna" },
    ]);

    expect(minutes).toEqual({ a: 24, b: 20, c: 0 });
  });

  it("measures the gap from the latest end in the group", () => {
    // b ends inside a, so c's gap is measured from a's end at 11:00, not b's at 10:20.
    const minutes = minutesByCode([
      session("a", "10:00:00", "11:00:00"),
      session("b", "10:10:00", "10:20:00"),
      session("c", "11:04:00", "11:05:00"),
    ]);

    expect(minutes).toEqual({ a: 61, b: 0, c: 0 });
  });
});

describe("mergeReconnections connection types", () => {
  it("leaves a file transfer out of the group", () => {
    const billed = mergeReconnections(
      [
        session("a", "10:00:00", "10:10:00"),
        session("f", "10:12:00", "10:40:00", "Filetransfer"),
        session("b", "10:14:00", "10:20:00"),
      ],
      rules,
    );

    expect(billed.map((result) => result.billedMinutes)).toEqual([16, 0, 0]);
    expect(billed[1]?.rule).toEqual({
      kind: "NOT_BILLABLE_TYPE",
      connectionType: "Filetransfer",
      realSeconds: 1680,
    });
    expect(billed[1]?.billable).toBe(false);
    expect(billed[2]?.rule).toEqual({ kind: "MERGED", into: "a" });
  });

  it("does not let a file transfer bridge two sessions", () => {
    const minutes = minutesByCode([
      session("a", "10:00:00", "10:10:00"),
      session("f", "10:10:00", "10:30:00", "Filetransfer"),
      session("b", "10:30:00", "10:40:00"),
    ]);

    expect(minutes).toEqual({ a: 10, f: 0, b: 10 });
  });

  it("merges sessions without a connection type", () => {
    const minutes = minutesByCode([
      session("a", "10:00:00", "10:10:00", null),
      session("b", "10:11:00", "10:20:00", null),
    ]);

    expect(minutes).toEqual({ a: 19, b: 0 });
  });
});

describe("mergeReconnections thresholds", () => {
  it("bills short fragments that add up past the threshold", () => {
    const billed = mergeReconnections(
      [
        session("a", "10:00:00", "10:00:30"),
        session("b", "10:01:00", "10:01:30"),
        session("c", "10:02:00", "10:02:30"),
      ],
      { ...rules, ignoreShorterThanSeconds: 60 },
    );

    expect(billed.map((result) => result.billedMinutes)).toEqual([2, 0, 0]);
    expect(billed.every((result) => result.billable)).toBe(true);
  });

  it("ignores a whole group shorter than the threshold", () => {
    const billed = mergeReconnections(
      [session("a", "10:00:00", "10:00:20"), session("b", "10:01:00", "10:01:20")],
      { ...rules, ignoreShorterThanSeconds: 60 },
    );

    expect(billed[0]?.rule).toEqual({
      kind: "TOO_SHORT",
      thresholdSeconds: 60,
      realSeconds: 40,
      mergedCodes: ["b"],
    });
    expect(billed.map((result) => result.billable)).toEqual([false, false]);
    expect(billed[1]?.rule).toEqual({ kind: "MERGED", into: "a" });
  });

  it("applies the minimum charge to the group", () => {
    const billed = mergeReconnections(
      [session("a", "10:00:00", "10:02:00"), session("b", "10:03:00", "10:05:00")],
      { ...rules, minimumBilledMinutes: 15 },
    );

    expect(billed[0]?.billedMinutes).toBe(15);
    expect(billed[0]?.rule).toEqual({
      kind: "MINIMUM",
      minimumMinutes: 15,
      roundedMinutes: 4,
      realSeconds: 240,
      mergedCodes: ["b"],
    });
  });
});

describe("mergeReconnections real time", () => {
  it("merges reconnections across midnight", () => {
    const billed = mergeReconnections(
      [
        {
          code: "late",
          startedAt: new Date("2026-01-15T23:50:00+01:00"),
          endedAt: new Date("2026-01-15T23:58:00+01:00"),
          connectionType: "RemoteControl",
        },
        {
          code: "after",
          startedAt: new Date("2026-01-16T00:02:00+01:00"),
          endedAt: new Date("2026-01-16T00:10:00+01:00"),
          connectionType: "RemoteControl",
        },
      ],
      rules,
    );

    expect(billed.map((result) => result.billedMinutes)).toEqual([16, 0]);
  });

  it("measures the gap in real time when clocks go back", () => {
    // 02:58 CEST, then the clocks go back to 02:00, and the reconnection at 02:02 CET comes
    // 4 real minutes later although the wall clock reads 56 minutes earlier.
    const billed = mergeReconnections(
      [
        {
          code: "before",
          startedAt: new Date("2026-10-25T02:50:00+02:00"),
          endedAt: new Date("2026-10-25T02:58:00+02:00"),
          connectionType: "RemoteControl",
        },
        {
          code: "after",
          startedAt: new Date("2026-10-25T02:02:00+01:00"),
          endedAt: new Date("2026-10-25T02:10:00+01:00"),
          connectionType: "RemoteControl",
        },
      ],
      rules,
    );

    expect(billed.map((result) => result.billedMinutes)).toEqual([16, 0]);
  });

  it("rejects a session that ends before it starts, naming it", () => {
    try {
      mergeReconnections(
        [session("a", "10:00:00", "10:10:00"), session("b", "10:30:00", "10:20:00")],
        rules,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "VALIDATION",
        messageKey: "session.endBeforeStart",
        values: { code: "b" },
      });
    }
  });
});
