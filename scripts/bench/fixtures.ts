// A synthetic statement with many entries, built without a database, for benchmarks and tests.
import { buildSections, type SourceEntry } from "@/lib/reports/build-sections";
import type { ReportData } from "@/lib/reports/types";

/** Builds a one-customer statement of `count` entries spread over the period. */
export function syntheticStatement(
  count: number,
  period = { from: "2026-01-01", to: "2026-12-31" },
) {
  const customer = {
    id: "bench-customer",
    code: "C00017",
    name: "Rossi Informatica S.r.l.",
    vatNumber: "01234567897",
    address: "Via Roma 1",
    city: "Bologna",
  };
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const span = Date.parse(`${period.to}T22:00:00Z`) - start;
  const entries: SourceEntry[] = Array.from({ length: count }, (_, index) => {
    const topUp = index % 25 === 0;

    return {
      customerId: customer.id,
      kind: topUp ? "TOP_UP" : "SESSION",
      minutes: topUp ? 600 : -((index % 7) * 5 + 5),
      occurredAt: new Date(start + Math.floor((span * index) / count)),
      comment: topUp ? `Pacchetto ${index}` : `Assistenza remota su postazione ${index % 40}`,
      contract: topUp ? { number: "CT-2026-001" } : null,
      author: { name: "Anna Amministratrice" },
      session: topUp ? null : { code: `TV-${100000 + index}` },
    };
  });
  const credits = entries.filter((e) => e.minutes > 0).reduce((sum, e) => sum + e.minutes, 0);
  const debits = entries.filter((e) => e.minutes < 0).reduce((sum, e) => sum - e.minutes, 0);
  const sections = buildSections({
    kind: "STATEMENT",
    period,
    granularity: "month",
    customers: [customer],
    totals: [{ customerId: customer.id, opening: 1200, credits, debits }],
    entries,
    sessions: [],
    includeIdle: true,
  });
  const data: ReportData = {
    kind: "STATEMENT",
    period: { ...period, granularity: "month" },
    customerCode: customer.code,
    generatedAt: new Date("2027-01-02T09:00:00Z"),
    sections,
  };

  return data;
}
