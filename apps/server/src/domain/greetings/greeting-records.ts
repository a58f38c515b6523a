/** How greeting rows are presented by the API (one presenter per kind of row). */
import { Segment, type GreetingCampaign, type GreetingRule, type GreetingTemplate, type MessageDelivery, type RuleOccasion } from "@kexin/contracts";
import type { Selectable } from "kysely";
import type { GreetingCampaignsTable, GreetingRulesTable, GreetingTemplatesTable, MessageDeliveriesTable } from "../../db/schema.ts";
import { toIso } from "../customers/customer-record.ts";

export function presentTemplate(row: Selectable<GreetingTemplatesTable>): GreetingTemplate {
  return {
    id: row.id,
    builtinKey: row.builtin_key,
    purpose: row.purpose as GreetingTemplate["purpose"],
    language: row.language,
    name: row.name,
    subject: row.subject,
    body: row.body,
    isArchived: row.is_archived,
    updatedAt: toIso(row.updated_at)!,
  };
}

export function presentRule(row: Selectable<GreetingRulesTable> & { template_name: string }): GreetingRule {
  return {
    id: row.id,
    name: row.name,
    occasion: row.occasion as RuleOccasion,
    templateId: row.template_id,
    templateName: row.template_name,
    channel: row.channel,
    sendTime: row.send_time,
    daysAfter: row.days_after,
    segment: Segment.parse(row.segment ?? {}),
    isActive: row.is_active,
    updatedAt: toIso(row.updated_at)!,
  };
}

export function presentCampaign(
  row: Selectable<GreetingCampaignsTable> & { template_name: string },
  counts: Record<string, number>,
): GreetingCampaign {
  return {
    id: row.id,
    name: row.name,
    templateId: row.template_id,
    templateName: row.template_name,
    channel: row.channel,
    segment: Segment.parse(row.segment ?? {}),
    scheduledAt: toIso(row.scheduled_at)!,
    status: row.status,
    estimatedCount: row.estimated_count,
    counts,
    createdAt: toIso(row.created_at)!,
  };
}

export function presentDelivery(row: Selectable<MessageDeliveriesTable> & { customer_name: string }): MessageDelivery {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    occasionKey: row.occasion_key,
    channel: row.channel,
    status: row.status,
    reason: row.reason,
    recipient: row.recipient,
    subject: row.subject,
    messageId: row.message_id,
    attempts: row.attempts,
    dueAt: toIso(row.due_at)!,
    sentAt: toIso(row.sent_at),
    updatedAt: toIso(row.updated_at)!,
    campaignId: row.campaign_id,
    ruleId: row.rule_id,
  };
}
