import type { Kysely } from "kysely";
import type { User, UserUpdate } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { checkUserStores, findUser } from "./user-record.ts";

/**
 * Changes a staff account's name, role, stores or disabled flag. Role, store and disabled changes are audited as
 * user.update with before and after. Disabling signs the user out everywhere.
 * @throws AppError user.not_found outside the organisation; conflict (field role or isDisabled) when the change would
 *   leave the organisation without an active admin; invalid (field storeIds) for foreign or missing stores.
 */
export async function updateUser({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof UserUpdate>;
}): Promise<User> {
  const before = await findUser(db, actor, id);
  const role = input.role ?? before.role;
  const isDisabled = input.isDisabled ?? before.isDisabled;
  const storeIds = await checkUserStores(db, actor.orgId, role, input.storeIds ?? before.storeIds);
  const losesAdmin = before.role === "admin" && !before.isDisabled && (role !== "admin" || isDisabled);

  await db.transaction().execute(async (trx) => {
    if (losesAdmin) {
      // Locked so two admins demoting each other at once cannot both succeed.
      const admins = await trx
        .selectFrom("users")
        .select("id")
        .where("org_id", "=", actor.orgId)
        .where("role", "=", "admin")
        .where("disabled_at", "is", null)
        .forUpdate()
        .execute();
      if (admins.filter((admin) => admin.id !== id).length === 0) {
        throw new AppError(
          "user.last_admin",
          "conflict",
          "this is the organisation's last active admin; make someone else admin first",
          input.role !== undefined && role !== "admin" ? "role" : "isDisabled",
        );
      }
    }
    await trx
      .updateTable("users")
      .set({
        ...(input.name !== undefined && { name: input.name }),
        role,
        disabled_at: isDisabled ? (before.isDisabled ? undefined : new Date()) : null,
      })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .execute();
    if (input.storeIds) {
      await trx.deleteFrom("user_stores").where("org_id", "=", actor.orgId).where("user_id", "=", id).execute();
      if (storeIds.length) {
        await trx
          .insertInto("user_stores")
          .values(storeIds.map((storeId) => ({ org_id: actor.orgId, user_id: id, store_id: storeId })))
          .execute();
      }
    }
    if (isDisabled && !before.isDisabled) await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
  });

  const after = await findUser(db, actor, id);
  const audited = { role: before.role, storeIds: before.storeIds, isDisabled: before.isDisabled };
  const now = { role: after.role, storeIds: after.storeIds, isDisabled: after.isDisabled };
  if (JSON.stringify(audited) !== JSON.stringify(now)) {
    await recordAudit(db, { actor, action: "user.update", targetType: "user", targetId: id, details: { before: audited, after: now } });
  }
  return after;
}
