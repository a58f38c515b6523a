import type { Kysely } from "kysely";
import type { User, UserCreate } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { hashPassword } from "../auth/passwords.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { checkUserStores, emailTaken, findUser } from "./user-record.ts";

/**
 * Opens a staff account with an argon2id password hash. Audited as user.create (never with the password).
 * @throws AppError conflict (field email) when the email is in use; invalid (field storeIds) for foreign stores.
 */
export async function createUser({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof UserCreate>;
}): Promise<User> {
  const email = input.email.toLowerCase();
  const storeIds = await checkUserStores(db, actor.orgId, input.role, input.storeIds);
  // Emails are unique across organisations: sign-in finds the user by email alone.
  if (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()) throw emailTaken(email);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({ org_id: actor.orgId, email, name: input.name, role: input.role, password_hash: passwordHash })
      .returning("id")
      .executeTakeFirstOrThrow()
      .catch((error: { code?: string }) => {
        throw error?.code === "23505" ? emailTaken(email) : error;
      });
    if (storeIds.length) {
      await trx
        .insertInto("user_stores")
        .values(storeIds.map((storeId) => ({ org_id: actor.orgId, user_id: user.id, store_id: storeId })))
        .execute();
    }
    await recordAudit(trx, {
      actor,
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      details: { email, role: input.role, storeIds },
    });
    return user.id;
  });
  return findUser(db, actor, id);
}
