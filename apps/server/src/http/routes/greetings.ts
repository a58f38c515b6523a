/**
 * Greetings and letters: templates (with a per-customer preview), the occasion calendar, occasion rules, campaigns
 * to a segment (preview count, schedule, cancel), the letters sent and the quiet hours. Reading needs greeting.read;
 * anything that writes or sends needs greeting.write (organisation-wide roles).
 */
import {
  DeliveryList,
  DeliveryListQuery,
  DeliveryResolution,
  GreetingCampaign,
  GreetingCampaignInput,
  GreetingCampaignList,
  GreetingPreview,
  GreetingPreviewRequest,
  GreetingRule,
  GreetingRuleInput,
  GreetingRuleList,
  GreetingRuleUpdate,
  GreetingSettings,
  GreetingTemplate,
  GreetingTemplateInput,
  GreetingTemplateList,
  GreetingTemplateUpdate,
  Id,
  MessageDelivery,
  OccasionCalendar,
  OccasionCalendarQuery,
  SegmentPreview,
  SegmentPreviewRequest,
} from "@kexin/contracts";
import { z } from "zod";
import { cancelGreetingCampaign } from "../../domain/greetings/cancel-greeting-campaign.ts";
import { createGreetingTemplate } from "../../domain/greetings/create-greeting-template.ts";
import { loadGreetingSettings } from "../../domain/greetings/greeting-settings.ts";
import { listGreetingCampaigns } from "../../domain/greetings/list-greeting-campaigns.ts";
import { listGreetingRules } from "../../domain/greetings/list-greeting-rules.ts";
import { listGreetingTemplates } from "../../domain/greetings/list-greeting-templates.ts";
import { listMessageDeliveries } from "../../domain/greetings/list-message-deliveries.ts";
import { occasionDatesOfYear } from "../../domain/greetings/occasion-dates.ts";
import { previewGreeting } from "../../domain/greetings/preview-greeting.ts";
import { previewSegment } from "../../domain/greetings/preview-segment.ts";
import { resolveMessageDelivery } from "../../domain/greetings/resolve-message-delivery.ts";
import { createGreetingRule, updateGreetingRule } from "../../domain/greetings/save-greeting-rule.ts";
import { scheduleGreetingCampaign } from "../../domain/greetings/schedule-greeting-campaign.ts";
import { updateGreetingSettings } from "../../domain/greetings/update-greeting-settings.ts";
import { updateGreetingTemplate } from "../../domain/greetings/update-greeting-template.ts";
import { defineRoute } from "../route.ts";

const tags = ["greetings"];
const ById = z.object({ id: Id });

export const greetingRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/greetings/templates",
    summary: "Greeting templates, the built-in ones included",
    tags,
    access: "greeting.read",
    response: GreetingTemplateList,
    handler: ({ db, actor }) => listGreetingTemplates({ db, actor }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/greetings/templates",
    summary: "Add a template; its liquid is checked (400 names subject or body with liquid's message)",
    tags,
    access: "greeting.write",
    body: GreetingTemplateInput,
    response: GreetingTemplate,
    status: 201,
    handler: ({ db, actor, body }) => createGreetingTemplate({ db, actor, input: body }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/api/greetings/templates/:id",
    summary: "Change a template, or archive it",
    tags,
    access: "greeting.write",
    params: ById,
    body: GreetingTemplateUpdate,
    response: GreetingTemplate,
    handler: ({ db, actor, params, body }) => updateGreetingTemplate({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/greetings/preview",
    summary: "Render a template (saved or a draft) for one customer",
    tags,
    access: "greeting.read",
    body: GreetingPreviewRequest,
    response: GreetingPreview,
    handler: ({ db, actor, body }) => previewGreeting({ db, actor, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/greetings/occasions",
    summary: "The holidays of a year (Spring Festival, Dragon Boat, National Day, Mid-Autumn)",
    tags,
    access: "greeting.read",
    query: OccasionCalendarQuery,
    response: OccasionCalendar,
    handler: async ({ query }) => ({ year: query.year, items: occasionDatesOfYear(query.year) }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/greetings/rules",
    summary: "Occasion rules (birthday, holidays, after a purchase, tier upgrade, win-back)",
    tags,
    access: "greeting.read",
    response: GreetingRuleList,
    handler: ({ db, actor }) => listGreetingRules({ db, actor }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/greetings/rules",
    summary: "Add an occasion rule",
    tags,
    access: "greeting.write",
    body: GreetingRuleInput,
    response: GreetingRule,
    status: 201,
    handler: ({ db, actor, body }) => createGreetingRule({ db, actor, input: body }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/api/greetings/rules/:id",
    summary: "Change, pause or resume an occasion rule",
    tags,
    access: "greeting.write",
    params: ById,
    body: GreetingRuleUpdate,
    response: GreetingRule,
    handler: ({ db, actor, params, body }) => updateGreetingRule({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/greetings/campaigns",
    summary: "Campaigns, newest first, with their letters' counts by status",
    tags,
    access: "greeting.read",
    response: GreetingCampaignList,
    handler: ({ db, actor }) => listGreetingCampaigns({ db, actor }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/greetings/campaigns/preview",
    summary: "How many customers of a segment a campaign would reach on a channel",
    tags,
    access: "greeting.read",
    body: SegmentPreviewRequest,
    response: SegmentPreview,
    handler: ({ db, actor, body }) => previewSegment({ db, actor, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/greetings/campaigns",
    summary: "Schedule a campaign to a segment",
    tags,
    access: "greeting.write",
    body: GreetingCampaignInput,
    response: GreetingCampaign,
    status: 201,
    handler: ({ db, actor, body }) => scheduleGreetingCampaign({ db, actor, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/greetings/campaigns/:id/cancel",
    summary: "Cancel a campaign: letters not yet sent are skipped",
    tags,
    access: "greeting.write",
    params: ById,
    response: GreetingCampaign,
    handler: ({ db, actor, params }) => cancelGreetingCampaign({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/greetings/deliveries",
    summary: "Letters with their status (sent, skipped, uncertain, failed, …)",
    tags,
    access: "greeting.read",
    query: DeliveryListQuery,
    response: DeliveryList,
    handler: ({ db, actor, query }) => listMessageDeliveries({ db, actor, input: query }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/greetings/deliveries/:id/resolve",
    summary: "Settle an uncertain letter (resend, mark sent, dismiss) or resend a failed one",
    tags,
    access: "greeting.write",
    params: ById,
    body: DeliveryResolution,
    response: MessageDelivery,
    handler: ({ db, actor, params, body }) => resolveMessageDelivery({ db, actor, id: params.id, action: body.action }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/greetings/settings",
    summary: "Time zone and quiet hours for greetings",
    tags,
    access: "greeting.read",
    response: GreetingSettings,
    handler: ({ db, actor }) => loadGreetingSettings(db, actor.orgId),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/greetings/settings",
    summary: "Change the time zone and quiet hours",
    tags,
    access: "greeting.write",
    body: GreetingSettings,
    response: GreetingSettings,
    handler: ({ db, actor, body }) => updateGreetingSettings({ db, actor, input: body }),
  }),
];
