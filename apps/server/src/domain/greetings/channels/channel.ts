/**
 * Where a greeting goes: email (through the Mailer: SMTP or the .eml outbox), SMS and WeChat (through a gateway
 * adapter; offline, a JSON-lines outbox). A channel hands one message over and, where it can, says afterwards
 * whether a given delivery was handed over — the one way to settle a message a dead worker left in flight.
 */
import type { GreetingChannel } from "@kexin/contracts";

export interface OutgoingMessage {
  /** The delivery row's id: also the idempotency key a gateway may use to drop a duplicate. */
  deliveryId: string;
  /** Email address, phone number or WeChat id. */
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Deterministic per delivery (`<greeting-<id>@domain>`), so a message can be found in the server's logs. */
  messageId: string;
}

export interface ChannelAdapter {
  readonly channel: GreetingChannel;
  /** @throws ChannelDeliveryError (or MailDeliveryError) when the message was not handed over. */
  send(message: OutgoingMessage): Promise<void>;
  /**
   * Whether the delivery was handed over before, as far as the channel can tell: true or false when it keeps a
   * record it can search (the outbox files), undefined when it cannot know (an SMTP server that accepted and
   * forgot). `since` is when the attempt began.
   */
  wasDelivered(deliveryId: string, since: Date): Promise<boolean | undefined>;
  close(): Promise<void>;
}

/** A message not handed over; `isPermanent` means trying again cannot help. */
export class ChannelDeliveryError extends Error {
  override readonly name = "ChannelDeliveryError";
  constructor(
    message: string,
    readonly isPermanent: boolean,
  ) {
    super(message);
  }
}

export type ChannelSet = Partial<Record<GreetingChannel, ChannelAdapter>>;
