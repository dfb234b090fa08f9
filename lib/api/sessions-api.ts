// The session operations of the public API: each calls the sessions core and shapes its result.
import type { Db } from "@/lib/db/client";
import type { Session } from "@/lib/db/generated/client";
import type { ApiResult } from "@/lib/db/idempotency-records";
import { endSession, recordSession, startSession } from "@/lib/db/sessions";
import type {
  EndSessionInput,
  RecordSessionInput,
  SessionResource,
  StartSessionInput,
} from "@/lib/validations/sessions-api";

import { loadCustomerBalance } from "./customer-balance";

// API clients are machines, not users, so the audit trail has no actor for their writes. The
// request log line names the API key instead.
const apiActor = { source: "API", actorId: null } as const;

/** Starts a session: 201 when created, 200 when the code already existed. */
export async function startApiSession(db: Db, input: StartSessionInput): Promise<ApiResult> {
  const { session, created } = await startSession(db, { ...input, ...apiActor });

  return { status: created ? 201 : 200, body: await toSessionResource(db, session) };
}

/** Ends a session: 200 whether it closed now or was already closed. */
export async function endApiSession(db: Db, input: EndSessionInput): Promise<ApiResult> {
  const { session } = await endSession(db, { ...input, actorId: null });

  return { status: 200, body: await toSessionResource(db, session) };
}

/** Records a finished session: 201 when created, 200 when the code already existed. */
export async function recordApiSession(db: Db, input: RecordSessionInput): Promise<ApiResult> {
  const { session, created } = await recordSession(db, { ...input, ...apiActor });

  return { status: created ? 201 : 200, body: await toSessionResource(db, session) };
}

async function toSessionResource(db: Db, session: Session): Promise<SessionResource> {
  return {
    session: {
      code: session.code,
      status: session.status,
      startedAt: session.startedAt.toISOString(),
      endedAt: session.endedAt?.toISOString() ?? null,
      seconds: session.seconds,
      billedMinutes: session.billedMinutes,
      billable: session.billable,
      billingRule: (session.billingRule as Record<string, unknown> | null) ?? null,
      connectionType: session.connectionType,
      remoteDeviceId: session.remoteDeviceId,
      operatorName: session.operatorName,
    },
    customer: session.customerId ? await loadCustomerBalance(db, session.customerId) : null,
  };
}
