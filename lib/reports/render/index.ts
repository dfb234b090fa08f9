// Picks the renderer, MIME type and file extension of an export format.
import type { ReportBranding } from "../template";
import type { ReportData } from "../types";
import { renderCsv } from "./csv";
import { renderDocx } from "./docx";
import { renderHtml } from "./html";
import { renderPdf } from "./pdf";
import { renderXlsx } from "./xlsx";

export const EXPORT_FORMATS = ["pdf", "xlsx", "docx", "csv", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
  html: "text/html; charset=utf-8",
};

/** Renders `data` in `format`; every renderer is pure and returns the file's bytes. */
export async function renderReport(
  format: ExportFormat,
  data: ReportData,
  branding: ReportBranding,
): Promise<Uint8Array> {
  switch (format) {
    case "pdf":
      return renderPdf(data, branding);
    case "xlsx":
      return renderXlsx(data, branding);
    case "docx":
      return renderDocx(data, branding);
    case "csv":
      return renderCsv(data, branding);
    case "html":
      return renderHtml(data, branding);
  }
}
