// Cell formats of the streamed workbook, the same as those of lib/reports/render/xlsx.ts.
import { BUSINESS_TIME_ZONE } from "@/lib/i18n/config";

import type { CellType } from "../table";

export const NUMBER_FORMATS: Record<CellType, string | undefined> = {
  date: "dd/mm/yyyy",
  datetime: "dd/mm/yyyy hh:mm",
  integer: "#,##0",
  decimal: "#,##0.0",
  text: undefined,
};

const romeParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: BUSINESS_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** Shifts an instant to Rome wall-clock time, because Excel stores dates without a zone. */
export function romeWallClock(instant: Date): Date {
  const parts = romeParts.formatToParts(instant);
  const value = Object.fromEntries(parts.map((part) => [part.type, Number(part.value)]));

  return new Date(Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute));
}

/** Turns #rrggbb into the ARGB hex that exceljs expects. */
export function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}
