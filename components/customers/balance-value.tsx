import { formatMinutes } from "@/lib/i18n/format";

/** Renders a balance in minutes, red when at or below zero. */
export function BalanceValue({ minutes, className = "" }: { minutes: number; className?: string }) {
  const colour = minutes <= 0 ? "text-red-700" : "text-tremor-content-strong";

  return <span className={`tabular-nums ${colour} ${className}`}>{formatMinutes(minutes)}</span>;
}
