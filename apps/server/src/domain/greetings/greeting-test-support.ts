/** Test data for greetings: customers with addresses, the built-in templates, and a campaign due now. */
import type { Kysely } from "kysely";
import type { Segment } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { ensureBuiltinTemplates } from "./ensure-builtin-templates.ts";

/** 10:00 on 6 February 2027 in Shanghai (Spring Festival), outside the default quiet hours. */
export const MORNING = new Date("2027-02-06T02:00:00Z");

export async function builtinTemplateId(db: Kysely<DB>, orgId: string, key: string, language = "zh-CN"): Promise<string> {
  await ensureBuiltinTemplates(db, orgId);
  const row = await db
    .selectFrom("greeting_templates")
    .select("id")
    .where("org_id", "=", orgId)
    .where("builtin_key", "=", key)
    .where("language", "=", language as "zh-CN")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** `count` customers named 客户<prefix>-<i> with an email each, at the given store; returns their ids in order. */
export async function buildCustomersWithEmail(
  db: Kysely<DB>,
  orgId: string,
  count: number,
  options: { prefix?: string; storeId?: string | null; gender?: "female" | "male" | "unknown"; tags?: string[] } = {},
): Promise<{ id: string; email: string }[]> {
  const prefix = options.prefix ?? "c";
  const rows = Array.from({ length: count }, (_, index) => ({
    org_id: orgId,
    name: `客户${prefix}-${index}`,
    gender: options.gender ?? ("female" as const),
    email: `${prefix}-${index}@example.test`,
    phone: `1380000${String(index).padStart(4, "0")}`,
    home_store_id: options.storeId ?? null,
    tags: options.tags ?? [],
  }));
  const inserted: { id: string; email: string }[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = await db
      .insertInto("customers")
      .values(rows.slice(start, start + 500))
      .returning(["id", "email"])
      .execute();
    inserted.push(...chunk.map((row) => ({ id: row.id, email: row.email! })));
  }
  return inserted;
}

export async function insertCampaign(
  db: Kysely<DB>,
  orgId: string,
  input: { templateId: string; channel?: "email" | "sms" | "wechat"; segment?: Segment; scheduledAt?: Date; name?: string },
): Promise<string> {
  const row = await db
    .insertInto("greeting_campaigns")
    .values({
      org_id: orgId,
      name: input.name ?? "新春问候",
      template_id: input.templateId,
      channel: input.channel ?? "email",
      segment: JSON.stringify(input.segment ?? {}),
      scheduled_at: input.scheduledAt ?? new Date(MORNING.getTime() - 60_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
