/**
 * The key of the period a moment falls in, for periodic jobs: "2026-11-23" for a day, "2026-11-23T14" for an hour,
 * "2026-11-23T14:35" for a minute, "2026-11-23T14:35/5" for five minutes. Days and hours are counted in the business's
 * time zone (Asia/Shanghai by default), so the daily run happens after local midnight, not UTC's.
 */
import type { JobPeriod } from "./job-definition.ts";

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export function periodKey(period: JobPeriod, at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  switch (period) {
    case "day":
      return day;
    case "hour":
      return `${day}T${parts.hour}`;
    case "minute":
      return `${day}T${parts.hour}:${parts.minute}`;
    case "five-minutes":
      return `${day}T${parts.hour}:${String(Math.floor(Number(parts.minute) / 5) * 5).padStart(2, "0")}/5`;
  }
}
