import { getTranslations } from "next-intl/server";

import type { AuditEventRow } from "@/lib/db/audit-trail";
import { diffAuditValues } from "@/lib/domain/audit-diff";
import { formatDateTime } from "@/lib/i18n/format";
import { readableKey } from "@/lib/i18n/readable-key";

/** Lists audit events with who, when, what and a field-by-field before and after. */
export async function AuditTable({ events }: { events: AuditEventRow[] }) {
  const t = await getTranslations("audit");

  if (events.length === 0) {
    return <p className="px-6 py-4 text-tremor-default text-tremor-content">{t("table.empty")}</p>;
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-tremor-default">
        <thead className="text-tremor-content">
          <tr>
            <th className="px-4 py-2 font-medium">{t("table.when")}</th>
            <th className="px-4 py-2 font-medium">{t("table.who")}</th>
            <th className="px-4 py-2 font-medium">{t("table.action")}</th>
            <th className="px-4 py-2 font-medium">{t("table.entity")}</th>
            <th className="px-4 py-2 font-medium">{t("table.changes")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const changes = diffAuditValues(event.before, event.after);

            return (
              <tr
                key={event.id}
                className="border-t border-tremor-border align-top"
                data-testid="audit-row"
              >
                <td className="whitespace-nowrap px-4 py-2">{formatDateTime(event.createdAt)}</td>
                <td className="px-4 py-2">{event.actor?.name ?? t("table.system")}</td>
                <td className="px-4 py-2">
                  {t.has(`actions.${event.action}`)
                    ? t(`actions.${event.action}`)
                    : readableKey(event.action)}
                </td>
                <td className="px-4 py-2">
                  {t.has(`entities.${event.entityType}`)
                    ? t(`entities.${event.entityType}`)
                    : readableKey(event.entityType)}
                  {event.entityId && (
                    <span className="block font-mono text-tremor-label text-tremor-content">
                      {event.entityId}
                    </span>
                  )}
                </td>
                <td className="px-4 py-2">
                  {changes.length === 0 ? (
                    <span className="text-tremor-content">{t("table.noChanges")}</span>
                  ) : (
                    <ul className="flex flex-col gap-0.5">
                      {changes.map((change) => (
                        <li key={change.field} className="break-words">
                          <span className="font-medium">{change.field}</span>:{" "}
                          <span className="text-red-700 line-through decoration-red-300">
                            {change.before ?? t("table.absent")}
                          </span>{" "}
                          →{" "}
                          <span className="text-emerald-700">
                            {change.after ?? t("table.absent")}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
