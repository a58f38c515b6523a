/**
 * The background sweep of the web process: every interval it sends whatever invitations are due in every
 * organisation (retries after a failure, and rows a crashed process left pending). Runs never overlap (the next
 * one is scheduled when the last ends), the timer does not keep the process alive, and an error is logged and the
 * loop goes on: a mail server or database hiccup must never take the web process down.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { sendPendingInvitations, type SendPendingResult } from "./send-pending-invitations.ts";

export interface SenderLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface InvitationSender {
  /** Runs one sweep now (tests, and the first run at start-up). */
  runOnce(): Promise<SendPendingResult | null>;
  /** Stops the timer and waits for a sweep in progress to finish. */
  stop(): Promise<void>;
}

/** A sweep that has run this long stops claiming and leaves the rest to the next one. */
const SWEEP_BUDGET_MS = 60_000;

export function startInvitationSender({
  db,
  mailer,
  publicUrl,
  log,
  intervalMs = 15_000,
}: {
  db: Kysely<DB>;
  mailer: Mailer;
  publicUrl: string;
  log: SenderLog;
  intervalMs?: number;
}): InvitationSender {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<SendPendingResult | null> | undefined;
  let isStopped = false;

  const runOnce = (): Promise<SendPendingResult | null> => {
    running ??= sendPendingInvitations({ db, mailer, publicUrl, deadline: new Date(Date.now() + SWEEP_BUDGET_MS) })
      .then((result) => {
        if (result.sent + result.failed + result.gaveUp > 0) log.info({ ...result }, "survey invitations sent by the sweep");
        return result;
      })
      .catch((error: unknown) => {
        log.error({ err: error }, "survey invitation sweep failed; it runs again at the next interval");
        return null;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const schedule = () => {
    if (isStopped) return;
    timer = setTimeout(() => void runOnce().then(schedule), intervalMs);
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    stop: async () => {
      isStopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
