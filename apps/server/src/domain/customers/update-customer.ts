import type { Kysely } from "kysely";
import type { Customer, CustomerUpdate } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { findCustomer, presentCustomer } from "./customer-record.ts";
import { checkCodeIsFree, checkCustomerReferences, rethrowDuplicateCode, toCustomerColumns } from "./customer-fields.ts";

/**
 * Changes the fields present in `input`; absent fields keep their value.
 * @throws AppError not_found outside the actor's scope; invalid naming the field; conflict for a duplicate code or an
 *   erased customer (erasure is final: nothing personal may be written back).
 */
export async function updateCustomer({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof CustomerUpdate>;
}): Promise<Customer> {
  const current = await findCustomer(db, actor, id);
  if (current.erased_at) {
    throw new AppError("customer.erased", "conflict", "this customer's personal data was erased; add a new customer instead");
  }
  await checkCustomerReferences(db, actor, input);
  await checkCodeIsFree(db, actor.orgId, input.code, id);
  const columns = toCustomerColumns(input);
  if (Object.keys(columns).length > 0) {
    await db
      .updateTable("customers")
      .set({ ...columns, updated_at: new Date() })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .execute()
      .catch((error) => rethrowDuplicateCode(error, input.code));
  }
  return presentCustomer(await findCustomer(db, actor, id));
}
