// Billing rules: the settings that turn a session's real seconds into billed minutes, their
// defaults, and how a customer's override combines with the global settings.
import { z } from "zod";

import { AppError, type FieldIssue } from "@/lib/errors";
import { formatInteger } from "@/lib/i18n/format";

// The upper bounds only catch typing errors, such as seconds entered as minutes or an extra zero.
// One day is far beyond any rounding, minimum or reconnection gap that a support contract sets.
export const MAX_RULE_MINUTES = 1440;
export const MAX_IGNORE_SECONDS = 3600;
// A session's connection type is at most this long (the API's limit), so a longer one could never
// match a session.
export const MAX_CONNECTION_TYPE_LENGTH = 50;

export interface BillingRules {
  // Billed minutes are rounded up to a multiple of this, for example 1, 5 or 15.
  roundingIncrementMinutes: number;
  // Minimum charge of a billed session in minutes. 0 means no minimum.
  minimumBilledMinutes: number;
  // Sessions (or merged groups) shorter than this many seconds are not billed.
  ignoreShorterThanSeconds: number;
  // Reconnections to the same customer within this many minutes are billed as one session.
  // 0 turns merging off.
  mergeGapMinutes: number;
  // Connection types that are billed, compared without regard to case. Other types, such as a
  // TeamViewer "Filetransfer", are recorded with 0 billed minutes.
  billableConnectionTypes: string[];
}

/**
 * Rules that apply when neither the settings nor the customer set a value.
 *
 * - Increment 1 and minimum 1: every started minute is billed and nothing more, which is what a
 *   customer can check against the tool's own log. Coarser increments are a contract choice.
 * - Sessions under 60 seconds are ignored: such connections are mostly reachability checks or
 *   connections opened by mistake, and billing them is the usual cause of disputed statements.
 * - Merging is off: it moves minutes between sessions, so a company turns it on knowingly, with
 *   the gap its contracts state.
 * - Only remote control is billed: file transfers and other connection types accompany the
 *   assistance rather than being assistance themselves.
 */
export const DEFAULT_BILLING_RULES: Readonly<BillingRules> = Object.freeze({
  roundingIncrementMinutes: 1,
  minimumBilledMinutes: 1,
  ignoreShorterThanSeconds: 60,
  mergeGapMinutes: 0,
  billableConnectionTypes: ["RemoteControl"],
});

// Message key under `errors.` and the limits it shows, formatted, for each field.
const fieldMessages: Record<keyof BillingRules, { key: string; values: Record<string, string> }> = {
  roundingIncrementMinutes: {
    key: "session.roundingIncrementInvalid",
    values: { max: formatInteger(MAX_RULE_MINUTES) },
  },
  minimumBilledMinutes: {
    key: "session.minimumBilledMinutesInvalid",
    values: { max: formatInteger(MAX_RULE_MINUTES) },
  },
  ignoreShorterThanSeconds: {
    key: "session.ignoreShorterThanInvalid",
    values: { max: formatInteger(MAX_IGNORE_SECONDS) },
  },
  mergeGapMinutes: {
    key: "session.mergeGapInvalid",
    values: { max: formatInteger(MAX_RULE_MINUTES) },
  },
  billableConnectionTypes: { key: "session.billableConnectionTypesInvalid", values: {} },
};

function wholeNumber(field: keyof BillingRules, min: number, max: number) {
  const error = fieldMessages[field].key;

  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const connectionTypesError = fieldMessages.billableConnectionTypes.key;
const connectionTypeSchema = z
  .string({ error: connectionTypesError })
  .trim()
  .min(1, { error: connectionTypesError })
  .max(MAX_CONNECTION_TYPE_LENGTH, { error: connectionTypesError });

// Stored rules are JSON numbers, so nothing is coerced here. A form that edits the rules parses
// its strings with its own schema and passes numbers in.
export const billingRulesSchema = z.strictObject({
  roundingIncrementMinutes: wholeNumber("roundingIncrementMinutes", 1, MAX_RULE_MINUTES),
  minimumBilledMinutes: wholeNumber("minimumBilledMinutes", 0, MAX_RULE_MINUTES),
  ignoreShorterThanSeconds: wholeNumber("ignoreShorterThanSeconds", 0, MAX_IGNORE_SECONDS),
  mergeGapMinutes: wholeNumber("mergeGapMinutes", 0, MAX_RULE_MINUTES),
  // An empty list would silently stop billing every session, so at least one type is required.
  billableConnectionTypes: z
    .array(connectionTypeSchema, { error: connectionTypesError })
    .min(1, { error: connectionTypesError }),
});

// The global setting and a customer's override both set only the fields they change.
export const billingRulesOverrideSchema = billingRulesSchema.partial();

export type BillingRulesOverride = z.infer<typeof billingRulesOverrideSchema>;

export type BillingRulesSource = "settings" | "customer";

/**
 * Resolves the rules that apply to one customer: the defaults, then the global setting, then the
 * customer's override, each later field winning. `null` or `undefined` means "nothing set".
 *
 * Throws a VALIDATION AppError (`session.settingsRulesInvalid` or `session.customerRulesInvalid`)
 * whose fields name each invalid or unknown field, so the administrator can see what to fix.
 */
export function resolveBillingRules(options: {
  settings?: unknown;
  customer?: unknown;
}): BillingRules {
  const settings = parseOverride(options.settings, "settings");
  const customer = parseOverride(options.customer, "customer");

  return { ...DEFAULT_BILLING_RULES, ...settings, ...customer };
}

function parseOverride(value: unknown, source: BillingRulesSource): BillingRulesOverride {
  if (value === null || value === undefined) return {};

  const result = billingRulesOverrideSchema.safeParse(value);
  if (result.success) return withoutUndefined(result.data);

  const messageKey =
    source === "settings" ? "session.settingsRulesInvalid" : "session.customerRulesInvalid";

  throw new AppError("VALIDATION", messageKey, {
    fields: result.error.issues.flatMap(issueToFields),
    cause: result.error,
  });
}

// `{ mergeGapMinutes: undefined }` must not erase the value set by an earlier source.
function withoutUndefined(override: BillingRulesOverride): BillingRulesOverride {
  return Object.fromEntries(
    Object.entries(override).filter(([, value]) => value !== undefined),
  ) as BillingRulesOverride;
}

function issueToFields(issue: z.core.$ZodIssue): FieldIssue[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      field: key,
      message: "session.rulesUnknownField",
      values: { field: key },
    }));
  }

  const field = issue.path[0];
  if (typeof field === "string" && field in fieldMessages) {
    const { key, values } = fieldMessages[field as keyof BillingRules];

    return [{ field, message: key, values }];
  }

  // The value as a whole is not an object.
  return [{ field: "billingRules", message: "session.rulesNotObject" }];
}
