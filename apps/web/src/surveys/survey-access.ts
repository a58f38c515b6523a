/**
 * Who may change a survey: survey.write, and for store-bound roles (store manager, agent) only their own stores'
 * surveys. An organisation-wide survey is read-only to them (the server answers 403 survey.read_only), though
 * they may copy it into one of their stores.
 */
import type { Role } from "@kexin/contracts";
import { can } from "../auth/permissions.ts";

export function isStoreBound(role: Role): boolean {
  return role === "store_manager" || role === "agent";
}

export function mayChangeSurvey(role: Role, surveyStoreId: string | null): boolean {
  return can(role, "survey.write") && !(isStoreBound(role) && surveyStoreId === null);
}
