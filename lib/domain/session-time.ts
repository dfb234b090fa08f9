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
