// POST /api/v1/sessions – records a finished session and charges its minutes
import { methodNotAllowed } from "@/lib/api/api-errors";
import { apiRoute } from "@/lib/api/api-route";
import { recordApiSession } from "@/lib/api/sessions-api";
import { getDb } from "@/lib/db/client";
import { recordSessionInputSchema } from "@/lib/validations/sessions-api";

export const POST = apiRoute({
  name: "v1.sessions.record",
  scope: "sessions:write",
  schema: recordSessionInputSchema,
  kind: "write",
  run: (input) => recordApiSession(getDb(), input),
});

const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as DELETE, otherMethod as GET, otherMethod as PATCH, otherMethod as PUT };
