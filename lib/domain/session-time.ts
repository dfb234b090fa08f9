// Checks on the instants that clients send for a session. Clocks of the operators' PCs and of the
// remote-control tools drift, so an instant slightly ahead of the server is accepted.
import { AppError } from "@/lib/errors";

// Five minutes covers ordinary clock drift between a client and the server. An instant further
// ahead is almost always a wrong date or a wrong time zone offset.
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Throws a VALIDATION AppError (`session.startInFuture` or `session.endInFuture`) when `instant`
 * is more than FUTURE_TOLERANCE_MS after `now`. The error names the field and the session code.
 */
export function assertNotInFuture(options: {
  instant: Date;
  now: Date;
  field: "startedAt" | "endedAt";
  code: string;
}): void {
  const { instant, now, field, code } = options;
  if (instant.getTime() - now.getTime() <= FUTURE_TOLERANCE_MS) return;

  const messageKey = field === "startedAt" ? "session.startInFuture" : "session.endInFuture";
  const values = {
    code,
    value: instant.toISOString(),
    toleranceMinutes: FUTURE_TOLERANCE_MS / 60_000,
  };

  throw new AppError("VALIDATION", messageKey, {
    values,
    fields: [{ field, message: messageKey, values }],
  });
}

// Remote assistance is counted in minutes or hours. A session longer than a day is a wrong date or
// a connection left open, and billing it would take days of credit, so it is rejected instead.
export const MAX_SESSION_SECONDS = 24 * 60 * 60;
// Finished sessions reach the API within hours. A start older than a year is a wrong date, such
// as a default of 1900, and older connection logs go through the log import.
export const MAX_RECORDED_START_AGE_MS = 366 * 24 * 60 * 60_000;

/**
 * Throws a VALIDATION AppError (`session.tooLong`) on `field` when `seconds` exceeds
 * MAX_SESSION_SECONDS.
 */
export function assertSessionDuration(options: {
  seconds: number;
  code: string;
  field: "endedAt" | "durationSeconds";
}): void {
  if (options.seconds <= MAX_SESSION_SECONDS) return;

  const values = { code: options.code, maxHours: MAX_SESSION_SECONDS / 3600 };
  throw new AppError("VALIDATION", "session.tooLong", {
    values,
    fields: [{ field: options.field, message: "session.tooLong", values }],
  });
}

/**
 * Throws a VALIDATION AppError (`session.startTooOld`) when `startedAt` is more than `maxAgeMs`
 * before `now`. A running session must start within MAX_SESSION_SECONDS of now, because it
 * could not end later. A recorded one must start within MAX_RECORDED_START_AGE_MS.
 */
export function assertStartNotTooOld(options: {
  startedAt: Date;
  now: Date;
  maxAgeMs: number;
  code: string;
}): void {
  const { startedAt, now, maxAgeMs, code } = options;
  if (now.getTime() - startedAt.getTime() <= maxAgeMs) return;

  const values = {
    code,
    value: startedAt.toISOString(),
    limit: new Date(now.getTime() - maxAgeMs).toISOString(),
  };
  throw new AppError("VALIDATION", "session.startTooOld", {
    values,
    fields: [{ field: "startedAt", message: "session.startTooOld", values }],
  });
}
