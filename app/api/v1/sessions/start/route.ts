// POST /api/v1/sessions/start – starts a session, or returns the running one with the same code
import { methodNotAllowed } from "@/lib/api/api-errors";
import { apiRoute } from "@/lib/api/api-route";
import { startApiSession } from "@/lib/api/sessions-api";
import { getDb } from "@/lib/db/client";
import { startSessionInputSchema } from "@/lib/validations/sessions-api";

export const POST = apiRoute({
  name: "v1.sessions.start",
  scope: "sessions:write",
  schema: startSessionInputSchema,
  kind: "write",
  run: (input) => startApiSession(getDb(), input),
});

const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as DELETE, otherMethod as GET, otherMethod as PATCH, otherMethod as PUT };
