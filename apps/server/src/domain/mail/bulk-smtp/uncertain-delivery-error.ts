/**
 * The one failure after which a message may still have been delivered: the whole message and its end-of-data line
 * were written, then the connection was lost (or timed out) before the server's reply. Every other rejection of the
 * bulk SMTP mailer means the server did not accept the message. A caller that must send each letter at most once
 * treats this as "perhaps sent" (e.g. checks the server's logs, or accepts the small risk of a duplicate).
 */
import { MailDeliveryError } from "../mailer.ts";

export class UncertainDeliveryError extends MailDeliveryError {
  override readonly name = "MailDeliveryError";
  /** Always true; lets callers test for the case without importing the class. */
  readonly isDeliveryUncertain = true;

  constructor(reason: string) {
    super(`the connection ended after the whole message was sent but before the server confirmed it: ${reason}`, false);
  }
}
