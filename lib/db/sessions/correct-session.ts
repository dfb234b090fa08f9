import { AppError } from "@/lib/errors";
import type { SessionCorrection } from "@/lib/validations/session-correction";

import type { Db } from "../client";
import type { Session } from "../generated/client";
import { updateSession } from "./update-session";

/**
 * Applies an administrator's correction to session `code`, naming the new customer by its code,
 * through updateSession, which reverses and re-appends ledger entries. Throws NOT_FOUND
 * (`session.unknownCode`, `session.correctionUnknownCustomerCode`).
 */
export async function correctSession(
  db: Db,
  options: { code: string; correction: SessionCorrection; actorId: string },
): Promise<Session> {
  const { code, correction } = options;
  const session = await db.session.findUnique({ where: { code }, select: { id: true } });
  if (!session) throw new AppError("NOT_FOUND", "session.unknownCode", { values: { code } });

  let customerId: string | undefined;
  if (correction.customerCode !== undefined) {
    const customer = await db.customer.findUnique({
      where: { code: correction.customerCode },
      select: { id: true },
    });
    if (!customer) {
      const values = { customerCode: correction.customerCode };
      const message = "session.correctionUnknownCustomerCode";
      throw new AppError("NOT_FOUND", message, {
        values,
        fields: [{ field: "customerCode", message, values }],
      });
    }
    customerId = customer.id;
  }

  return updateSession(db, {
    id: session.id,
    customerId,
    billable: correction.billable,
    reason: correction.reason,
    actorId: options.actorId,
  });
}
