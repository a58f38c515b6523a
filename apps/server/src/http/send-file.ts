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

/**
 * A Content-Disposition for a download whose name may be Chinese (RFC 6266): the real name as UTF-8 for current
 * clients, and an ASCII fallback for old ones — the name without its non-ASCII characters, given `asciiPrefix` when
 * nothing or only a separator is left at its start ("客户-2026-11-23.csv" → "customers-2026-11-23.csv").
 */
export function attachmentDisposition(fileName: string, asciiPrefix: string): string {
  const stripped = fileName.replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "");
  const ascii = stripped === "" || /^[-.]/.test(stripped) ? `${asciiPrefix}${stripped}` : stripped;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
