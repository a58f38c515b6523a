/** The home page's figures. */
import { DashboardSummary } from "@kexin/contracts";
import { requestJson } from "./client.ts";

export function getDashboardSummary(): Promise<DashboardSummary> {
  return requestJson(DashboardSummary, "/api/dashboard/summary");
}
