/**
 * Sessions: a random token in an HTTP-only cookie; only its SHA-256 is stored, so a leaked table opens nothing.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "./actor.ts";

export const SESSION_COOKIE = "kexin_session";
export const SESSION_DAYS = 7;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(db: Kysely<DB>, user: { id: string; org_id: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      org_id: user.org_id,
      user_id: user.id,
      expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    })
    .execute();
  return token;
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}

/** The actor behind a session token, or undefined when the token is unknown, expired or the user disabled. */
export async function resolveSession(db: Kysely<DB>, token: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.org_id", "users.role", "users.name"])
    .where("sessions.token_hash", "=", hashToken(token))
    .where("sessions.expires_at", ">", new Date())
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  const stores = await db.selectFrom("user_stores").select("store_id").where("user_id", "=", row.id).execute();
  return { userId: row.id, orgId: row.org_id, role: row.role, name: row.name, storeIds: stores.map((s) => s.store_id) };
}
