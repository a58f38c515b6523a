/**
 * Maintenance plans per tier, regenerating their tasks, and the B2B service figures calls record. Plans are
 * organisation-wide: anyone who works tasks reads them; plan.write edits them and regenerates now.
 */
import {
  CustomerTier,
  Id,
  PlanGeneration,
  PlanList,
  PlanRegenerate,
  PlanSaved,
  PlanUpdate,
  ServiceFigureList,
  ServiceFigureReport,
  ServiceFigureReportQuery,
} from "@kexin/contracts";
import { z } from "zod";
import { getServiceFigureReport } from "../../domain/plans/get-service-figure-report.ts";
import { listPlans } from "../../domain/plans/list-plans.ts";
import { listServiceFigures } from "../../domain/plans/list-service-figures.ts";
import { regeneratePlanTasks } from "../../domain/plans/regenerate-plan-tasks.ts";
import { updatePlan } from "../../domain/plans/update-plan.ts";
import { defineRoute } from "../route.ts";

const tags = ["plans"];

export const planRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/plans",
    summary: "The four tier plans (defaults until edited), with customers per tier and open tasks each has generated",
    tags,
    access: "task.read",
    response: PlanList,
    handler: ({ db, actor }) => listPlans({ db, actor }),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/plans/:tier",
    summary: "Save a tier's plan (actions in order; an action's id keeps its tasks) and regenerate the tasks",
    tags,
    access: "plan.write",
    params: z.object({ tier: CustomerTier }),
    body: PlanUpdate,
    response: PlanSaved,
    handler: ({ db, actor, params, body }) => updatePlan({ db, actor, tier: params.tier, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/plans/regenerate",
    summary: "Generate plan tasks for the next days now (never duplicates; dismisses tasks that no longer apply)",
    tags,
    access: "plan.write",
    body: PlanRegenerate,
    response: PlanGeneration,
    handler: ({ db, actor, body }) => regeneratePlanTasks({ db, actor, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/customers/:id/service-figures",
    summary: "A B2B customer's service figures (on-time delivery, inspection pass rate), oldest first",
    tags,
    access: "customer.read",
    params: z.object({ id: Id }),
    response: ServiceFigureList,
    handler: ({ db, actor, params }) => listServiceFigures({ db, actor, customerId: params.id }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/service-figures/report",
    summary: "Service figures trended by month, per tier or per customer, within the caller's stores",
    tags,
    access: "report.read",
    query: ServiceFigureReportQuery,
    response: ServiceFigureReport,
    handler: ({ db, actor, query }) => getServiceFigureReport({ db, actor, input: query }),
  }),
];
