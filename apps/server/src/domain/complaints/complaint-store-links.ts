/**
 * The public complaint page of each store (/c/<slug>) and its QR code for the counter. A store's slug is made the
 * first time its link is asked for and never changes, so printed codes keep working; the slug is random, so the
 * addresses of other stores or organisations cannot be guessed from one.
 */
import type { ComplaintStoreLinks } from "@kexin/contracts";
import type { Kysely } from "kysely";
import QRCode from "qrcode";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope, storeScope } from "../auth/authorize.ts";
import type { QrFile } from "../surveys/render-link-qr.ts";
import { newSlug } from "../surveys/survey-link-record.ts";

export const complaintPagePath = (slug: string) => `/c/${slug}`;
export const complaintPageUrl = (publicUrl: string, slug: string) => `${publicUrl.replace(/\/$/, "")}${complaintPagePath(slug)}`;

async function ensureSlugs(db: Kysely<DB>, orgId: string, storeIds: string[]): Promise<void> {
  if (storeIds.length === 0) return;
  // A collision among 62¹⁰ slugs is all but impossible; a retry makes it harmless.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db
        .insertInto("complaint_store_links")
        .values(storeIds.map((storeId) => ({ org_id: orgId, store_id: storeId, slug: newSlug() })))
        .onConflict((conflict) => conflict.columns(["org_id", "store_id"]).doNothing())
        .execute();
      return;
    } catch (error) {
      if ((error as { code?: string })?.code !== "23505" || attempt === 2) throw error;
    }
  }
}

/** The complaint page link of every store the actor may see (made on first request). */
export async function listComplaintStoreLinks({ db, actor, publicUrl }: { db: Kysely<DB>; actor: Actor; publicUrl: string }): Promise<ComplaintStoreLinks> {
  const scope = storeScope(actor);
  let stores = db.selectFrom("stores").select(["id", "name"]).where("org_id", "=", actor.orgId);
  if (scope) stores = scope.length > 0 ? stores.where("id", "in", scope) : stores.where("id", "is", null);
  const rows = await stores.orderBy("code").execute();
  await ensureSlugs(db, actor.orgId, rows.map((row) => row.id));
  const links = rows.length
    ? await db
        .selectFrom("complaint_store_links")
        .select(["store_id", "slug"])
        .where("org_id", "=", actor.orgId)
        .where("store_id", "in", rows.map((row) => row.id))
        .execute()
    : [];
  const slugs = new Map(links.map((link) => [link.store_id, link.slug]));
  return {
    items: rows.map((row) => ({ storeId: row.id, storeName: row.name, slug: slugs.get(row.id)!, url: complaintPageUrl(publicUrl, slugs.get(row.id)!) })),
  };
}

/**
 * A store's complaint page as a QR code: SVG for print or a PNG of `size` pixels; error correction M and the
 * standard quiet zone, as for survey links.
 * @throws AppError store.not_found outside the organisation or the actor's stores.
 */
export async function renderComplaintStoreQr({ db, actor, storeId, format, size = 512, publicUrl }: {
  db: Kysely<DB>;
  actor: Actor;
  storeId: string;
  format: "svg" | "png";
  size?: number;
  publicUrl: string;
}): Promise<QrFile> {
  const store = await db.selectFrom("stores").select(["id", "code"]).where("org_id", "=", actor.orgId).where("id", "=", storeId).executeTakeFirst();
  if (!store || !isInStoreScope(actor, store.id)) throw notFound("store");
  await ensureSlugs(db, actor.orgId, [store.id]);
  const link = await db
    .selectFrom("complaint_store_links")
    .select("slug")
    .where("org_id", "=", actor.orgId)
    .where("store_id", "=", store.id)
    .executeTakeFirstOrThrow();
  const url = complaintPageUrl(publicUrl, link.slug);
  const fileName = `kexin-complaints-${store.code}.${format}`.replace(/[^A-Za-z0-9._-]/g, "_");
  if (format === "svg") {
    const body = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
    return { contentType: "image/svg+xml; charset=utf-8", fileName, url, body };
  }
  const body = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 4, width: size });
  return { contentType: "image/png", fileName, url, body };
}

/** The store (and organisation) behind a public complaint page, or null for an unknown or switched-off slug. */
export async function findComplaintPage(db: Kysely<DB>, slug: string) {
  if (!/^[A-Za-z0-9]{4,40}$/.test(slug)) return null;
  const row = await db
    .selectFrom("complaint_store_links as l")
    .innerJoin("stores as s", (join) => join.onRef("s.id", "=", "l.store_id").onRef("s.org_id", "=", "l.org_id"))
    .innerJoin("orgs as o", "o.id", "l.org_id")
    .select(["l.org_id", "l.store_id", "s.name as store_name", "o.name as org_name"])
    .where("l.slug", "=", slug)
    .where("l.is_active", "=", true)
    .executeTakeFirst();
  return row ?? null;
}
