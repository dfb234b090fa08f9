import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requirePagePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listRunningSessions } from "@/lib/db/sessions/list-sessions";
import { sessionCodeSchema } from "@/lib/validations/sessions";
import { SessionConsole } from "@/components/sessions/session-console";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.console"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SessionConsolePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("operateSessions");
  const code = sessionCodeSchema.safeParse((await searchParams).code);
  const t = await getTranslations("sessions.console");

  const running = await listRunningSessions(getDb());

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h1>
        <p className="text-tremor-content">{t("intro")}</p>
      </div>
      <SessionConsole
        initialCode={code.success ? code.data : null}
        running={running.map((session) => ({
          code: session.code,
          customerName: session.customer?.name ?? null,
          startedAt: session.startedAt.toISOString(),
          operatorName: session.operatorName ?? session.operator?.name ?? null,
        }))}
      />
    </div>
  );
}
