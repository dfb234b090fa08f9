import { assertNotInFuture } from "@/lib/domain/session-time";
import { AppError } from "@/lib/errors";

import type { Db } from "../client";
import { runLedgerTransaction } from "../ledger";
import { closeAndBill, lockSessionByCode } from "./session-billing";
import type { SessionOutcome } from "./start-session";

export interface EndSessionOptions {
  code: string;
  // Defaults to `now`.
  endedAt?: Date;
  actorId: string | null;
  now?: Date;
}

export interface EndSessionOutcome {
  session: SessionOutcome["session"];
  // False when the session was already closed and was returned unchanged.
  closed: boolean;
}

/**
 * Closes the RUNNING session `code` and, when it has a customer and is billable, charges its
 * minutes in the same transaction. Ending a CLOSED session returns it unchanged and charges
 * nothing, so a retried end is safe. The session's row lock makes concurrent ends of one code
 * wait for each other, and only the first one closes it.
 *
 * Throws NOT_FOUND (`session.unknownCode`) for an unknown code, and VALIDATION
 * (`session.endBeforeStart`, `session.endInFuture`) for an end that cannot be right.
 */
export async function endSession(db: Db, options: EndSessionOptions): Promise<EndSessionOutcome> {
  const now = options.now ?? new Date();
  const endedAt = options.endedAt ?? now;

  return runLedgerTransaction(db, async (tx) => {
    const session = await lockSessionByCode(tx, options.code);
    if (!session) {
      const values = { code: options.code };
      throw new AppError("NOT_FOUND", "session.unknownCode", {
        values,
        fields: [{ field: "code", message: "session.unknownCode", values }],
      });
    }
    if (session.status === "CLOSED") return { session, closed: false };

    assertNotInFuture({ instant: endedAt, now, field: "endedAt", code: session.code });
    const closed = await closeAndBill(tx, { session, endedAt, actorId: options.actorId });

    return { session: closed, closed: true };
  });
}
