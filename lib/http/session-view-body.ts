// JSON body of GET /api/sessions/:code/view, which the operator console polls. Dates are ISO
// strings, since JSON has no date type.
import type { SessionView } from "@/lib/db/sessions/get-session-view";
import type { SessionProjection } from "@/lib/domain/session-projection";

export interface SessionViewBody {
  session: {
    code: string;
    status: "RUNNING" | "CLOSED";
    source: "API" | "MANUAL" | "IMPORT";
    startedAt: string;
    endedAt: string | null;
    seconds: number | null;
    billedMinutes: number | null;
    // Session.billingRule as stored; see lib/domain/billing-explanation.ts.
    billingRule: unknown;
    billable: boolean;
    exhaustedCredit: "CONTINUE" | "ASK_TOP_UP" | null;
    operatorName: string | null;
    remoteDeviceId: string | null;
    connectionType: string | null;
  };
  customer: SessionView["customer"];
  contract: { number: string } | null;
  residualBeforeMinutes: number | null;
  projection: SessionProjection | null;
}

export function sessionViewBody(view: SessionView): SessionViewBody {
  const { session } = view;

  return {
    session: {
      code: session.code,
      status: session.status,
      source: session.source,
      startedAt: session.startedAt.toISOString(),
      endedAt: session.endedAt?.toISOString() ?? null,
      seconds: session.seconds,
      billedMinutes: session.billedMinutes,
      billingRule: session.billingRule,
      billable: session.billable,
      exhaustedCredit: session.exhaustedCredit,
      operatorName: session.operatorName,
      remoteDeviceId: session.remoteDeviceId,
      connectionType: session.connectionType,
    },
    customer: view.customer,
    contract: view.contract ? { number: view.contract.number } : null,
    residualBeforeMinutes: view.residualBeforeMinutes,
    projection: view.projection,
  };
}
