import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { previewOpeningBalances } from "@/lib/db/opening-balances";
import { readOpeningBalanceRequest } from "@/lib/imports/opening-balance-request";
import { handleRoute } from "@/lib/http/respond";

// POST /api/imports/opening-balances/preview – matches the rows with customers, writing nothing
export const POST = handleRoute("imports.openingBalances.preview", async (request: Request) => {
  await requirePermission("importOpeningBalances");
  const input = await readOpeningBalanceRequest(request);

  return NextResponse.json(await previewOpeningBalances(getDb(), input));
});
