"use client";

import { useTranslations } from "next-intl";

/**
 * Shows that the mapping saved by the last import is applied and, when the file has columns the
 * last one did not, names them as unmapped so they are not missed.
 */
export function SavedMappingStatus({ unmappedHeaders }: { unmappedHeaders: string[] }) {
  const t = useTranslations("imports");

  if (unmappedHeaders.length === 0) {
    return (
      <p role="status" data-testid="saved-mapping" className="text-tremor-default text-emerald-700">
        {t("mapping.savedApplied")}
      </p>
    );
  }

  return (
    <p role="status" data-testid="saved-mapping" className="text-tremor-default text-amber-700">
      {t("mapping.savedAppliedWithNewColumns", {
        count: unmappedHeaders.length,
        columns: unmappedHeaders.join(", "),
      })}
    </p>
  );
}
