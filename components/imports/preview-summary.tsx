"use client";

import { Card, Metric, Text } from "@tremor/react";
import { useTranslations } from "next-intl";

import { formatDecimal } from "@/lib/i18n/format";

import type { RegistryImportCounts } from "./api";

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
        <Card
          key={key}
          decoration="top"
          decorationColor={decoration}
          className="p-4"
          data-testid={`count-${key}`}
        >
          <Text>{t(`summary.${key}`)}</Text>
          <Metric>{formatDecimal(counts[key])}</Metric>
        </Card>
      ))}
    </div>
  );
}
