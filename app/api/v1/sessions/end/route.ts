// POST /api/v1/sessions/end – ends a running session and charges its minutes
import { methodNotAllowed } from "@/lib/api/api-errors";
import { apiRoute } from "@/lib/api/api-route";
import { endApiSession } from "@/lib/api/sessions-api";
import { getDb } from "@/lib/db/client";
import { endSessionInputSchema } from "@/lib/validations/sessions-api";

export const POST = apiRoute({
  name: "v1.sessions.end",
  scope: "sessions:write",
  schema: endSessionInputSchema,
  kind: "write",
  run: (input) => endApiSession(getDb(), input),
});

const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as DELETE, otherMethod as GET, otherMethod as PATCH, otherMethod as PUT };
