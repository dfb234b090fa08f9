"use client";

import { Card } from "@tremor/react";
import { useTranslations } from "next-intl";

import { DELIMITERS, type Delimiter } from "@/lib/imports/csv";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/imports/limits";
import { TEXT_ENCODINGS, type TextEncoding } from "@/lib/imports/text-encoding";
import { formatDecimal } from "@/lib/i18n/format";

import type { Inspection, ReadChoice } from "./api";

const MAX_MEGABYTES = MAX_IMPORT_FILE_BYTES / (1024 * 1024);
export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
};

const selectClass =
  "rounded-tremor-small border border-tremor-border bg-white px-3 py-2 text-tremor-default shadow-tremor-input";

/**
 * Chooses the file, shows what was read from it and, for CSV text, lets the user override the
 * detected encoding and delimiter, which reads the file again.
 */
export function RegistryFileCard(props: {
  inspection: Inspection | null;
  read: ReadChoice;
  disabled: boolean;
  onFile: (file: File | null) => void;
  onReadChange: (read: ReadChoice) => void;
}) {
  const t = useTranslations("imports");
  const { inspection, read, disabled } = props;
  const csv = inspection?.format === "csv";

  return (
    <Card className="flex flex-col gap-3">
      <label htmlFor="registry-file" className="font-semibold text-tremor-content-strong">
        {t("file.label")}
      </label>
      <input
        id="registry-file"
        type="file"
        accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={disabled}
        onChange={(event) => props.onFile(event.target.files?.[0] ?? null)}
        className="text-tremor-default"
      />
      <p className="text-tremor-label text-tremor-content">
        {t("file.hint", { maxMegabytes: MAX_MEGABYTES })}
      </p>
      {inspection && (
        <p className="text-tremor-default" data-testid="file-summary">
          {csv && inspection.encoding && inspection.delimiter
            ? t("file.summary", {
                rows: formatDecimal(inspection.rowCount),
                columns: formatDecimal(inspection.headers.length),
                delimiter: t(`delimiters.${DELIMITER_NAMES[inspection.delimiter]}`),
                encoding: ENCODING_NAMES[inspection.encoding],
              })
            : t("file.summaryXlsx", {
                rows: formatDecimal(inspection.rowCount),
                columns: formatDecimal(inspection.headers.length),
              })}
        </p>
      )}
      {csv && (
        <div className="flex flex-wrap gap-4">
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("file.encoding")}
            <select
              data-testid="read-encoding"
              value={read.encoding}
              disabled={disabled}
              onChange={(event) =>
                props.onReadChange({
                  ...read,
                  encoding: event.target.value as ReadChoice["encoding"],
                })
              }
              className={selectClass}
            >
              <option value="auto">{t("file.detectedEncoding")}</option>
              {TEXT_ENCODINGS.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {ENCODING_NAMES[encoding]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("file.delimiter")}
            <select
              data-testid="read-delimiter"
              value={read.delimiter}
              disabled={disabled}
              onChange={(event) =>
                props.onReadChange({
                  ...read,
                  delimiter: event.target.value as ReadChoice["delimiter"],
                })
              }
              className={selectClass}
            >
              <option value="auto">{t("file.detectedDelimiter")}</option>
              {DELIMITERS.map((delimiter) => (
                <option key={delimiter} value={delimiter}>
                  {t(`delimiters.${DELIMITER_NAMES[delimiter]}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </Card>
  );
}
