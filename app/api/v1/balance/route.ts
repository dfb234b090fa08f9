// GET /api/v1/balance?customerCode= or ?deviceId= – a customer's residual minutes
import { methodNotAllowed } from "@/lib/api/api-errors";
import { apiRoute } from "@/lib/api/api-route";
import { getApiBalance } from "@/lib/api/customer-balance";
import { getPool } from "@/lib/db/client";
import { balanceQuerySchema } from "@/lib/validations/sessions-api";

export const GET = apiRoute({
  name: "v1.balance",
  scope: "balance:read",
  schema: balanceQuerySchema,
  kind: "read",
  run: async (query, _client, timing) => ({
    status: 200,
    body: await timing.measure("db", () => getApiBalance(getPool(), query)),
  }),
});

const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as DELETE, otherMethod as PATCH, otherMethod as POST, otherMethod as PUT };
