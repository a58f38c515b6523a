import type { Role } from "@kexin/contracts";

/** Who is asking: resolved from the session on every request and passed to every use case. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  /** Stores the user is assigned to (for store managers and agents the limit of what they see). */
  storeIds: string[];
  name: string;
  ip?: string;
}
