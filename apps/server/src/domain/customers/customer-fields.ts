/**
 * Turning what staff wrote into customer columns, and the checks every write shares: the home store belongs to the
 * organisation and to the actor's stores, the account manager is a colleague, and codes are unique.
 */
import type { Kysely, Updateable } from "kysely";
import type { CustomerUpdate } from "@kexin/contracts";
import type { z } from "zod";
import type { CustomersTable, DB } from "../../db/schema.ts";
import { AppError, invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope } from "../auth/authorize.ts";

export type CustomerChanges = z.output<typeof CustomerUpdate>;
type CustomerColumns = Omit<Updateable<CustomersTable>, "org_id">;

/** Only the fields present in `input` become columns: an absent field is left as it is. */
export function toCustomerColumns(input: CustomerChanges): CustomerColumns {
  const columns: CustomerColumns = {};
  const assign = <K extends keyof CustomerColumns>(key: K, value: CustomerColumns[K] | undefined) => {
    if (value !== undefined) columns[key] = value;
  };
  // Empty text means "no value": a cleared form field stores null, not "".
  const text = (value: string | null | undefined) => (value === undefined ? undefined : value || null);
  assign("code", text(input.code));
  assign("name", input.name);
  assign("kind", input.kind);
  assign("gender", input.gender);
  assign("birthday", input.birthday);
  assign("phone", text(input.phone));
  assign("email", text(input.email)?.toLowerCase() ?? text(input.email));
  assign("wechat", text(input.wechat));
  assign("city", text(input.city));
  assign("company", text(input.company));
  assign("home_store_id", input.homeStoreId);
  assign("account_manager_id", input.accountManagerId);
  assign("preferences", text(input.preferences));
  assign("needs", text(input.needs));
  assign("personal_note", text(input.personalNote));
  assign("tags", input.tags && [...new Set(input.tags)]);
  assign("attributes", input.attributes && JSON.stringify(input.attributes));
  assign("consent", input.consent && JSON.stringify(input.consent));
  return columns;
}

/**
 * @throws AppError invalid (field homeStoreId) when the store is not the organisation's or not within the actor's
 *   stores; invalid (field accountManagerId) when the manager is not an active colleague.
 */
export async function checkCustomerReferences(
  db: Kysely<DB>,
  actor: Actor,
  input: { homeStoreId?: string | null; accountManagerId?: string | null },
): Promise<void> {
  if (input.homeStoreId !== undefined) {
    const store = input.homeStoreId
      ? await db
          .selectFrom("stores")
          .select("id")
          .where("org_id", "=", actor.orgId)
          .where("id", "=", input.homeStoreId)
          .executeTakeFirst()
      : undefined;
    if (input.homeStoreId && !store) {
      throw invalid("customer.home_store_unknown", "homeStoreId is not a store of your organisation", "homeStoreId");
    }
    if (!isInStoreScope(actor, input.homeStoreId ?? null)) {
      throw invalid("customer.home_store_out_of_scope", "homeStoreId must be one of your stores", "homeStoreId");
    }
  }
  if (input.accountManagerId) {
    const manager = await db
      .selectFrom("users")
      .select("id")
      .where("org_id", "=", actor.orgId)
      .where("id", "=", input.accountManagerId)
      .where("disabled_at", "is", null)
      .executeTakeFirst();
    if (!manager) {
      throw invalid("customer.account_manager_unknown", "accountManagerId is not an active user of your organisation", "accountManagerId");
    }
  }
}

/** @throws AppError conflict (field code) when another customer of the organisation already has this code. */
export async function checkCodeIsFree(db: Kysely<DB>, orgId: string, code: string | null | undefined, exceptId?: string) {
  if (!code) return;
  let query = db.selectFrom("customers").select("id").where("org_id", "=", orgId).where("code", "=", code);
  if (exceptId) query = query.where("id", "!=", exceptId);
  if (await query.executeTakeFirst()) throw duplicateCode(code);
}

const duplicateCode = (code: string) =>
  new AppError("customer.code_taken", "conflict", `another customer already has the code ${code}; choose another`, "code");

/** Maps the unique index's violation (a concurrent write won the race) to the same 409 as the check above. */
export function rethrowDuplicateCode(error: unknown, code: string | null | undefined): never {
  const database = error as { code?: string; constraint?: string };
  if (database?.code === "23505" && database.constraint === "customers_org_code") throw duplicateCode(code ?? "");
  throw error;
}
