/** Sends a generated file (a QR code) as a download that is never cached beyond the signed-in browser. */
import type { FastifyReply } from "fastify";
import type { QrFile } from "../domain/surveys/render-link-qr.ts";

export function sendFile(reply: FastifyReply, file: QrFile): FastifyReply {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("cache-control", "private, no-cache")
    .send(file.body);
}
