import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db } from "../client";
import type { ExhaustedCreditDecision, Session } from "../generated/client";

/**
 * Stores what the operator chose when the customer's credit ran out during session `code`:
 * CONTINUE (assist anyway) or ASK_TOP_UP (stop and ask for a top-up). A later decision replaces
 * the earlier one, and both stay in the audit trail. Throws NOT_FOUND (`session.unknownCode`).
 */
export async function recordExhaustedCreditDecision(
  db: Db,
  options: { code: string; decision: ExhaustedCreditDecision; actorId: string | null },
): Promise<Session> {
  return db.$transaction(async (tx) => {
    const before = await tx.session.findUnique({ where: { code: options.code } });
    if (!before) {
      throw new AppError("NOT_FOUND", "session.unknownCode", { values: { code: options.code } });
    }

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
