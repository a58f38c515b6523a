import { DashboardSummary } from "@kexin/contracts";
import { getDashboardSummary } from "../../domain/dashboard/get-dashboard-summary.ts";
import { defineRoute } from "../route.ts";

export const dashboardRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/dashboard/summary",
    summary: "Customers, active customers, revenue, a 12-month series and a per-store split, within the user's stores",
    tags: ["dashboard"],
    access: "dashboard.read",
    response: DashboardSummary,
    handler: ({ db, actor }) => getDashboardSummary({ db, actor }),
  }),
];
