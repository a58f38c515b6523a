/**
 * The bulk SMTP sender's public surface: the pooled, pipelining mailer for greeting campaigns, the composer it uses,
 * and the one error that leaves a delivery uncertain. Everything else in this folder is its inner workings.
 */
export { createBulkSmtpMailer, type BulkSmtpMailerOptions } from "./bulk-smtp-mailer.ts";
export { composeMime, type MimeInput } from "./compose-mime.ts";
export { UncertainDeliveryError } from "./uncertain-delivery-error.ts";
