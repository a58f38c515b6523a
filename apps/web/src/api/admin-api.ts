/** Staff accounts, stores and the audit log. */
import { AuditList, JobList, Store, User, type AuditQuery, type JobListQuery, type UserCreate, type UserUpdate } from "@kexin/contracts";
import { requestJson, requestVoid } from "./client.ts";

const StoreList = Store.array();
const UserList = User.array();

/** The stores the signed-in user may see (all of them for admins and managers). */
export function listStores(): Promise<Store[]> {
  return requestJson(StoreList, "/api/stores");
}

export function listUsers(): Promise<User[]> {
  return requestJson(UserList, "/api/users");
}

export function createUser(input: UserCreate): Promise<User> {
  return requestJson(User, "/api/users", { method: "POST", body: input });
}

export function updateUser(id: string, change: UserUpdate): Promise<User> {
  return requestJson(User, `/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
}

/** Newest first. */
export function listAudit(query: AuditQuery): Promise<AuditList> {
  return requestJson(AuditList, "/api/audit", { query });
}

/** Background jobs, latest first, with counts per status. */
export function listJobs(query: JobListQuery): Promise<JobList> {
  return requestJson(JobList, "/api/jobs", { query });
}

/** Puts a failed job back on the queue. */
export function retryJob(id: string): Promise<void> {
  return requestVoid(`/api/jobs/${encodeURIComponent(id)}/retry`, { method: "POST" });
}
