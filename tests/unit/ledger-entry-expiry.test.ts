import { describe, expect, it } from "vitest";

import { ledgerEntryInputSchema } from "@/lib/validations/ledger-entry";

function issuesOf(input: Record<string, unknown>) {
  const result = ledgerEntryInputSchema.safeParse(input);

  return result.success
    ? []
    : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

const nextYear = new Date().getUTCFullYear() + 1;

describe("ledger entry expiry input", () => {
  it("expires at the end of the chosen day in Rome", () => {
    const parsed = ledgerEntryInputSchema.parse({
      kind: "TOP_UP",
      minutes: "600",
      expiresOn: `${nextYear}-01-31`,
    });

    // Midnight of 1 February in Rome is 23:00 UTC of 31 January (winter time).
    expect(parsed.expiresAt).toEqual(new Date(`${nextYear}-01-31T23:00:00Z`));
  });

  it("leaves an empty date without expiry", () => {
    const parsed = ledgerEntryInputSchema.parse({ kind: "TOP_UP", minutes: 60, expiresOn: "" });

    expect(parsed.expiresAt).toBeNull();
  });

  it("rejects a date in the past", () => {
    expect(issuesOf({ kind: "TOP_UP", minutes: 60, expiresOn: "2020-05-01" })).toEqual([
      ["expiresOn", "ledger.expiryInPast"],
    ]);
  });

  it("rejects an expiry on other kinds", () => {
    expect(issuesOf({ kind: "ADJUSTMENT", minutes: 60, expiresOn: `${nextYear}-05-01` })).toEqual([
      ["expiresOn", "ledger.expiryOnlyTopUp"],
    ]);
  });

  it("rejects an impossible date", () => {
    expect(issuesOf({ kind: "TOP_UP", minutes: 60, expiresOn: `${nextYear}-02-30` })).toEqual([
      ["expiresOn", "ledger.expiryInvalid"],
    ]);
  });
});
