import { describe, expect, it } from "vitest";

import { dueExpiries, type ExpiryLedgerEntry } from "@/lib/domain/credit-expiry";

// Day numbers keep the cases readable: day(3) is midnight UTC of 3 January 2026.
const day = (n: number) => new Date(Date.UTC(2026, 0, n));

let sequence = 0;

function entry(
  id: string,
  kind: ExpiryLedgerEntry["kind"],
  minutes: number,
  at: number,
  extra: Partial<ExpiryLedgerEntry> = {},
): ExpiryLedgerEntry {
  sequence += 1;

  return {
    id,
    kind,
    minutes,
    occurredAt: day(at),
    sequence,
    expiresAt: null,
    reversesId: null,
    expiredTopUpId: null,
    ...extra,
  };
}

const topUp = (id: string, minutes: number, at: number, expiresOn: number | null = null) =>
  entry(id, "TOP_UP", minutes, at, { expiresAt: expiresOn === null ? null : day(expiresOn) });
const session = (id: string, minutes: number, at: number) => entry(id, "SESSION", -minutes, at);

function expired(entries: ExpiryLedgerEntry[], now = 100) {
  return dueExpiries(entries, day(now)).map(({ topUpId, minutes }) => ({ topUpId, minutes }));
}

describe("dueExpiries", () => {
  it("ignores top-ups without expiry", () => {
    expect(expired([topUp("a", 100, 1), session("s", 10, 2)])).toEqual([]);
  });

  it("expires a top-up never used", () => {
    const [due] = dueExpiries([topUp("a", 100, 1, 10)], day(20));

    expect(due).toEqual({
      topUpId: "a",
      minutes: 100,
      expiresAt: day(10),
      topUpOccurredAt: day(1),
      topUpMinutes: 100,
    });
  });

  it("expires only the unused remainder", () => {
    expect(expired([topUp("a", 100, 1, 10), session("s", 30, 5)])).toEqual([
      { topUpId: "a", minutes: 70 },
    ]);
  });

  it("keeps use after the expiry out of the expired minutes", () => {
    const entries = [topUp("a", 100, 1, 10), session("s1", 30, 5), session("s2", 50, 12)];

    expect(expired(entries)).toEqual([{ topUpId: "a", minutes: 70 }]);
  });

  it("uses the oldest top-up first", () => {
    const entries = [topUp("a", 100, 1, 30), topUp("b", 100, 2, 40), session("s", 150, 3)];

    expect(expired(entries)).toEqual([{ topUpId: "b", minutes: 50 }]);
  });

  it("uses an older credit without expiry before a newer expiring one", () => {
    const entries = [topUp("a", 100, 1), topUp("b", 100, 2, 10), session("s", 50, 3)];

    expect(expired(entries)).toEqual([{ topUpId: "b", minutes: 100 }]);
  });

  it("moves to the next top-up once the oldest has expired", () => {
    const entries = [topUp("a", 100, 1, 5), topUp("b", 100, 2, 20), session("s", 60, 6)];

    expect(expired(entries)).toEqual([
      { topUpId: "a", minutes: 100 },
      { topUpId: "b", minutes: 40 },
    ]);
  });

  it("returns expiries in expiry order", () => {
    const entries = [topUp("late", 10, 1, 30), topUp("early", 20, 2, 15)];

    expect(expired(entries).map((due) => due.topUpId)).toEqual(["early", "late"]);
  });

  it("leaves out expiries after now", () => {
    expect(expired([topUp("a", 100, 1, 50)], 49)).toEqual([]);
    expect(expired([topUp("a", 100, 1, 50)], 50)).toEqual([{ topUpId: "a", minutes: 100 }]);
  });

  it("returns nothing for a fully used top-up", () => {
    expect(expired([topUp("a", 100, 1, 10), session("s", 100, 2)])).toEqual([]);
  });

  it("keeps an entry at the expiry instant off the expired top-up", () => {
    const entries = [topUp("a", 100, 1, 10), topUp("b", 100, 2), session("s", 40, 10)];

    expect(expired(entries)).toEqual([{ topUpId: "a", minutes: 100 }]);
  });

  it("pays a negative balance from the next top-up", () => {
    const entries = [session("s", 30, 1), topUp("a", 100, 2, 10)];

    expect(expired(entries)).toEqual([{ topUpId: "a", minutes: 70 }]);
  });

  it("never expires postpaid billings or positive adjustments", () => {
    const entries = [
      entry("p", "POSTPAID_BILLING", 100, 1),
      entry("adj", "ADJUSTMENT", 50, 2),
      topUp("a", 100, 3, 10),
      session("s", 120, 4),
    ];

    expect(expired(entries)).toEqual([{ topUpId: "a", minutes: 100 }]);
  });

  it("skips a top-up whose expiry is recorded", () => {
    const entries = [
      topUp("a", 100, 1, 10),
      topUp("b", 100, 2, 20),
      entry("x", "ADJUSTMENT", -100, 10, { expiredTopUpId: "a" }),
    ];

    expect(expired(entries)).toEqual([{ topUpId: "b", minutes: 100 }]);
  });

  it("counts a recorded expiry that exceeds the remainder as use", () => {
    // A session recorded late, dated before the expiry, used 40 of the 100 minutes that the
    // recorded expiry entry already removed, so 40 more come from the next top-up.
    const entries = [
      topUp("a", 100, 1, 10),
      topUp("b", 100, 2, 20),
      session("late", 40, 3),
      entry("x", "ADJUSTMENT", -100, 10, { expiredTopUpId: "a" }),
    ];

    expect(expired(entries)).toEqual([{ topUpId: "b", minutes: 60 }]);
  });

  it("expires nothing of a reversed top-up", () => {
    const entries = [
      topUp("a", 100, 1, 10),
      entry("ra", "TOP_UP", -100, 2, { reversesId: "a" }),
      topUp("b", 100, 3),
    ];

    expect(expired(entries)).toEqual([]);
  });

  it("takes used minutes of a reversed top-up from the next one", () => {
    const entries = [
      topUp("a", 100, 1),
      session("s", 60, 2),
      topUp("b", 100, 3, 20),
      entry("ra", "TOP_UP", -100, 4, { reversesId: "a" }),
    ];

    expect(expired(entries)).toEqual([{ topUpId: "b", minutes: 40 }]);
  });

  it("gives a reversed session's minutes back to its top-up", () => {
    const entries = [
      topUp("a", 100, 1, 10),
      session("s", 30, 2),
      entry("rs", "SESSION", 30, 3, { reversesId: "s" }),
      session("s2", 20, 4),
    ];

    expect(expired(entries)).toEqual([{ topUpId: "a", minutes: 80 }]);
  });

  it("keeps minutes given back after the expiry as credit", () => {
    const entries = [
      topUp("a", 100, 1, 10),
      session("s", 30, 2),
      entry("rs", "SESSION", 30, 12, { reversesId: "s" }),
      topUp("b", 50, 13, 20),
      session("s2", 30, 14),
    ];

    expect(expired(entries)).toEqual([
      { topUpId: "a", minutes: 70 },
      { topUpId: "b", minutes: 50 },
    ]);
  });

  it("does not depend on the input order", () => {
    const entries = [topUp("a", 100, 1, 10), session("s", 30, 5), topUp("b", 100, 2, 20)];
    const shuffled = [entries[2], entries[1], entries[0]];

    expect(expired(shuffled)).toEqual(expired(entries));
  });
});
