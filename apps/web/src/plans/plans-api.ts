/** Maintenance plans, regenerating their tasks, and B2B service figures. */
import {
  type CustomerTier,
  PlanGeneration,
  PlanList,
  PlanSaved,
  type PlanUpdate,
  ServiceFigureList,
  ServiceFigureReport,
  type ServiceFigureReportQuery,
} from "@kexin/contracts";
import type { z } from "zod";
import { requestJson } from "../api/client.ts";

export function listPlans(): Promise<PlanList> {
  return requestJson(PlanList, "/api/plans");
}

/** Saves a tier's plan; the server regenerates the tasks at once and says what changed. */
export function savePlan(tier: CustomerTier, update: PlanUpdate): Promise<PlanSaved> {
  return requestJson(PlanSaved, `/api/plans/${tier}`, { method: "PUT", body: update });
}

export function regeneratePlanTasks(days = 7): Promise<PlanGeneration> {
  return requestJson(PlanGeneration, "/api/plans/regenerate", { method: "POST", body: { days } });
}

export function listServiceFigures(customerId: string): Promise<ServiceFigureList> {
  return requestJson(ServiceFigureList, `/api/customers/${encodeURIComponent(customerId)}/service-figures`);
}

export function getServiceFigureReport(query: z.input<typeof ServiceFigureReportQuery>): Promise<ServiceFigureReport> {
  return requestJson(ServiceFigureReport, "/api/service-figures/report", { query });
}
