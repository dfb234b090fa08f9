// Readers for the date, time and duration cells of session CSV files. Italian exports write
// dd/mm/yyyy hh:mm[:ss] in local time, other tools ISO 8601, with or without a UTC offset.
import { instantsOfWallClock, isValidWallClockTime, type WallClockTime } from "./local-time";

const ITALIAN = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads a timestamp cell and returns the instants it can mean, earliest first, or null when the
 * text is not a valid date and time in an accepted format.
 *
 * - `dd/mm/yyyy hh:mm[:ss]` (day, month and hour may have one digit) is wall-clock time in the
 *   business time zone.
 * - ISO 8601 `yyyy-mm-ddThh:mm[:ss[.fff]]` (or with a space for the T) with `Z` or an offset
 *   such as `+02:00` is that instant. Without an offset it is wall-clock time, like the above.
 *
 * A wall-clock time gives an empty list when summer time skips it (02:00 to 02:59 on the last
 * Sunday of March in Rome) and two instants when it occurs twice (02:00 to 02:59 on the last
 * Sunday of October).
 */
export function parseSessionTimestamp(text: string): Date[] | null {
  const italian = ITALIAN.exec(text);
  if (italian) {
    const [day, month, year, hour, minute, second] = italian
      .slice(1)
      .map((part) => Number(part ?? 0));

    return wallClockInstants({ year, month, day, hour, minute, second });
  }

  const iso = ISO.exec(text);
  if (!iso) return null;

  const [year, month, day, hour, minute, second] = iso.slice(1, 7).map((part) => Number(part ?? 0));
  // Digits beyond milliseconds are dropped: instants are stored to the millisecond.
  const millisecond = Number((iso[7] ?? "").padEnd(3, "0").slice(0, 3));
  const time = { year, month, day, hour, minute, second, millisecond };
  const zone = iso[8];
  if (zone === undefined) return wallClockInstants(time);
  if (!isValidWallClockTime(time)) return null;

  const offsetMinutes = parseOffsetMinutes(zone);
  if (offsetMinutes === null) return null;

  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);

  return [new Date(asUtc - offsetMinutes * 60_000)];
}

function wallClockInstants(time: WallClockTime): Date[] | null {
  return isValidWallClockTime(time) ? instantsOfWallClock(time) : null;
}

// `Z`, `+hh`, `+hh:mm` or `+hhmm`, and the same with a minus sign.
function parseOffsetMinutes(zone: string): number | null {
  if (zone === "Z" || zone === "z") return 0;

  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) return null;

  return sign * (hours * 60 + minutes);
}

const SECONDS = /^(-?)(\d+)$/;
const CLOCK = /^(-?)(\d+):([0-5]\d):([0-5]\d)$/;

/**
 * Reads a duration cell as whole seconds: a number of seconds (`754`) or hours, minutes and
 * seconds (`0:12:34`, `27:00:00`). A leading minus gives a negative result, which the caller
 * rejects with its own message. Returns null for any other text, fractions included.
 */
export function parseDurationSeconds(text: string): number | null {
  const seconds = SECONDS.exec(text);
  if (seconds) return signed(seconds[1], Number(seconds[2]));

  const clock = CLOCK.exec(text);
  if (!clock) return null;

  const [hours, minutes, rest] = clock.slice(2).map(Number);

  return signed(clock[1], hours * 3600 + minutes * 60 + rest);
}

function signed(sign: string, value: number): number | null {
  if (!Number.isSafeInteger(value)) return null;

  return sign === "-" && value !== 0 ? -value : value;
}
