import { describe, expect, it } from "vitest";

import { resolveBillingRules } from "@/lib/domain/billing-rules";
import { assertValidChange, MAX_ENTRY_MINUTES } from "@/lib/domain/ledger";
import type { Locale } from "@/lib/i18n/config";
import { type ErrorBody, errorResponse } from "@/lib/http/respond";

// Runs `action`, which must throw, and returns the error as the API sends it in `locale`.
async function errorBody(action: () => unknown, locale: Locale): Promise<ErrorBody["error"]> {
  let thrown: unknown = null;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).not.toBeNull();

  const response = await errorResponse(thrown, {}, locale);
  const body = (await response.json()) as ErrorBody;

  return body.error;
}

const tooLarge = () => assertValidChange({ kind: "TOP_UP", minutes: MAX_ENTRY_MINUTES + 1 });
const rulesTooLarge = () =>
  resolveBillingRules({
    settings: { roundingIncrementMinutes: 2000, ignoreShorterThanSeconds: 5000 },
  });

describe("limits in error messages", () => {
  it("groups the maximum entry in Italian", async () => {
    const error = await errorBody(tooLarge, "it");

    expect(error.message).toBe("Un movimento può essere al massimo di 1.000.000 minuti.");
  });

  it("groups the maximum entry in English", async () => {
    const error = await errorBody(tooLarge, "en");

    // Numbers follow Italian conventions in both languages.
    expect(error.message).toBe("One entry can change at most 1.000.000 minutes.");
  });

  it("groups the billing rule limits", async () => {
    const error = await errorBody(rulesTooLarge, "it");
    const messages = error.fields?.map((field) => field.message);

    expect(messages).toContain(
      "L'arrotondamento deve essere un numero intero di minuti da 1 a 1.440.",
    );
    expect(messages).toContain(
      "La soglia sotto cui le teleassistenze sono ignorate deve essere un numero intero di secondi da 0 a 3.600.",
    );
  });
});
