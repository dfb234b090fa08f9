"use client";

import { Card } from "@tremor/react";
import { useTranslations } from "next-intl";

import type { Delimiter } from "@/lib/imports/csv";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/imports/limits";

import type { FormatChoice, SessionInspection } from "./session-api";

const FORMATS: FormatChoice[] = ["auto", "teamviewer", "csv"];
const DELIMITER_NAMES: Record<Delimiter, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};

/** Chooses the file and its format, and summarises what the server read in it. */
export function SessionFileCard(props: {
  // Shown under the summary, for a file that needs no column mapping.
  action: React.ReactNode;
  format: FormatChoice;
  inspection: SessionInspection | null;
  disabled: boolean;
  onFile: (file: File | null) => void;
  onFormat: (format: FormatChoice) => void;
}) {
  const t = useTranslations("sessionImport");
  const imports = useTranslations("imports");
  const sessions = useTranslations("sessions");
  const { inspection } = props;

  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <label htmlFor="session-file" className="font-semibold text-tremor-content-strong">
          {t("file.label")}
        </label>
        <input
          id="session-file"
          type="file"
          accept=".txt,.csv,.log,text/plain,text/csv"
          disabled={props.disabled}
          onChange={(event) => props.onFile(event.target.files?.[0] ?? null)}
          className="text-tremor-default"
        />
        <p className="text-tremor-label text-tremor-content">
          {t("file.hint", { maxMegabytes: MAX_IMPORT_FILE_BYTES / (1024 * 1024) })}
        </p>
      </div>

      <fieldset className="flex flex-col gap-2" disabled={props.disabled}>
        <legend className="mb-1 font-semibold text-tremor-content-strong">
          {t("format.label")}
        </legend>
        <div className="flex flex-wrap gap-4 text-tremor-default">
          {FORMATS.map((format) => (
            <label key={format} className="flex items-center gap-2">
              <input
                type="radio"
                name="session-format"
                value={format}
                checked={props.format === format}
                onChange={() => props.onFormat(format)}
              />
              {t(`format.${format}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {inspection && (
        <div className="text-tremor-default" data-testid="file-summary">
          <p>
            {t("file.summary", {
              format: t(`format.${inspection.format}`),
              rows: inspection.rowCount,
              encoding: sessions(`log.encodings.${inspection.encoding}`),
            })}{" "}
            {inspection.delimiter &&
              t("file.delimiter", {
                delimiter: imports(`delimiters.${DELIMITER_NAMES[inspection.delimiter]}`),
              })}
          </p>
          {props.format === "auto" && (
            <p className="text-tremor-content">
              {t("format.detected", { format: t(`format.${inspection.detectedFormat}`) })}
            </p>
          )}
        </div>
      )}
      {props.action && <div>{props.action}</div>}
    </Card>
  );
}
