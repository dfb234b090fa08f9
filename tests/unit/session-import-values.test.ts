import { describe, expect, it } from "vitest";

import { instantsOfWallClock } from "@/lib/imports/local-time";
import { parseDurationSeconds, parseSessionTimestamp } from "@/lib/imports/session-values";

const iso = (dates: Date[] | null) => dates?.map((date) => date.toISOString()) ?? null;

describe("parseSessionTimestamp in Italian format", () => {
  it("reads winter time as UTC+1", () => {
    expect(iso(parseSessionTimestamp("14/01/2026 10:30"))).toEqual(["2026-01-14T09:30:00.000Z"]);
  });

  it("reads summer time as UTC+2", () => {
    expect(iso(parseSessionTimestamp("14/05/2026 10:30:15"))).toEqual(["2026-05-14T08:30:15.000Z"]);
  });

  it("accepts one-digit day, month and hour", () => {
    expect(iso(parseSessionTimestamp("4/5/2026 9:05"))).toEqual(["2026-05-04T07:05:00.000Z"]);
  });

  it("accepts a comma after the date", () => {
    expect(iso(parseSessionTimestamp("14/05/2026, 10:30"))).toEqual(["2026-05-14T08:30:00.000Z"]);
  });

  it("reads midnight at the start of the day", () => {
    expect(iso(parseSessionTimestamp("01/03/2026 00:00:00"))).toEqual(["2026-02-28T23:00:00.000Z"]);
  });

  it.each([
    "31/02/2026 10:00",
    "29/02/2025 10:00",
    "00/05/2026 10:00",
    "14/13/2026 10:00",
    "14/05/2026 24:00",
    "14/05/2026 10:60",
    "14/05/2026 10:30:60",
    "14/05/2026",
    "14-05-2026 10:30",
    "14/05/26 10:30",
    "2026/05/14 10:30",
    "",
  ])("rejects %j", (text) => {
    expect(parseSessionTimestamp(text)).toBeNull();
  });
});

describe("parseSessionTimestamp around summer time", () => {
  // In 2026 summer time starts on Sunday 29 March (02:00 becomes 03:00) and ends on Sunday
  // 25 October (03:00 becomes 02:00).
  it("finds no instant for a time skipped in spring", () => {
    expect(parseSessionTimestamp("29/03/2026 02:00")).toEqual([]);
    expect(parseSessionTimestamp("29/03/2026 02:30")).toEqual([]);
    expect(parseSessionTimestamp("29/03/2026 02:59:59")).toEqual([]);
  });

  it("reads the times either side of the spring change", () => {
    expect(iso(parseSessionTimestamp("29/03/2026 01:59:59"))).toEqual(["2026-03-29T00:59:59.000Z"]);
    expect(iso(parseSessionTimestamp("29/03/2026 03:00"))).toEqual(["2026-03-29T01:00:00.000Z"]);
  });

  it("finds both instants of a time repeated in autumn", () => {
    expect(iso(parseSessionTimestamp("25/10/2026 02:30"))).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:30:00.000Z",
    ]);
  });

  it("reads the times either side of the autumn change", () => {
    expect(iso(parseSessionTimestamp("25/10/2026 01:59:59"))).toEqual(["2026-10-24T23:59:59.000Z"]);
    expect(iso(parseSessionTimestamp("25/10/2026 03:00"))).toEqual(["2026-10-25T02:00:00.000Z"]);
  });

  it("follows the change dates of other years", () => {
    // 2018: 25 March and 28 October, the period of the TeamViewer sample.
    expect(parseSessionTimestamp("25/03/2018 02:15")).toEqual([]);
    expect(iso(parseSessionTimestamp("28/10/2018 02:15"))).toHaveLength(2);
    expect(iso(parseSessionTimestamp("22/04/2018 03:53:32"))).toEqual(["2018-04-22T01:53:32.000Z"]);
  });
});

describe("parseSessionTimestamp in ISO 8601", () => {
  it("reads UTC with Z", () => {
    expect(iso(parseSessionTimestamp("2026-05-14T08:30:00Z"))).toEqual([
      "2026-05-14T08:30:00.000Z",
    ]);
  });

  it("reads an offset in every spelling", () => {
    const expected = ["2026-05-14T08:30:00.000Z"];

    expect(iso(parseSessionTimestamp("2026-05-14T10:30:00+02:00"))).toEqual(expected);
    expect(iso(parseSessionTimestamp("2026-05-14T10:30:00+0200"))).toEqual(expected);
    expect(iso(parseSessionTimestamp("2026-05-14T10:30:00+02"))).toEqual(expected);
    expect(iso(parseSessionTimestamp("2026-05-14T06:30:00-02:00"))).toEqual(expected);
  });

  it("keeps milliseconds and drops smaller fractions", () => {
    expect(iso(parseSessionTimestamp("2026-05-14T08:30:00.1234567Z"))).toEqual([
      "2026-05-14T08:30:00.123Z",
    ]);
  });

  it("reads a time without offset as Italian wall-clock time", () => {
    expect(iso(parseSessionTimestamp("2026-05-14 10:30"))).toEqual(["2026-05-14T08:30:00.000Z"]);
    expect(parseSessionTimestamp("2026-03-29T02:30:00")).toEqual([]);
  });

  it("does not apply summer time to an instant with an offset", () => {
    expect(iso(parseSessionTimestamp("2026-03-29T02:30:00+01:00"))).toEqual([
      "2026-03-29T01:30:00.000Z",
    ]);
  });

  it.each([
    "2026-02-30T10:00:00Z",
    "2026-05-14T25:00:00Z",
    "2026-05-14T10:00:00+24:00",
    "2026-05-14T10:00:00+02:60",
    "2026-05-14",
    "2026-5-14T10:00:00Z",
  ])("rejects %j", (text) => {
    expect(parseSessionTimestamp(text)).toBeNull();
  });
});

describe("parseDurationSeconds", () => {
  it.each([
    ["0", 0],
    ["754", 754],
    ["0:12:34", 754],
    ["00:12:34", 754],
    ["27:00:00", 97_200],
    ["-30", -30],
    ["-0:00:30", -30],
    ["-0", 0],
  ])("reads %j as %i seconds", (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it.each(["", "12.5", "12,5", "1:60:00", "1:00:60", "12:34", "1h", "--5", "1 000"])(
    "rejects %j",
    (text) => {
      expect(parseDurationSeconds(text)).toBeNull();
    },
  );
});

describe("instantsOfWallClock", () => {
  it("returns one instant on an ordinary day", () => {
    const instants = instantsOfWallClock({
      year: 2026,
      month: 7,
      day: 1,
      hour: 12,
      minute: 0,
      second: 0,
    });

    expect(iso(instants)).toEqual(["2026-07-01T10:00:00.000Z"]);
  });
});
