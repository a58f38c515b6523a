import { z } from "zod";
import { Id, Locale } from "./common.ts";

/**
 * admin: everything in the organisation · manager: all stores, no user admin ·
 * store_manager: only their own stores' customers, data and staff · agent: their stores, no exports, no deletes.
 */
export const Role = z.enum(["admin", "manager", "store_manager", "agent"]);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.object({
  email: z.email().max(200),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Store = z.object({ id: Id, code: z.string(), name: z.string(), city: z.string().nullable() });
export type Store = z.infer<typeof Store>;

export const Me = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  locale: Locale,
  organisation: z.object({ id: Id, name: z.string() }),
  stores: z.array(Store),
});
export type Me = z.infer<typeof Me>;

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  storeIds: z.array(Id),
  isDisabled: z.boolean(),
});
export type User = z.infer<typeof User>;

export const UserCreate = z.object({
  email: z.email().max(200),
  name: z.string().trim().min(1).max(100),
  role: Role,
  storeIds: z.array(Id).default([]),
  password: z.string().min(10, "password must have at least 10 characters").max(200),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  role: Role.optional(),
  storeIds: z.array(Id).optional(),
  isDisabled: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const LocaleUpdate = z.object({ locale: Locale });

/**
 * Every action the audit log records: sign-ins, exports, deletes, permission changes, and the saves that change what
 * the business does to customers (tier rules, plans, greetings, complaint settings). The server records only these;
 * the dashboard names each in the reader's language.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "customer.export",
  "customer.archive",
  "customer.restore",
  "customer.erase",
  "customer.personal_data_export",
  "data.import",
  "user.create",
  "user.update",
  "survey.invite",
  "survey.remind",
  "survey.publish",
  "survey.close",
  "survey.reopen",
  "job.retry",
  "tier.rules_save",
  "tier.override",
  "value.settings_update",
  "value.recompute",
  "plan.update",
  "greeting.settings_update",
  "greeting.rule_save",
  "greeting.template_save",
  "greeting.campaign_schedule",
  "greeting.campaign_cancel",
  "complaint.settings_update",
  "complaint.resolve",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = z.object({
  id: Id,
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(50).optional(),
});
export const AuditList = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export type AuditQuery = z.input<typeof AuditQuery>;
export type AuditList = z.infer<typeof AuditList>;
