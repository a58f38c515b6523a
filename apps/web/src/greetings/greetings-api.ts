/** The greetings API: templates, previews, occasions, rules, campaigns, letters and quiet hours. */
import {
  DeliveryList,
  GreetingCampaign,
  GreetingCampaignList,
  GreetingPreview,
  GreetingRule,
  GreetingRuleList,
  GreetingSettings,
  GreetingTemplate,
  GreetingTemplateList,
  MessageDelivery,
  OccasionCalendar,
  SegmentPreview,
  type DeliveryStatus,
  type GreetingCampaignInput,
  type GreetingPreviewRequest,
  type GreetingRuleInput,
  type GreetingRuleUpdate,
  type GreetingTemplateInput,
  type GreetingTemplateUpdate,
  type SegmentPreviewRequest,
} from "@kexin/contracts";
import { requestJson } from "../api/client.ts";

const base = "/api/greetings";

export const listTemplates = () => requestJson(GreetingTemplateList, `${base}/templates`);
export const createTemplate = (input: GreetingTemplateInput) =>
  requestJson(GreetingTemplate, `${base}/templates`, { method: "POST", body: input });
export const updateTemplate = (id: string, change: GreetingTemplateUpdate) =>
  requestJson(GreetingTemplate, `${base}/templates/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
export const previewGreeting = (input: GreetingPreviewRequest) =>
  requestJson(GreetingPreview, `${base}/preview`, { method: "POST", body: input });
export const getOccasions = (year: number) => requestJson(OccasionCalendar, `${base}/occasions`, { query: { year } });

export const listRules = () => requestJson(GreetingRuleList, `${base}/rules`);
export const createRule = (input: GreetingRuleInput) => requestJson(GreetingRule, `${base}/rules`, { method: "POST", body: input });
export const updateRule = (id: string, change: GreetingRuleUpdate) =>
  requestJson(GreetingRule, `${base}/rules/${encodeURIComponent(id)}`, { method: "PATCH", body: change });

export const listCampaigns = () => requestJson(GreetingCampaignList, `${base}/campaigns`);
export const previewSegment = (input: SegmentPreviewRequest) =>
  requestJson(SegmentPreview, `${base}/campaigns/preview`, { method: "POST", body: input });
export const scheduleCampaign = (input: GreetingCampaignInput) =>
  requestJson(GreetingCampaign, `${base}/campaigns`, { method: "POST", body: input });
export const cancelCampaign = (id: string) =>
  requestJson(GreetingCampaign, `${base}/campaigns/${encodeURIComponent(id)}/cancel`, { method: "POST" });

export const listDeliveries = (query: { status?: DeliveryStatus; customerId?: string; campaignId?: string; page?: number; pageSize?: number }) =>
  requestJson(DeliveryList, `${base}/deliveries`, { query });
export const resolveDelivery = (id: string, action: "resend" | "mark_sent" | "dismiss") =>
  requestJson(MessageDelivery, `${base}/deliveries/${encodeURIComponent(id)}/resolve`, { method: "POST", body: { action } });

export const getGreetingSettings = () => requestJson(GreetingSettings, `${base}/settings`);
export const updateGreetingSettings = (input: GreetingSettings) =>
  requestJson(GreetingSettings, `${base}/settings`, { method: "PUT", body: input });
