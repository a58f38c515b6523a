import type { Feedback } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findFeedback, presentFeedback } from "./feedback-record.ts";

/**
 * One feedback item with its whole text and its follow-up task.
 * @throws AppError feedback.not_found outside the actor's organisation or stores.
 */
export async function getFeedback({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<Feedback> {
  return presentFeedback(db, await findFeedback(db, actor, id));
}
