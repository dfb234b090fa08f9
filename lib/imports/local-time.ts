// Wall-clock times of the business time zone turned into instants. Around the changes to and from
// summer time a wall-clock time can name no instant (the hour skipped in spring) or two (the hour
// repeated in autumn), so conversions return every instant that matches.
import { BUSINESS_TIME_ZONE } from "@/lib/i18n/config";

export interface WallClockTime {
  year: number;
  // 1 to 12.
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

const HOUR_MS = 3_600_000;

const zoneParts = new Intl.DateTimeFormat("en-US", {
  timeZone: BUSINESS_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

// Offset of the business time zone from UTC at `instantMs`, in milliseconds (+1 h or +2 h in
// Rome). Milliseconds do not affect the offset, so they are dropped before formatting.
function offsetAt(instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const values: Record<string, number> = {};
  for (const part of zoneParts.formatToParts(new Date(whole))) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    values.year,
    values.month - 1,
    values.day,
    values.hour,
    values.minute,
    values.second,
  );

  return asUtc - whole;
}

/** Returns whether the parts form a real calendar date and a time of day from 00:00:00 to 23:59:59. */
export function isValidWallClockTime(time: WallClockTime): boolean {
  const date = new Date(Date.UTC(time.year, time.month - 1, time.day));

  return (
    time.year >= 1000 &&
    date.getUTCFullYear() === time.year &&
    date.getUTCMonth() === time.month - 1 &&
    date.getUTCDate() === time.day &&
    time.hour <= 23 &&
    time.minute <= 59 &&
    time.second <= 59
  );
}

/**
 * Returns the instants at which the business time zone's clock shows `time`, earliest first:
 * none for a time skipped when summer time starts, two for a time repeated when it ends, one
 * otherwise. The caller checks the parts with isValidWallClockTime first.
 */
export function instantsOfWallClock(time: WallClockTime): Date[] {
  const wallClock = Date.UTC(
    time.year,
    time.month - 1,
    time.day,
    time.hour,
    time.minute,
    time.second,
    time.millisecond ?? 0,
  );
  // Every offset in force within half a day of the wall-clock time, which covers any single change
  // of offset. An offset fits when the instant it gives shows the same wall-clock time.
  const offsets = new Set([offsetAt(wallClock - 12 * HOUR_MS), offsetAt(wallClock + 12 * HOUR_MS)]);
  const instants = [...offsets]
    .map((offset) => wallClock - offset)
    .filter((instant) => offsetAt(instant) === wallClock - instant)
    .sort((a, b) => a - b);

  return instants.map((instant) => new Date(instant));
}
