"use client";

import { useTranslations } from "next-intl";

import { formatDecimal } from "@/lib/i18n/format";

import type { RegistryImportCounts } from "./api";
import { CountCard } from "./count-card";

const CARDS = [
  { key: "rows", decoration: "gray" },
  { key: "excluded", decoration: "gray" },
  { key: "new", decoration: "emerald" },
  { key: "updated", decoration: "blue" },
  { key: "unchanged", decoration: "slate" },
  { key: "rejected", decoration: "red" },
  { key: "devices", decoration: "violet" },
  { key: "missing", decoration: "amber" },
] as const satisfies readonly { key: keyof RegistryImportCounts; decoration: string }[];

/** Shows one card per count of the preview, in the order the rows flow through the import. */
export function PreviewSummary({ counts }: { counts: RegistryImportCounts }) {
  const t = useTranslations("imports");

  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-4">
      {CARDS.map(({ key, decoration }) => (
        <CountCard
          key={key}
          testId={`count-${key}`}
          color={decoration}
          label={t(`summary.${key}`)}
          value={formatDecimal(counts[key])}
        />
      ))}
    </div>
  );
}
