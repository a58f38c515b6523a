/** Customer value, tiers, the Pareto view, the priority order and churn. */
import {
  ChurnCustomerList,
  ChurnSummary,
  CustomerValue,
  JobEntry,
  JobRequested,
  ParetoView,
  PriorityList,
  TierPreview,
  TierRulesView,
  TierSaveResult,
  ValueOverview,
  ValueSettings,
  type CustomerTier,
  type TierRuleSet,
} from "@kexin/contracts";
import { requestJson } from "../api/client.ts";

export const getValueOverview = () => requestJson(ValueOverview, "/api/value/overview");
/** Asks the worker to recompute now; answers with the job to poll (the one already queued or running, if any). */
export const requestRecompute = () => requestJson(JobRequested, "/api/value/recompute", { method: "POST" });
export const getJob = (id: string) => requestJson(JobEntry, `/api/jobs/${encodeURIComponent(id)}`);
export const getTierRules = () => requestJson(TierRulesView, "/api/value/tier-rules");
export const previewTierRules = (rules: TierRuleSet) => requestJson(TierPreview, "/api/value/tier-rules/preview", { method: "POST", body: rules });
export const saveTierRules = (rules: TierRuleSet) => requestJson(TierSaveResult, "/api/value/tier-rules", { method: "PUT", body: rules });
export const getValueSettings = () => requestJson(ValueSettings, "/api/value/settings");
export const saveValueSettings = (settings: ValueSettings) => requestJson(ValueSettings, "/api/value/settings", { method: "PUT", body: settings });
export const getPareto = (topPercent = 20) => requestJson(ParetoView, "/api/value/pareto", { query: { topPercent } });
export const listPriority = (page: number, pageSize: number) => requestJson(PriorityList, "/api/value/priority", { query: { page, pageSize } });
export const getChurnSummary = () => requestJson(ChurnSummary, "/api/value/churn");
export const listChurnCustomers = (status: "at_risk" | "lost", page: number, pageSize: number) =>
  requestJson(ChurnCustomerList, "/api/value/churn/customers", { query: { status, page, pageSize } });

const customerPath = (id: string) => `/api/customers/${encodeURIComponent(id)}`;
export const getCustomerValue = (id: string) => requestJson(CustomerValue, `${customerPath(id)}/value`);
export const setCustomerTier = (id: string, tier: CustomerTier, reason: string) =>
  requestJson(CustomerValue, `${customerPath(id)}/tier`, { method: "PUT", body: { tier, reason } });
export const clearCustomerTier = (id: string) => requestJson(CustomerValue, `${customerPath(id)}/tier`, { method: "DELETE" });
