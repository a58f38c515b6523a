import type { Kysely } from "kysely";
import QRCode from "qrcode";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findLink, linkUrl } from "./survey-link-record.ts";

export interface QrFile {
  contentType: string;
  fileName: string;
  /** The URL the code encodes: what a phone opens when it scans it. */
  url: string;
  body: Buffer | string;
}

/** The address a link's QR code opens: the respondent page on the public origin. */

/**
 * A link's QR code as a scalable SVG (for print) or a PNG of `size` pixels, encoding `${publicUrl}/s/<slug>`.
 * Error correction level M survives a scuffed counter card; the quiet zone is the 4 modules the standard asks for.
 * @throws AppError survey_link.not_found outside the actor's organisation or stores.
 */
export async function renderLinkQr({
  db,
  actor,
  id,
  format,
  size = 512,
  publicUrl,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  format: "svg" | "png";
  size?: number;
  publicUrl: string;
}): Promise<QrFile> {
  const link = await findLink(db, actor, id);
  const url = linkUrl(publicUrl, link.slug);
  const fileName = `kexin-survey-${link.slug}.${format}`;
  if (format === "svg") {
    const body = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
    return { contentType: "image/svg+xml; charset=utf-8", fileName, url, body };
  }
  const body = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 4, width: size });
  return { contentType: "image/png", fileName, url, body };
}
