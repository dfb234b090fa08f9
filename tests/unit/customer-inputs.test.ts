import { describe, expect, it } from "vitest";

import { MAX_CODE_LENGTH } from "@/lib/imports/limits";
import { checkTaxCode } from "@/lib/imports/registry-checks";
import { contractInputSchema } from "@/lib/validations/contract";
import { customerInputSchema } from "@/lib/validations/customer";

function issues(schema: typeof customerInputSchema | typeof contractInputSchema, input: unknown) {
  const result = schema.safeParse(input);

  return result.success
    ? []
    : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

const customer = {
  code: "C1",
  name: "Rossi Srl",
  billingMode: "PREPAID",
  lowBalanceKind: "MINUTES",
};

describe("customer input", () => {
  it("accepts the minimum fields", () => {
    expect(issues(customerInputSchema, customer)).toEqual([]);
  });

  it("rejects a VAT number with a wrong check digit", () => {
    expect(issues(customerInputSchema, { ...customer, vatNumber: "01234567890" })).toEqual([
      ["vatNumber", "customer.vatNumberInvalid"],
    ]);
  });

  it("accepts a code as long as imports allow", () => {
    const code = "C".repeat(MAX_CODE_LENGTH);

    expect(MAX_CODE_LENGTH).toBe(64);
    expect(issues(customerInputSchema, { ...customer, code })).toEqual([]);
    expect(issues(customerInputSchema, { ...customer, code: `${code}1` })).toEqual([
      ["code", "customer.codeTooLong"],
    ]);
  });

  it("rejects a blank code and name", () => {
    expect(issues(customerInputSchema, { ...customer, code: " ", name: "" })).toEqual([
      ["code", "customer.codeRequired"],
      ["name", "customer.nameRequired"],
    ]);
  });

  it("rejects a percentage threshold over 100", () => {
    const input = {
      ...customer,
      lowBalanceKind: "PERCENT_OF_LAST_TOP_UP",
      lowBalanceThreshold: "150",
    };

    expect(issues(customerInputSchema, input)).toEqual([
      ["lowBalanceThreshold", "customer.thresholdPercentInvalid"],
    ]);
  });

  it("rejects a negative threshold", () => {
    expect(issues(customerInputSchema, { ...customer, lowBalanceThreshold: "-5" })).toEqual([
      ["lowBalanceThreshold", "customer.thresholdInvalid"],
    ]);
  });

  it("checks the tax code like the registry import", () => {
    const valid = { ...customer, taxCode: "rssmra85t10a562s" };
    const wrongCheckLetter = { ...customer, taxCode: "RSSMRA85T10A562T" };

    expect(customerInputSchema.parse(valid).taxCode).toBe("RSSMRA85T10A562S");
    expect(checkTaxCode("RSSMRA85T10A562T")).toMatchObject({ kind: "invalidTaxCode" });
    expect(issues(customerInputSchema, wrongCheckLetter)).toEqual([
      ["taxCode", "customer.taxCodeInvalid"],
    ]);
  });

  it("rejects malformed registry fields", () => {
    const input = {
      ...customer,
      taxCode: "ABC",
      province: "Milano",
      postalCode: "2010",
      email: "x@",
    };

    expect(issues(customerInputSchema, input).map(([, message]) => message)).toEqual([
      "customer.taxCodeInvalid",
      "customer.provinceInvalid",
      "customer.postalCodeInvalid",
      "customer.emailInvalid",
    ]);
  });
});

describe("contract input", () => {
  it("rejects an end before the start", () => {
    const input = { number: "A1", startsOn: "2026-05-01", endsOn: "2026-04-30" };

    expect(issues(contractInputSchema, input)).toEqual([["endsOn", "contract.endBeforeStart"]]);
  });

  it("accepts an open end and stores UTC midnights", () => {
    const parsed = contractInputSchema.parse({ number: "A1", startsOn: "01/05/2026", endsOn: "" });

    expect(parsed.startsOn.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(parsed.endsOn).toBeNull();
  });

  it("rejects a missing start", () => {
    expect(issues(contractInputSchema, { number: "A1", startsOn: "" })).toEqual([
      ["startsOn", "contract.startInvalid"],
    ]);
  });
});
