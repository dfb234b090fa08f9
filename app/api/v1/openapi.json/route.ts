// GET /api/v1/openapi.json – the OpenAPI 3.1 document of the public API, readable without a key
import { NextResponse } from "next/server";

import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return NextResponse.json(openApiDocument, {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
