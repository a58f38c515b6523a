import type { Kysely } from "kysely";
import type { Customer } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { archiveCustomer } from "./archive-customer.ts";

/** Brings an archived customer back into the working archive. Audited as customer.restore. */
export function restoreCustomer({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<Customer> {
  return archiveCustomer({ db, actor, id, status: "active" });
}
