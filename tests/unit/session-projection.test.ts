import { describe, expect, it } from "vitest";

import { DEFAULT_BILLING_RULES } from "@/lib/domain/billing-rules";
import { projectSession, type SessionProjectionInput } from "@/lib/domain/session-projection";

const start = new Date("2026-05-14T10:00:00Z");

function running(overrides: Partial<SessionProjectionInput> = {}): SessionProjectionInput {
  return {
    startedAt: start,
    endedAt: null,
    seconds: null,
    billedMinutes: null,
    connectionType: "RemoteControl",
    billable: true,
    rules: { ...DEFAULT_BILLING_RULES, minimumBilledMinutes: 0, ignoreShorterThanSeconds: 0 },
    residualBeforeMinutes: 30,
    billingMode: "PREPAID",
    now: new Date("2026-05-14T10:12:30Z"),
    ...overrides,
  };
}

describe("projectSession", () => {
  it("bills the running time as if it ended now", () => {
    expect(projectSession(running())).toEqual({
      elapsedSeconds: 750,
      projectedMinutes: 13,
      projectedResidualMinutes: 17,
      exhausted: false,
    });
  });

  it("flags a prepaid customer whose credit runs out", () => {
    const projection = projectSession(running({ residualBeforeMinutes: 13 }));

    expect(projection.projectedResidualMinutes).toBe(0);
    expect(projection.exhausted).toBe(true);
  });

  it("never flags a postpaid customer", () => {
    const projection = projectSession(
      running({ residualBeforeMinutes: -500, billingMode: "POSTPAID" }),
    );

    expect(projection.projectedResidualMinutes).toBe(-513);
    expect(projection.exhausted).toBe(false);
  });

  it("applies the rules in effect", () => {
    const rules = { ...DEFAULT_BILLING_RULES, roundingIncrementMinutes: 15 };

    expect(projectSession(running({ rules })).projectedMinutes).toBe(15);
    expect(
      projectSession(running({ rules, connectionType: "Filetransfer" })).projectedMinutes,
    ).toBe(0);
  });

  it("projects nothing for a session marked not billable", () => {
    const projection = projectSession(running({ billable: false }));

    expect(projection.elapsedSeconds).toBe(750);
    expect(projection.projectedMinutes).toBe(0);
    expect(projection.projectedResidualMinutes).toBe(30);
  });

  it("counts a start slightly ahead of the server as zero seconds", () => {
    const projection = projectSession(running({ now: new Date("2026-05-14T09:58:00Z") }));

    expect(projection.elapsedSeconds).toBe(0);
    expect(projection.projectedMinutes).toBe(0);
  });

  it("uses the stored values of a closed session", () => {
    const projection = projectSession(
      running({
        endedAt: new Date("2026-05-14T10:05:00Z"),
        seconds: 300,
        billedMinutes: 15,
        now: new Date("2026-05-20T00:00:00Z"),
      }),
    );

    expect(projection).toEqual({
      elapsedSeconds: 300,
      projectedMinutes: 15,
      projectedResidualMinutes: 15,
      exhausted: false,
    });
  });
});
