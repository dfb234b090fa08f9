// Reading back the explanation stored with a session (Session.billingRule), which the interface
// turns into a sentence such as "minimum charge of 15 minutes applied".
import { z } from "zod";

import type { BillingExplanation } from "./bill-session";

const seconds = z.number().int().min(0);
const mergedCodes = z.array(z.string()).optional();

const explanationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("NOT_BILLABLE_TYPE"),
    connectionType: z.string(),
    realSeconds: seconds,
  }),
  z.object({
    kind: z.literal("TOO_SHORT"),
    thresholdSeconds: seconds,
    realSeconds: seconds,
    mergedCodes,
  }),
  z.object({
    kind: z.literal("ROUNDED"),
    incrementMinutes: z.number().int().min(1),
    realSeconds: seconds,
    mergedCodes,
  }),
  z.object({
    kind: z.literal("MINIMUM"),
    minimumMinutes: z.number().int().min(0),
    roundedMinutes: z.number().int().min(0),
    realSeconds: seconds,
    mergedCodes,
  }),
  z.object({ kind: z.literal("MERGED"), into: z.string() }),
]);

/**
 * Returns the stored explanation, or null when there is none or it has another shape: sessions
 * written before explanations were stored, or by a tool that bills on its own, have none.
 */
export function parseBillingExplanation(value: unknown): BillingExplanation | null {
  const result = explanationSchema.safeParse(value);

  return result.success ? result.data : null;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Describes a stored explanation with the `sessions.billingRule` messages; `t` is a translator
 * of the `sessions` namespace. Returns null when there is no readable explanation.
 */
export function describeBillingExplanation(t: Translate, value: unknown): string | null {
  const rule = parseBillingExplanation(value);
  if (!rule) return null;

  let text: string;
  switch (rule.kind) {
    case "NOT_BILLABLE_TYPE":
      return t("billingRule.NOT_BILLABLE_TYPE", { connectionType: rule.connectionType });
    case "TOO_SHORT":
      text = t("billingRule.TOO_SHORT", { thresholdSeconds: rule.thresholdSeconds });
      break;
    case "ROUNDED":
      text = t("billingRule.ROUNDED", { incrementMinutes: rule.incrementMinutes });
      break;
    case "MINIMUM":
      text = t("billingRule.MINIMUM", {
        minimumMinutes: rule.minimumMinutes,
        roundedMinutes: rule.roundedMinutes,
      });
      break;
    case "MERGED":
      return t("billingRule.MERGED", { into: rule.into });
  }

  const merged = rule.mergedCodes?.length ?? 0;

  return merged > 0 ? `${text}. ${t("billingRule.mergedCount", { count: merged })}` : text;
}
