/**
 * Customer value, tiers, the Pareto view, the priority order and churn. Reading needs value.read (store-bound staff
 * see their stores' customers only); rules, overrides, settings and recomputing need tier.write.
 */
import {
  ChurnCustomerList,
  ChurnListQuery,
  ChurnSummary,
  CustomerValue,
  Id,
  JobRequested,
  ParetoQuery,
  ParetoView,
  PriorityList,
  TierOverrideInput,
  TierPreview,
  TierRuleSet,
  TierRulesView,
  TierSaveResult,
  ValueCustomerListQuery,
  ValueOverview,
  ValueSettings,
} from "@kexin/contracts";
import { z } from "zod";
import { getChurnSummary } from "../../domain/value/get-churn-summary.ts";
import { getCustomerValue } from "../../domain/value/get-customer-value.ts";
import { getPareto } from "../../domain/value/get-pareto.ts";
import { getTierRules } from "../../domain/value/get-tier-rules.ts";
import { getValueOverview } from "../../domain/value/get-value-overview.ts";
import { listChurnCustomers } from "../../domain/value/list-churn-customers.ts";
import { listPriority } from "../../domain/value/list-priority.ts";
import { clearTierOverride, setTierOverride } from "../../domain/value/override-tier.ts";
import { previewTierRules } from "../../domain/value/preview-tier-rules.ts";
import { requestValueRecompute } from "../../domain/value/request-value-recompute.ts";
import { saveTierRules } from "../../domain/value/save-tier-rules.ts";
import { getValueSettings, updateValueSettings } from "../../domain/value/update-value-settings.ts";
import { defineRoute } from "../route.ts";

const tags = ["value"];
const CustomerParams = z.object({ id: Id });

export const valueRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/value/overview",
    summary: "Tier distribution, RFM segments and the last recompute",
    tags,
    access: "value.read",
    response: ValueOverview,
    handler: ({ db, actor }) => getValueOverview({ db, actor }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/value/recompute",
    summary:
      "Ask for every customer's figures and tiers to be recomputed now: 202 with the value.recompute job to poll at " +
      "GET /api/jobs/:id (the one already queued or running, if any); it also runs nightly",
    tags,
    access: "tier.write",
    response: JobRequested,
    status: 202,
    handler: ({ db, actor }) => requestValueRecompute({ db, actor }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/value/tier-rules",
    summary: "The organisation's tier rules, first matching rule wins",
    tags,
    access: "value.read",
    response: TierRulesView,
    handler: ({ db, actor }) => getTierRules({ db, actor }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/value/tier-rules/preview",
    summary: "How many customers a draft rule set would move from each tier to each tier, without saving it",
    tags,
    access: "tier.write",
    body: TierRuleSet,
    response: TierPreview,
    handler: ({ db, actor, body }) => previewTierRules({ db, actor, input: body }),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/value/tier-rules",
    summary: "Save the tier rules and apply them to every customer at once",
    tags,
    access: "tier.write",
    body: TierRuleSet,
    response: TierSaveResult,
    handler: ({ db, actor, body }) => saveTierRules({ db, actor, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/value/settings",
    summary: "Unit costs of serving (for cost-to-serve) and churn thresholds",
    tags,
    access: "value.read",
    response: ValueSettings,
    handler: ({ db, actor }) => getValueSettings({ db, actor }),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/value/settings",
    summary: "Change the unit costs of serving and churn thresholds (used from the next recompute)",
    tags,
    access: "tier.write",
    body: ValueSettings,
    response: ValueSettings,
    handler: ({ db, actor, body }) => updateValueSettings({ db, actor, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/value/pareto",
    summary: "Share of revenue and gross profit from the top customers, overall and per store, with the curve",
    tags,
    access: "value.read",
    query: ParetoQuery,
    response: ParetoView,
    handler: ({ db, actor, query }) => getPareto({ db, actor, topPercent: query.topPercent }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/value/priority",
    summary: "Who is served first when supply is short: tier, then CLV, then P(alive)",
    tags,
    access: "value.read",
    query: ValueCustomerListQuery,
    response: PriorityList,
    handler: ({ db, actor, query }) => listPriority({ db, actor, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/value/churn",
    summary: "The leaky bucket: customers active, at risk and lost, lost value, and reasons",
    tags,
    access: "value.read",
    response: ChurnSummary,
    handler: ({ db, actor }) => getChurnSummary({ db, actor }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/value/churn/customers",
    summary: "The at-risk list to call today, or the lost customers, most valuable first",
    tags,
    access: "value.read",
    query: ChurnListQuery,
    response: ChurnCustomerList,
    handler: ({ db, actor, query }) => listChurnCustomers({ db, actor, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/customers/:id/value",
    summary: "One customer's tier card: tier, override, figures and tier history",
    tags,
    access: "value.read",
    params: CustomerParams,
    response: CustomerValue,
    handler: ({ db, actor, params }) => getCustomerValue({ db, actor, customerId: params.id }),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/customers/:id/tier",
    summary: "Set a customer's tier by hand, with a reason; it wins over the computed tier",
    tags,
    access: "tier.write",
    params: CustomerParams,
    body: TierOverrideInput,
    response: CustomerValue,
    handler: ({ db, actor, params, body }) => setTierOverride({ db, actor, customerId: params.id, input: body }),
  }),
  defineRoute({
    method: "DELETE",
    url: "/api/customers/:id/tier",
    summary: "Clear a customer's manual tier: the computed tier is in force again",
    tags,
    access: "tier.write",
    params: CustomerParams,
    response: CustomerValue,
    handler: ({ db, actor, params }) => clearTierOverride({ db, actor, customerId: params.id }),
  }),
];
