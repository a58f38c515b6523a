/**
 * Sends pending greetings, at most once each.
 *
 * The guarantee. A message is handed to a channel only after its message_deliveries row — unique on (org, customer,
 * occasion key, channel) — was committed as 'sending' with this run's claim token. The claim is one UPDATE over rows
 * picked with FOR UPDATE SKIP LOCKED, so two workers (on PostgreSQL) never claim the same row, and nothing ever moves
 * a row from 'sending' back to 'pending' on a guess. After the hand-over the row is marked 'sent' (or 'skipped',
 * 'failed', or 'pending' again with a back-off when the channel refused it for now — the message was not handed
 * over, so retrying cannot duplicate it).
 *
 * A worker that dies leaves its claimed rows 'sending'. Once the lease has run out, the next run settles them: a
 * channel that keeps a searchable record (the SMS/WeChat outbox) says whether the message went out — 'sent', or
 * back to 'pending' when it provably did not; a channel that cannot tell (SMTP) gets the row marked 'uncertain',
 * shown to staff with its deterministic Message-ID to look up in the mail server's log, and never re-sent by itself.
 * A live worker whose connection dies after a letter's end of data and before the server's reply (the bulk sender
 * reports that case apart from a refusal) marks that letter 'uncertain' the same way, at once.
 * So: at most once always; exactly once for every message not in flight at the moment of a crash; for those in
 * flight (at most two claim batches per dead worker: one being handed over while the next is rendered) at most
 * once, flagged for a person to check. The one assumption: a worker that is alive is never stalled for longer than
 * the lease (ten minutes) between its claim and the hand-over; were it frozen that long (SIGSTOP, a suspended VM),
 * an outbox letter re-queued as "provably not written" could be written twice. Email never is: it only becomes
 * uncertain, and a late 'sent' from the slow worker corrects it.
 */
import { randomBytes } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { sql, type Kysely } from "kysely";
import type { GreetingChannel, GreetingLanguage, GreetingSettings } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import { UncertainDeliveryError } from "../mail/bulk-smtp/index.ts";
import { MailDeliveryError } from "../mail/mailer.ts";
import { ChannelDeliveryError, type ChannelSet, type OutgoingMessage } from "./channels/channel.ts";
import { buildMergeFields, loadMergeSources, type MergeSource } from "./merge-fields.ts";
import { compileTemplate, renderTemplate, type CompiledTemplate } from "./template-engine.ts";
import { isInQuietHours, zonedParts } from "./zoned-time.ts";

/** A claim older than this belongs to a dead worker (SMTP timeouts are a minute; a batch takes seconds). */
export const SEND_LEASE_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 3;
const RENDERS_BETWEEN_YIELDS = 16;
const RETRY_DELAYS_MS = [5 * 60_000, 30 * 60_000];

export interface SendOptions {
  db: Kysely<DB>;
  orgId: string;
  channels: ChannelSet;
  settings: GreetingSettings;
  /** The run's clock; it advances with real time while the run lasts. */
  now: Date;
  /** Stop claiming after this (real time); what is left waits for the next run. */
  deadline: Date;
  /** Domain of the deterministic Message-ID. */
  messageIdDomain: string;
  /** Rows claimed per round; twice this is the most a crash can leave uncertain. */
  claimSize?: number;
  /** Called after each batch was handed over, before it is marked (tests use it to stop at a chosen point). */
  onBatchSent?: (count: number) => Promise<void> | void;
}

export interface SendResult {
  sent: number;
  skipped: number;
  failed: number;
  retrying: number;
  /** Handed over, but the connection died before the server confirmed it: left for a person to check. */
  uncertain: number;
  /** Rows a dead worker left in flight, settled in this run. */
  recovered: { sent: number; requeued: number; uncertain: number };
  isQuietHours: boolean;
}

interface ClaimedRow {
  id: string;
  customer_id: string;
  occasion_key: string;
  channel: GreetingChannel;
  template_id: string | null;
  campaign_id: string | null;
  rule_id: string | null;
  attempts: number;
  message_id: string;
  due_at: Date;
}

interface Outcome {
  id: string;
  status: "sent" | "skipped" | "failed" | "pending" | "uncertain";
  reason: string | null;
  subject: string | null;
  recipient: string | null;
  due_at: string | null;
}

export async function sendDueDeliveries(options: SendOptions): Promise<SendResult> {
  const { db, orgId, settings } = options;
  const startedAt = Date.now();
  const clock = () => new Date(options.now.getTime() + (Date.now() - startedAt));
  const result: SendResult = {
    sent: 0,
    skipped: 0,
    failed: 0,
    retrying: 0,
    uncertain: 0,
    recovered: await settleAbandoned(options, clock()),
    isQuietHours: isInQuietHours(options.now, settings),
  };
  if (result.isQuietHours) return result;
  const claimSize = options.claimSize ?? 100;
  const org = await db.selectFrom("orgs").select("name").where("id", "=", orgId).executeTakeFirstOrThrow();
  const templates = new Map<string, { compiled: CompiledTemplate; language: GreetingLanguage } | null>();
  const campaignNames = new Map<string, string>();
  let inFlight: Promise<void> = Promise.resolve();

  while (Date.now() < options.deadline.getTime() && !isInQuietHours(clock(), settings)) {
    const { token, claimed } = await claimDue(db, orgId, clock(), claimSize, options.messageIdDomain);
    if (claimed.length === 0) break;
    const sources = await loadMergeSources(
      db,
      orgId,
      claimed.map((row) => row.customer_id),
    );
    await loadTemplates(db, orgId, claimed, templates);
    await loadCampaignNames(db, orgId, claimed, campaignNames);
    // Rendered one after another (liquid's time limit counts wall time, so interleaved renders would trip it), each
    // handed to its channel as soon as it is ready; every few letters the loop lets the sockets move, so sending
    // overlaps rendering instead of waiting for the whole batch.
    const handedOver: Promise<Outcome>[] = [];
    for (const [index, row] of claimed.entries()) {
      const item = await prepare(row, sources.get(row.customer_id), options, {
        template: row.template_id ? templates.get(row.template_id) : null,
        orgName: org.name,
        campaignName: row.campaign_id ? campaignNames.get(row.campaign_id) : undefined,
        now: clock(),
      });
      handedOver.push("status" in item ? Promise.resolve(item) : handOver(item, options, clock));
      if (index % RENDERS_BETWEEN_YIELDS === RENDERS_BETWEEN_YIELDS - 1) await yieldToEventLoop();
    }
    // While this batch is on its way, the loop claims and renders the next: at most two batches are in flight.
    const batch = (async () => {
      const outcomes = await Promise.all(handedOver);
      await options.onBatchSent?.(outcomes.filter((outcome) => outcome.status === "sent").length);
      await markOutcomes(db, orgId, token, outcomes, clock());
      for (const outcome of outcomes) {
        if (outcome.status === "sent") result.sent++;
        else if (outcome.status === "skipped") result.skipped++;
        else if (outcome.status === "failed") result.failed++;
        else if (outcome.status === "uncertain") result.uncertain++;
        else result.retrying++;
      }
    })();
    batch.catch(() => {}); // awaited below; this only keeps a failure from counting as unhandled meanwhile
    await inFlight;
    inFlight = batch;
  }
  await inFlight;
  await finishCampaigns(db, orgId, clock());
  return result;
}

/**
 * Claims up to `limit` due pending rows in one statement; committed before anything is sent. Ordered by due time
 * alone, so the (org, due_at) index of pending rows stops after `limit` rows: a campaign's letters all fall due at the
 * same moment, and a tie-break on id made every claim read and sort all of them.
 */
async function claimDue(
  db: Kysely<DB>,
  orgId: string,
  now: Date,
  limit: number,
  domain: string,
): Promise<{ token: string; claimed: ClaimedRow[] }> {
  const token = randomBytes(12).toString("hex");
  const { rows } = await sql<ClaimedRow>`
    with due as (
      select id from message_deliveries
      where org_id = ${orgId} and status = 'pending' and due_at <= ${now}
      order by due_at
      limit ${limit}
      for update skip locked
    )
    update message_deliveries d
    set status = 'sending', claim_token = ${token}, claimed_at = ${now}, attempts = d.attempts + 1,
        message_id = '<greeting-' || d.id::text || '@' || ${domain}::text || '>', updated_at = ${now}
    from due
    where d.id = due.id
    returning d.id, d.customer_id, d.occasion_key, d.channel, d.template_id, d.campaign_id, d.rule_id, d.attempts,
              d.message_id, d.due_at
  `.execute(db);
  return { token, claimed: rows };
}

const ADDRESS: Record<GreetingChannel, (source: MergeSource) => string | null> = {
  email: (source) => source.email,
  sms: (source) => source.phone,
  wechat: (source) => source.wechat,
};

interface Prepared {
  row: ClaimedRow;
  message: OutgoingMessage;
}

const outcomeOf = (row: ClaimedRow, status: Outcome["status"], reason: string | null, extra: Partial<Outcome> = {}): Outcome => ({
  id: row.id,
  status,
  reason,
  subject: null,
  recipient: null,
  due_at: null,
  ...extra,
});

/** Decides whether the letter goes (consent, address, channel, template) and renders it; never throws. */
async function prepare(
  row: ClaimedRow,
  source: MergeSource | undefined,
  options: SendOptions,
  context: {
    template: { compiled: CompiledTemplate; language: GreetingLanguage } | null | undefined;
    orgName: string;
    campaignName: string | undefined;
    now: Date;
  },
): Promise<Outcome | Prepared> {
  if (!source || source.status !== "active" || source.erased_at) return outcomeOf(row, "skipped", "inactive");
  if (source.consent?.[row.channel] === false) return outcomeOf(row, "skipped", "opt_out");
  const recipient = ADDRESS[row.channel](source)?.trim();
  if (!recipient) return outcomeOf(row, "skipped", "no_address");
  if (!options.channels[row.channel]) return outcomeOf(row, "failed", `no ${row.channel} channel is configured`, { recipient });
  if (!context.template) return outcomeOf(row, "failed", "the template was deleted", { recipient });
  const [kind] = row.occasion_key.split(":");
  try {
    const fields = buildMergeFields(source, {
      language: context.template.language,
      occasion: {
        key: row.occasion_key,
        kind: kind.replace(/-/g, "_"),
        label: context.campaignName,
        date: zonedParts(new Date(row.due_at), options.settings.timeZone).date,
      },
      orgName: context.orgName,
      now: context.now,
      timeZone: options.settings.timeZone,
    });
    const rendered = await renderTemplate(context.template.compiled, fields);
    return { row, message: { deliveryId: row.id, to: recipient, messageId: row.message_id, ...rendered } };
  } catch (error) {
    // A time limit hit on a busy machine may pass next time; any other render error will not.
    const isTimeLimit = /render limit exceeded/.test(describe(error));
    if (isTimeLimit && row.attempts < MAX_ATTEMPTS) {
      return outcomeOf(row, "pending", describe(error), { recipient, due_at: new Date(context.now.getTime() + RETRY_DELAYS_MS[0]).toISOString() });
    }
    return outcomeOf(row, "failed", describe(error), { recipient });
  }
}

/** Hands one rendered letter to its channel; never throws. */
async function handOver({ row, message }: Prepared, options: SendOptions, clock: () => Date): Promise<Outcome> {
  const sent = { subject: message.subject, recipient: message.to };
  try {
    await options.channels[row.channel]!.send(message);
  } catch (error) {
    // The whole letter went out and the connection died before the server confirmed it: never sent again by itself.
    if (error instanceof UncertainDeliveryError) {
      return outcomeOf(row, "uncertain", `${describe(error)} — check the mail server log for ${message.messageId}`, sent);
    }
    const isPermanent =
      (error instanceof MailDeliveryError || error instanceof ChannelDeliveryError) && error.isPermanent;
    if (isPermanent || row.attempts >= MAX_ATTEMPTS) return outcomeOf(row, "failed", describe(error), sent);
    const delay = RETRY_DELAYS_MS[Math.min(row.attempts - 1, RETRY_DELAYS_MS.length - 1)];
    return outcomeOf(row, "pending", describe(error), { ...sent, due_at: new Date(clock().getTime() + delay).toISOString() });
  }
  return outcomeOf(row, "sent", null, sent);
}

/**
 * Records a batch's outcomes in one statement. Only rows still carrying this claim are touched: a row settled as
 * uncertain meanwhile (our lease ran out) is corrected to what really happened, but one a person re-queued is not.
 */
async function markOutcomes(db: Kysely<DB>, orgId: string, token: string, outcomes: Outcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  await sql`
    update message_deliveries d
    set status = o.status,
        reason = o.reason,
        subject = coalesce(o.subject, d.subject),
        recipient = coalesce(o.recipient, d.recipient),
        due_at = coalesce(o.due_at, d.due_at),
        sent_at = case when o.status = 'sent' then ${now}::timestamptz else d.sent_at end,
        claim_token = case when o.status = 'pending' then null else d.claim_token end,
        updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb)
      as o(id uuid, status text, reason text, subject text, recipient text, due_at timestamptz)
    where d.id = o.id and d.org_id = ${orgId} and d.claim_token = ${token} and d.status in ('sending', 'uncertain')
  `.execute(db);
}

/**
 * Rows left 'sending' past the lease by a worker that died: settled by asking the channel, never re-sent on a guess.
 */
async function settleAbandoned(options: SendOptions, now: Date): Promise<SendResult["recovered"]> {
  const recovered = { sent: 0, requeued: 0, uncertain: 0 };
  const stale = await options.db
    .selectFrom("message_deliveries")
    .select(["id", "channel", "claimed_at"])
    .where("org_id", "=", options.orgId)
    .where("status", "=", "sending")
    .where("claimed_at", "<", new Date(now.getTime() - SEND_LEASE_MS))
    .limit(1000)
    .execute();
  for (const row of stale) {
    const channel = options.channels[row.channel];
    const wasDelivered = channel ? await channel.wasDelivered(row.id, row.claimed_at ?? now) : undefined;
    const update =
      wasDelivered === true
        ? { status: "sent" as const, sent_at: now, reason: "confirmed in the outbox after a restart" }
        : wasDelivered === false
          ? { status: "pending" as const, reason: "the worker stopped before handing it over; queued again" }
          : {
              status: "uncertain" as const,
              reason: "the worker stopped while sending: check the mail server log for the Message-ID, then resend or mark sent",
            };
    const changed = await options.db
      .updateTable("message_deliveries")
      .set({ ...update, updated_at: now })
      .where("id", "=", row.id)
      .where("status", "=", "sending")
      .where("claimed_at", "=", row.claimed_at)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) continue;
    if (update.status === "sent") recovered.sent++;
    else if (update.status === "pending") recovered.requeued++;
    else recovered.uncertain++;
  }
  return recovered;
}

async function loadTemplates(
  db: Kysely<DB>,
  orgId: string,
  rows: ClaimedRow[],
  cache: Map<string, { compiled: CompiledTemplate; language: GreetingLanguage } | null>,
): Promise<void> {
  const missing = [...new Set(rows.map((row) => row.template_id).filter((id): id is string => !!id && !cache.has(id)))];
  if (missing.length === 0) return;
  const templates = await db
    .selectFrom("greeting_templates")
    .select(["id", "subject", "body", "language"])
    .where("org_id", "=", orgId)
    .where("id", "in", missing)
    .execute();
  for (const id of missing) cache.set(id, null);
  for (const template of templates) {
    try {
      cache.set(template.id, { compiled: compileTemplate(template), language: template.language });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
}

async function loadCampaignNames(db: Kysely<DB>, orgId: string, rows: ClaimedRow[], cache: Map<string, string>) {
  const missing = [...new Set(rows.map((row) => row.campaign_id).filter((id): id is string => !!id && !cache.has(id)))];
  if (missing.length === 0) return;
  const campaigns = await db
    .selectFrom("greeting_campaigns")
    .select(["id", "name"])
    .where("org_id", "=", orgId)
    .where("id", "in", missing)
    .execute();
  for (const campaign of campaigns) cache.set(campaign.id, campaign.name);
}

/** Campaigns with nothing left pending or in flight are done. */
async function finishCampaigns(db: Kysely<DB>, orgId: string, now: Date): Promise<void> {
  await sql`
    update greeting_campaigns g set status = 'done', updated_at = ${now}
    where g.org_id = ${orgId} and g.status = 'sending'
      and not exists (
        select 1 from message_deliveries d
        where d.campaign_id = g.id and d.status in ('pending', 'sending')
      )
  `.execute(db);
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
