// Sessions: start, end, record, assign and correct remote-assistance sessions. Every function
// that changes minutes appends ledger entries through lib/db/ledger.ts in one transaction.
export { assignSessions, MAX_SESSIONS_PER_ASSIGNMENT } from "./assign-sessions";
export {
  BILLING_RULES_SETTING,
  getCustomerBillingRules,
  getGlobalBillingRules,
  setGlobalBillingRules,
} from "./billing-settings";
export { endSession, type EndSessionOptions, type EndSessionOutcome } from "./end-session";
export {
  findDeviceCustomerId,
  findSessionCustomer,
  type SessionCustomer,
} from "./find-session-customer";
export { getSessionView, type SessionView } from "./get-session-view";
export { recordExhaustedCreditDecision } from "./record-exhausted-credit-decision";
export {
  recordSession,
  type RecordSessionOptions,
  recordSessionInTransaction,
} from "./record-session";
export { sessionIdempotencyKey } from "./session-billing";
export {
  type SessionDetails,
  type SessionOutcome,
  startSession,
  type StartSessionOptions,
} from "./start-session";
export { updateSession, type UpdateSessionOptions } from "./update-session";
