import type { Actor } from "./actor.ts";

/**
 * The actor of work nobody signed in for: the `kexin` command line run by whoever operates the machine.
 * It has admin rights in one organisation (running the CLI already means access to the database) and no user
 * row, so audit entries and jobs it leaves carry a null user.
 */
export const SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000";

export function systemActor(orgId: string): Actor {
  return { userId: SYSTEM_USER_ID, orgId, role: "admin", storeIds: [], name: "kexin command line" };
}

/** The user id to store for an actor: null for the system actor, which has no users row. */
export function storedUserId(actor: Actor): string | null {
  return actor.userId === SYSTEM_USER_ID ? null : actor.userId;
}
