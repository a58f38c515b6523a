import type { Kysely } from "kysely";
import type { LoginRequest } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { randomBytes } from "node:crypto";
import { hashPassword, isPasswordCorrect } from "./passwords.ts";
import { createSession } from "./sessions.ts";

// A hash verified when the email is unknown, so response time does not reveal which emails exist.
let decoyHash: Promise<string> | undefined;

/** Checks email and password; on success opens a session and returns its token. Both outcomes are audited. */
export async function signIn({ db, input, ip }: { db: Kysely<DB>; input: LoginRequest; ip?: string }) {
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", input.email.toLowerCase())
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  const isCorrect = await isPasswordCorrect(
    user?.password_hash ?? (await (decoyHash ??= hashPassword(randomBytes(16).toString("hex")))),
    input.password,
  );
  if (!user || !isCorrect) {
    await recordAudit(db, {
      orgId: user?.org_id ?? null,
      userId: user?.id ?? null,
      action: "auth.sign_in_failed",
      details: { email: input.email },
      ip,
    });
    throw new AppError("auth.invalid_credentials", "unauthenticated", "email or password is wrong");
  }
  const token = await createSession(db, user);
  await recordAudit(db, { orgId: user.org_id, userId: user.id, action: "auth.sign_in", ip });
  return token;
}
