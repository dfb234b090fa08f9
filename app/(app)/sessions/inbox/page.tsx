import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requirePagePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listSessions } from "@/lib/db/sessions/list-sessions";
import { formatMinutes } from "@/lib/i18n/format";
import { InboxAssignment } from "@/components/sessions/inbox-assignment";
import { Pagination, parsePage } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.inbox"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("assignSessions");
  const page = parsePage((await searchParams).page);
  const t = await getTranslations("sessions.inbox");

  const { rows, totals, pages } = await listSessions(getDb(), {
    filters: { status: "UNASSIGNED" },
    page,
  });

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h1>
        <p className="text-tremor-content">{t("intro")}</p>
        <p className="mt-1 text-tremor-default text-tremor-content" data-testid="inbox-count">
          {t("count", { count: totals.sessions, formatted: formatMinutes(totals.sessions) })}
        </p>
      </div>
      <InboxAssignment
        rows={rows.map((row) => ({
          id: row.id,
          code: row.code,
          startedAt: row.startedAt.toISOString(),
          seconds: row.seconds,
          remoteDeviceId: row.remoteDeviceId,
          operatorName: row.operatorName ?? row.operator?.name ?? null,
        }))}
      />
      <Pagination
        basePath="/sessions/inbox"
        params={{}}
        page={Math.min(page, pages)}
        pages={pages}
      />
    </div>
  );
}
