import type { Kysely } from "kysely";
import type { Customer } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findCustomer, presentCustomer } from "./customer-record.ts";

/** One customer's archive card. @throws AppError customer.not_found outside the actor's organisation or stores. */
export async function getCustomer({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<Customer> {
  return presentCustomer(await findCustomer(db, actor, id));
}
