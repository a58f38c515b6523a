/**
 * Greetings for the demo organisation: the built-in templates, four occasion rules (birthday by email at 09:00,
 * Spring Festival to VIP and 重要 customers, an after-purchase SMS a week later, a letter on a tier upgrade), and
 * the record of a new-products campaign sent three weeks before the anchor to VIP and 重要 customers — rendered
 * with the real templates, opt-outs and customers without an email skipped, one letter failed and one uncertain
 * (a worker stopped mid-send) for staff to settle — plus a Mid-Autumn campaign scheduled three days ahead.
 * Deterministic: which letter failed and which is uncertain follows the customers' order.
 */
import { sql, type Insertable, type Kysely } from "kysely";
import type { DB, MessageDeliveriesTable } from "../../db/schema.ts";
import { ensureBuiltinTemplates } from "../greetings/ensure-builtin-templates.ts";
import { DEFAULT_GREETING_SETTINGS } from "../greetings/greeting-settings.ts";
import { buildMergeFields, loadMergeSources } from "../greetings/merge-fields.ts";
import { compileTemplate, renderTemplate } from "../greetings/template-engine.ts";
import { zonedParts } from "../greetings/zoned-time.ts";
import { DAY_MS } from "./draws.ts";
import { insertInBatches } from "./insert-in-batches.ts";

const CAMPAIGN_SIZE = 160;

export async function seedDemoGreetings(
  db: Kysely<DB>,
  { orgId, anchorTime, onProgress }: { orgId: string; anchorTime: number; onProgress: (message: string) => void },
): Promise<void> {
  await ensureBuiltinTemplates(db, orgId);
  const templates = await db
    .selectFrom("greeting_templates")
    .select(["id", "builtin_key", "language", "subject", "body", "name"])
    .where("org_id", "=", orgId)
    .where("language", "=", "zh-CN")
    .execute();
  const template = (key: string) => templates.find((row) => row.builtin_key === key)!;
  const createdAt = new Date(anchorTime - 60 * DAY_MS);
  await db
    .insertInto("greeting_rules")
    .values([
      { org_id: orgId, name: "生日祝福（邮件）", occasion: "birthday", template_id: template("birthday").id, channel: "email", send_time: "09:00", created_at: createdAt },
      {
        org_id: orgId,
        name: "春节问候（VIP·重要客户）",
        occasion: "spring_festival",
        template_id: template("spring_festival").id,
        channel: "email",
        send_time: "09:30",
        segment: JSON.stringify({ tiers: ["vip", "important"] }),
        created_at: createdAt,
      },
      {
        org_id: orgId,
        name: "购后一周回访短信",
        occasion: "after_purchase",
        template_id: template("after_purchase").id,
        channel: "sms",
        send_time: "10:00",
        days_after: 7,
        created_at: createdAt,
      },
      { org_id: orgId, name: "会员升级通知", occasion: "tier_change", template_id: template("tier_upgrade").id, channel: "email", send_time: "10:00", created_at: createdAt },
      {
        org_id: orgId,
        name: "中秋问候（微信）",
        occasion: "mid_autumn",
        template_id: template("mid_autumn").id,
        channel: "wechat",
        send_time: "09:00",
        is_active: false,
        created_at: createdAt,
      },
    ])
    .execute();

  // The past campaign: VIP and 重要 customers first, then others, up to CAMPAIGN_SIZE.
  const sentAt = new Date(anchorTime - 21 * DAY_MS + 2 * 3_600_000);
  const newProducts = template("new_product");
  const campaign = await db
    .insertInto("greeting_campaigns")
    .values({
      org_id: orgId,
      name: "春季新品推荐",
      template_id: newProducts.id,
      channel: "email",
      segment: JSON.stringify({ tiers: ["vip", "important"] }),
      scheduled_at: sentAt,
      status: "done",
      estimated_count: 0,
      created_at: new Date(sentAt.getTime() - 2 * DAY_MS),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { rows: recipients } = await sql<{ id: string; email: string | null; email_consent: boolean | null }>`
    select c.id, c.email, (c.consent ->> 'email')::boolean as email_consent
    from customers c join customer_values v on v.customer_id = c.id and v.org_id = c.org_id
    where c.org_id = ${orgId} and c.status = 'active' and v.tier in ('vip', 'important')
    order by c.total_spent desc, c.id
    limit ${CAMPAIGN_SIZE}
  `.execute(db);
  const sources = await loadMergeSources(
    db,
    orgId,
    recipients.map((row) => row.id),
  );
  const compiled = compileTemplate(newProducts);
  const org = await db.selectFrom("orgs").select("name").where("id", "=", orgId).executeTakeFirstOrThrow();
  const rows: Insertable<MessageDeliveriesTable>[] = [];
  let sendable = 0;
  for (const [index, recipient] of recipients.entries()) {
    const base = {
      org_id: orgId,
      customer_id: recipient.id,
      occasion_key: `campaign:${campaign.id}`,
      channel: "email" as const,
      template_id: newProducts.id,
      campaign_id: campaign.id,
      due_at: sentAt,
      created_at: sentAt,
      updated_at: new Date(sentAt.getTime() + index * 1000),
      claimed_at: sentAt,
      attempts: 1,
    };
    if (recipient.email_consent === false) {
      rows.push({ ...base, status: "skipped", reason: "opt_out", attempts: 0, claimed_at: null });
      continue;
    }
    if (!recipient.email) {
      rows.push({ ...base, status: "skipped", reason: "no_address", attempts: 0, claimed_at: null });
      continue;
    }
    sendable++;
    const rendered = await renderTemplate(
      compiled,
      buildMergeFields(sources.get(recipient.id)!, {
        language: "zh-CN",
        occasion: { key: base.occasion_key, kind: "campaign", label: "春季新品推荐", date: zonedParts(sentAt, DEFAULT_GREETING_SETTINGS.timeZone).date },
        orgName: org.name,
        now: sentAt,
        timeZone: DEFAULT_GREETING_SETTINGS.timeZone,
      }),
    );
    const message = { recipient: recipient.email, subject: rendered.subject, message_id: `<greeting-demo-${index}@kexin.localhost>` };
    if (sendable === 7) {
      rows.push({ ...base, ...message, status: "failed", reason: "550 5.1.1 mailbox unavailable", attempts: 1 });
    } else if (sendable === 12) {
      rows.push({
        ...base,
        ...message,
        status: "uncertain",
        reason: "the worker stopped while sending: check the mail server log for the Message-ID, then resend or mark sent",
      });
    } else {
      rows.push({ ...base, ...message, status: "sent", sent_at: base.updated_at });
    }
  }
  await insertInBatches(db, "message_deliveries", rows);
  await db.updateTable("greeting_campaigns").set({ estimated_count: sendable }).where("id", "=", campaign.id).execute();

  await db
    .insertInto("greeting_campaigns")
    .values({
      org_id: orgId,
      name: "中秋问候 · 全体老客户",
      template_id: template("mid_autumn").id,
      channel: "email",
      segment: JSON.stringify({ notPurchasedForDays: 30 }),
      scheduled_at: new Date(anchorTime + 3 * DAY_MS + 3_600_000),
      estimated_count: sendable,
      created_at: new Date(anchorTime - DAY_MS),
    })
    .execute();
  onProgress(`greetings: ${templates.length} templates, 5 rules, a campaign of ${rows.length} letters and one scheduled`);
}
