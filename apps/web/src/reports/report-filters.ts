/**
 * The report filters live in the address (?from=…&to=…&store=…), so a report can be bookmarked, shared and
 * reloaded, and the export and print show exactly what the screen shows. Anything malformed in the address is
 * ignored rather than sent to the server.
 */
import {
  Id,
  IsoDate,
  ReportChannel,
  ReportGroupBy,
  ReportInterval,
  type Locale,
  type OverviewQuery,
} from "@kexin/contracts";

export interface ReportFilters {
  from?: string;
  to?: string;
  storeId?: string;
  channel?: ReportChannel;
  version?: number;
}

/** Overview-only choices, kept in the address beside the filters. */
export interface OverviewChoices {
  interval: ReportInterval;
  groupBy?: string;
}

const valid = <T>(parse: (value: unknown) => { success: true; data: T } | { success: false }, value: string | null): T | undefined => {
  if (value === null || value === "") return undefined;
  const result = parse(value);
  return result.success ? result.data : undefined;
};

export function readFilters(params: URLSearchParams): ReportFilters {
  const version = Number(params.get("version"));
  const filters: ReportFilters = {
    from: valid((v) => IsoDate.safeParse(v), params.get("from")),
    to: valid((v) => IsoDate.safeParse(v), params.get("to")),
    storeId: valid((v) => Id.safeParse(v), params.get("store")),
    channel: valid((v) => ReportChannel.safeParse(v), params.get("channel")),
    version: Number.isInteger(version) && version >= 1 ? version : undefined,
  };
  // A reversed range would only earn a 400; read it the way the user meant it.
  if (filters.from && filters.to && filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
  return filters;
}

export function readOverviewChoices(params: URLSearchParams): OverviewChoices {
  return {
    interval: valid((v) => ReportInterval.safeParse(v), params.get("interval")) ?? "month",
    groupBy: valid((v) => ReportGroupBy.safeParse(v), params.get("groupBy")),
  };
}

/** The address parameters for these filters and choices, leaving every other parameter as it was. */
export function writeReportParams(
  params: URLSearchParams,
  change: Partial<ReportFilters & OverviewChoices>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const names: Record<keyof (ReportFilters & OverviewChoices), string> = {
    from: "from",
    to: "to",
    storeId: "store",
    channel: "channel",
    version: "version",
    interval: "interval",
    groupBy: "groupBy",
  };
  for (const [key, name] of Object.entries(names) as [keyof typeof names, string][]) {
    if (!(key in change)) continue;
    const value = change[key];
    if (value === undefined || value === "") next.delete(name);
    else next.set(name, String(value));
  }
  return next;
}

export function hasFilters(filters: ReportFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** The query every report takes: the filters plus the language of generated text and Excel headers. */
export function reportQuery(filters: ReportFilters, locale: Locale, choices?: OverviewChoices): OverviewQuery {
  return { ...filters, locale, ...(choices ? { interval: choices.interval, groupBy: choices.groupBy } : {}) };
}
