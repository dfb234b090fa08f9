import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db } from "../client";
import type { ExhaustedCreditDecision, Session } from "../generated/client";
import { getSessionView } from "./get-session-view";

/**
 * Stores what the operator chose when the customer's credit ran out during session `code`:
 * CONTINUE (assist anyway) or ASK_TOP_UP (stop and ask for a top-up). A later decision replaces
 * the earlier one, and every decision is audited with the one it replaced.
 *
 * Throws NOT_FOUND (`session.unknownCode`), and CONFLICT (`session.decisionNotNeeded`) unless the
 * session is running for a prepaid customer whose credit it exhausts, as the console projects
 * it at `now`.
 */
export async function recordExhaustedCreditDecision(
  db: Db,
  options: {
    code: string;
    decision: ExhaustedCreditDecision;
    actorId: string | null;
    now?: Date;
  },
): Promise<Session> {
  const view = await getSessionView(db, { code: options.code, now: options.now });
  const needed = view.session.status === "RUNNING" && view.projection?.exhausted === true;
  if (!needed) {
    const values = { code: options.code };
    throw new AppError("CONFLICT", "session.decisionNotNeeded", {
      values,
      fields: [{ field: "decision", message: "session.decisionNotNeeded", values }],
    });
  }

  return db.$transaction(async (tx) => {
    const before = await tx.session.findUniqueOrThrow({ where: { id: view.session.id } });
    const session = await tx.session.update({
      where: { id: before.id },
      data: { exhaustedCredit: options.decision },
    });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "session.exhaustedCreditDecision",
      entityType: "Session",
      entityId: session.id,
      before: { exhaustedCredit: before.exhaustedCredit },
      after: { exhaustedCredit: session.exhaustedCredit },
    });

    return session;
  });
}
