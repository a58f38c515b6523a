/**
 * Key metrics by store, channel, staff member, language, customer tag or customer attribute (e.g. attribute:tier).
 * A customer with several tags counts in each; answers with no customer (anonymous) form the group with key null.
 */
import type { BreakdownGroup, ReportGroupBy } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { type MetricCounts, metricHistograms, type ResponseGrouping } from "./key-metrics.ts";
import type { ReportContext } from "./report-context.ts";
import { metricValue } from "./report-metrics.ts";

const customerJoin = sql`left join customers c on c.id = r.customer_id and c.org_id = r.org_id`;

export function groupingOf(groupBy: ReportGroupBy): ResponseGrouping {
  if (groupBy.startsWith("attribute:")) {
    const name = groupBy.slice("attribute:".length);
    return { group: sql`c.attributes ->> ${name}::text`, join: customerJoin, multipliesRows: false };
  }
  switch (groupBy) {
    case "store":
      return { group: sql`r.store_id::text`, join: sql``, multipliesRows: false };
    case "staff":
      return { group: sql`r.staff_id::text`, join: sql``, multipliesRows: false };
    case "channel":
      return { group: sql`r.channel`, join: sql``, multipliesRows: false };
    case "language":
      return { group: sql`r.language`, join: sql``, multipliesRows: false };
    case "tag":
      return {
        group: sql`t.tag`,
        join: sql`${customerJoin} cross join lateral unnest(coalesce(nullif(c.tags, '{}'::text[]), array[null]::text[])) as t(tag)`,
        multipliesRows: true,
      };
    default:
      throw new Error(`unknown grouping ${groupBy}`);
  }
}

/** Names for store and staff groups (their ids are the keys). */
export async function groupLabels(db: Kysely<DB>, context: ReportContext, groupBy: ReportGroupBy): Promise<Map<string, string>> {
  if (groupBy === "store") {
    const rows = await db.selectFrom("stores").select(["id", "name"]).where("org_id", "=", context.actor.orgId).execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }
  if (groupBy === "staff") {
    const rows = await db.selectFrom("users").select(["id", "name"]).where("org_id", "=", context.actor.orgId).execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }
  return new Map();
}

export function breakdownGroups(counts: MetricCounts, labels: ReadonlyMap<string, string>): BreakdownGroup[] {
  const group = (values: readonly unknown[]) => (values[1] === null ? null : String(values[1]));
  const responses = new Map<string | null, number>();
  for (const tuple of counts.tuples) responses.set(group(tuple.values), (responses.get(group(tuple.values)) ?? 0) + tuple.n);
  const histograms = metricHistograms(counts, group);
  return [...responses]
    .map(([key, n]) => ({
      key,
      label: key === null ? null : (labels.get(key) ?? key),
      responses: n,
      metrics: counts.metrics.map((spec) => ({
        question: spec.entry.question.key,
        metric: spec.metric,
        ...metricValue(spec.metric, histograms.get(key)?.get(spec.entry.question.key) ?? []),
      })),
    }))
    .sort((a, b) => b.responses - a.responses || String(a.label).localeCompare(String(b.label)));
}
