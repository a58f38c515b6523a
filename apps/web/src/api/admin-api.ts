/** Staff accounts and the audit log (administrators). */
import { AuditList, Store, User, type AuditQuery, type UserCreate, type UserUpdate } from "@kexin/contracts";
import { z } from "zod";
import { requestJson } from "./client.ts";

/** Accepts either a bare array or `{ items }`, so the page does not care how the list is wrapped. */
const listOf = <S extends z.ZodType>(item: S) =>
  z.union([z.array(item), z.object({ items: z.array(item) }).transform((list) => list.items)]);

export function listStores(): Promise<Store[]> {
  return requestJson(listOf(Store), "/api/stores");
}

export function listUsers(): Promise<User[]> {
  return requestJson(listOf(User), "/api/users");
}

export function createUser(input: UserCreate): Promise<User> {
  return requestJson(User, "/api/users", { method: "POST", body: input });
}

export function updateUser(id: string, change: UserUpdate): Promise<User> {
  return requestJson(User, `/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
}

export function listAudit(query: AuditQuery): Promise<AuditList> {
  return requestJson(AuditList, "/api/audit", { query });
}
