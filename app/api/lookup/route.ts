// GET /api/lookup?q= – customers matching a code or name, with their residual minutes
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { lookupBalances } from "@/lib/db/balance-lookup";
import { getDb } from "@/lib/db/client";
import { handleRoute } from "@/lib/http/respond";

export const GET = handleRoute("lookup", async (request: Request) => {
  await requirePermission("lookupBalance");
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);

  const results = await lookupBalances(getDb(), query);

  return NextResponse.json({ results }, { headers: { "Cache-Control": "no-store" } });
});
