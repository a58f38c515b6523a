/**
 * How many customers a campaign to this segment would reach on a channel, before it is scheduled: matched, minus
 * those who opted out of the channel, minus those with no address on it. The sender skips exactly these, in the
 * same order, so `sendable` is what a campaign sends (unless records change in between).
 */
import { sql, type Kysely } from "kysely";
import type { GreetingChannel, Segment, SegmentPreview, SegmentPreviewRequest } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { scopedSegment } from "./scoped-segment.ts";
import { addressOf, optedOutOf, SEGMENT_FROM, segmentConditions } from "./segment-filter.ts";

export async function countSegment(
  db: Kysely<DB>,
  orgId: string,
  segment: Segment,
  channel: GreetingChannel,
  now: Date,
): Promise<SegmentPreview> {
  const optedOut = optedOutOf(channel);
  const address = addressOf(channel);
  const { rows } = await sql<{ matched: string; opted_out: string; no_address: string }>`
    select count(*) as matched,
           count(*) filter (where ${optedOut}) as opted_out,
           count(*) filter (where not ${optedOut} and coalesce(btrim(${address}), '') = '') as no_address
    from ${SEGMENT_FROM}
    where ${segmentConditions(orgId, segment, now)}
  `.execute(db);
  const matched = Number(rows[0].matched);
  const optedOutCount = Number(rows[0].opted_out);
  const noAddress = Number(rows[0].no_address);
  return { matched, optedOut: optedOutCount, noAddress, sendable: matched - optedOutCount - noAddress };
}

export async function previewSegment({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof SegmentPreviewRequest>;
  now?: Date;
}): Promise<SegmentPreview> {
  return countSegment(db, actor.orgId, scopedSegment(actor, input.segment), input.channel, now);
}
