// Reads minutes typed by a person. Italian users write thousands with a dot ("1.200"), so a dot
// followed by groups of exactly three digits is a thousands separator. Anything else that is not a
// plain whole number is rejected rather than guessed: "1,5", "1.5", "1e2", "0x10", true.

export type MinutesInput =
  | { ok: true; minutes: number }
  | {
      ok: false;
      messageKey: "ledger.minutesRequired" | "ledger.minutesNotInteger" | "ledger.minutesNotNumber";
    };

const WHOLE = /^[+-]?\d+$/;
const GROUPED = /^[+-]?\d{1,3}(\.\d{3})+$/;
const DECIMAL = /^[+-]?\d+[.,]\d+$/;

export function parseMinutesInput(value: unknown): MinutesInput {
  if (value === null || value === undefined)
    return { ok: false, messageKey: "ledger.minutesRequired" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, messageKey: "ledger.minutesNotNumber" };

    return Number.isInteger(value)
      ? { ok: true, minutes: value }
      : { ok: false, messageKey: "ledger.minutesNotInteger" };
  }
  if (typeof value !== "string") return { ok: false, messageKey: "ledger.minutesNotNumber" };

  const text = value.trim().replace(/\s+/g, "");
  if (text === "") return { ok: false, messageKey: "ledger.minutesRequired" };
  if (WHOLE.test(text)) return { ok: true, minutes: Number(text) };
  if (GROUPED.test(text)) return { ok: true, minutes: Number(text.replace(/\./g, "")) };
  if (DECIMAL.test(text)) return { ok: false, messageKey: "ledger.minutesNotInteger" };

  return { ok: false, messageKey: "ledger.minutesNotNumber" };
}
