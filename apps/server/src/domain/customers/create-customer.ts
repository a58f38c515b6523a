import type { Kysely } from "kysely";
import type { Customer, CustomerInput } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { findCustomer, presentCustomer } from "./customer-record.ts";
import { checkCodeIsFree, checkCustomerReferences, rethrowDuplicateCode, toCustomerColumns } from "./customer-fields.ts";

/**
 * Adds a customer to the archive. Staff bound to stores must file the customer under one of their stores (or, with a
 * single store, get it by default) — otherwise they could create a customer they can no longer see.
 * @throws AppError invalid naming the field; conflict (field code) for a duplicate code.
 */
export async function createCustomer({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof CustomerInput>;
}): Promise<Customer> {
  const scope = storeScope(actor);
  let homeStoreId = input.homeStoreId ?? null;
  if (!homeStoreId && scope) {
    if (scope.length !== 1) throw invalid("customer.home_store_required", "homeStoreId: choose one of your stores", "homeStoreId");
    homeStoreId = scope[0];
  }
  await checkCustomerReferences(db, actor, { homeStoreId, accountManagerId: input.accountManagerId });
  await checkCodeIsFree(db, actor.orgId, input.code);
  const created = await db
    .insertInto("customers")
    .values({ ...toCustomerColumns(input), name: input.name, home_store_id: homeStoreId, org_id: actor.orgId })
    .returning("id")
    .executeTakeFirstOrThrow()
    .catch((error) => rethrowDuplicateCode(error, input.code));
  return presentCustomer(await findCustomer(db, actor, created.id));
}
