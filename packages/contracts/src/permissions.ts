/**
 * Which role may do what: one table that the server enforces (apps/server/src/domain/auth/authorize.ts) and the
 * dashboard reads to hide what a role cannot use.
 *
 *   admin          everything in the organisation
 *   manager        every store, but no user administration
 *   store_manager  only their own stores' customers, data and staff
 *   agent          their own stores, no exports, no deletes, no imports; reads surveys and reports, works the
 *                  feedback inbox, tasks and complaints, but neither builds nor sends surveys, and changes no tier
 *                  rule, plan or greeting campaign
 */
import type { Role } from "./auth.ts";

export const PERMISSIONS = [
  "dashboard.read",
  "customer.read",
  "customer.write",
  "customer.delete",
  "customer.export",
  "customer.erase",
  "data.import",
  "user.read",
  "user.admin",
  "audit.read",
  "survey.read",
  "survey.write",
  "survey.distribute",
  "report.read",
  "feedback.read",
  "feedback.write",
  "task.read",
  "task.write",
  /** Customer value figures (RFM, CLV, P(alive)), tiers, the Pareto view and the churn list. */
  "value.read",
  /** Tier rules, manual tier overrides, the priority order, and recomputing on demand. */
  "tier.write",
  /** Maintenance plans per tier and regenerating their tasks. */
  "plan.write",
  "greeting.read",
  /** Greeting templates, occasions and campaigns (scheduling one sends to a segment). */
  "greeting.write",
  "complaint.read",
  /** File complaints, reply, add notes, resolve. */
  "complaint.write",
  /** SLA policies and business hours. */
  "complaint.admin",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everything = new Set<Permission>(PERMISSIONS);
export const GRANTS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: everything,
  manager: new Set(PERMISSIONS.filter((p) => p !== "user.admin" && p !== "audit.read")),
  /** Organisation-wide settings (tier rules, plans, greeting campaigns, SLA policies) stay with managers. */
  store_manager: new Set(
    PERMISSIONS.filter(
      (p) => !["user.admin", "audit.read", "customer.erase", "tier.write", "plan.write", "greeting.write", "complaint.admin"].includes(p),
    ),
  ),
  agent: new Set<Permission>([
    "dashboard.read",
    "customer.read",
    "customer.write",
    "user.read",
    "survey.read",
    "report.read",
    "feedback.read",
    "feedback.write",
    "task.read",
    "task.write",
    "value.read",
    "greeting.read",
    "complaint.read",
    "complaint.write",
  ]),
};

/** Whether a role holds a permission. */
export function roleCan(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
