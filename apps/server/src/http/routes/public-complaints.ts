/**
 * The complaint channels without a dashboard session: the public complaint page of a store (/c/<slug>, an HTML form
 * that works without JavaScript), its JSON twin for mini-programs and kiosks, and the inbound-email endpoint a mail
 * server posts raw messages to, authenticated by a shared secret. Writes are limited per IP; bodies to 64 KB
 * (inbound email: the app's 1 MB).
 */
import { InboundEmailResult, PublicComplaintReceipt, PublicComplaintSubmit } from "@kexin/contracts";
import { timingSafeEqual } from "node:crypto";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { AppError } from "../../domain/app-error.ts";
import { findComplaintPage } from "../../domain/complaints/complaint-store-links.ts";
import { receiveComplaintEmail } from "../../domain/complaints/receive-complaint-email.ts";
import { submitPublicComplaint } from "../../domain/complaints/submit-public-complaint.ts";
import { COMPLAINT_PAGE_STRINGS, pageLanguage, type PageLanguage } from "../complaint-page/complaint-page-strings.ts";
import {
  renderComplaintForm,
  renderComplaintPageNotFound,
  renderComplaintRateLimited,
  renderComplaintThanks,
  type FormField,
  type FormValues,
} from "../complaint-page/render-complaint-page.ts";
import { defineRoute } from "../route.ts";

const tags = ["public complaints"];
const BODY_LIMIT = 64 * 1024;
const perIp = { max: (config: Config) => config.submissionsPerMinute, timeWindow: "1 minute" };
const SlugParams = z.object({ slug: z.string().max(100) });
const PageQuery = z.object({ lang: z.string().max(10).optional() });
const FORM_FIELDS: FormField[] = ["category", "body", "staffName", "name", "phone", "email"];

function sendHtml(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).header("content-type", "text/html; charset=utf-8").header("cache-control", "no-store").send(html);
}

/** The message a field's problem shows, in the page's language. */
function fieldError(language: PageLanguage, field: FormField, issue: { code: string }): string {
  const errors = COMPLAINT_PAGE_STRINGS[language].errors;
  if (field === "category") return errors.category;
  if (issue.code === "too_big") return errors.tooLong;
  if (field === "email" && issue.code !== "too_small") return errors.email;
  if (field === "phone" && issue.code !== "too_small") return errors.phone;
  return errors.required;
}

const isSecretRight = (expected: string | null, given: unknown) => {
  if (!expected || typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const publicComplaintRoutes = [
  defineRoute({
    method: "GET",
    url: "/c/:slug",
    summary: "A store's public complaint page (HTML, no script; ?lang=zh-CN|en|zh-TW)",
    tags,
    access: "public",
    params: SlugParams,
    query: PageQuery,
    response: null,
    status: 200,
    handler: async ({ db, params, query, request, reply }) => {
      const language = pageLanguage(query.lang, request.headers["accept-language"]);
      const page = await findComplaintPage(db, params.slug);
      if (!page) return sendHtml(reply, 404, renderComplaintPageNotFound(language));
      return sendHtml(reply, 200, renderComplaintForm({ language, slug: params.slug, storeName: page.store_name, orgName: page.org_name }));
    },
  }),
  defineRoute({
    method: "POST",
    url: "/c/:slug",
    summary: "Submit the complaint page's form (application/x-www-form-urlencoded); answers HTML",
    tags,
    access: "public",
    params: SlugParams,
    query: PageQuery,
    response: null,
    status: 200,
    rateLimit: perIp,
    rateLimitedPage: (request) => {
      const { lang } = (request.query ?? {}) as { lang?: string };
      return renderComplaintRateLimited(pageLanguage(typeof lang === "string" ? lang : undefined, request.headers["accept-language"]));
    },
    bodyLimit: BODY_LIMIT,
    handler: async ({ db, params, query, request, reply }) => {
      const form = (request.body && typeof request.body === "object" ? request.body : {}) as Record<string, unknown>;
      const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
      const language = pageLanguage(text("language") ?? query.lang, request.headers["accept-language"]);
      const page = await findComplaintPage(db, params.slug);
      if (!page) return sendHtml(reply, 404, renderComplaintPageNotFound(language));
      const values: FormValues = Object.fromEntries(FORM_FIELDS.map((field) => [field, text(field)?.slice(0, 6000) ?? ""]));
      const showForm = (errors: Partial<Record<FormField, string>>) =>
        sendHtml(reply, 400, renderComplaintForm({ language, slug: params.slug, storeName: page.store_name, orgName: page.org_name, values, errors }));
      const parsed = PublicComplaintSubmit.safeParse({ ...values, language });
      if (!parsed.success) {
        const errors: Partial<Record<FormField, string>> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path[0] as FormField;
          if (FORM_FIELDS.includes(field) && !errors[field]) errors[field] = fieldError(language, field, issue);
        }
        return showForm(errors);
      }
      try {
        const receipt = await submitPublicComplaint({ db, slug: params.slug, input: parsed.data });
        return sendHtml(reply, 201, renderComplaintThanks(language, receipt.number, page.store_name));
      } catch (error) {
        if (!(error instanceof AppError) || error.kind !== "invalid" || !error.field) throw error;
        const errors = COMPLAINT_PAGE_STRINGS[language].errors;
        const message = error.code === "complaint.hostile_characters" ? errors.hostile : error.code === "complaint.contact_required" ? errors.contact : errors.required;
        return showForm({ [error.field as FormField]: message });
      }
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/public/complaints/:slug",
    summary: "File a complaint for the store behind a complaint page (JSON, for mini-programs and kiosks)",
    tags,
    access: "public",
    params: SlugParams,
    body: PublicComplaintSubmit,
    response: PublicComplaintReceipt,
    status: 201,
    rateLimit: perIp,
    bodyLimit: BODY_LIMIT,
    handler: ({ db, params, body }) => submitPublicComplaint({ db, slug: params.slug, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/public/complaint-emails/:orgId",
    summary:
      "An email to the complaints address, raw (RFC 822, text/plain or message/rfc822), from the mail server with the " +
      "X-Kexin-Inbound-Secret header; a reply carrying a ticket number threads onto it. 404 when off or the secret is wrong",
    tags,
    access: "public",
    params: z.object({ orgId: z.uuid() }),
    body: z.string().min(1, "the raw message is empty"),
    response: InboundEmailResult,
    rateLimit: { max: 600, timeWindow: "1 minute" },
    handler: async ({ db, params, body, services, request, reply }) => {
      // Not configured or a wrong secret answers like an unknown route: nothing tells a prober the endpoint exists.
      if (!isSecretRight(services.config.inboundEmailSecret, request.headers["x-kexin-inbound-secret"])) {
        throw new AppError("route.not_found", "not_found", `no route ${request.method} ${request.url}`);
      }
      const result = await receiveComplaintEmail({ db, orgId: params.orgId, raw: body });
      reply.status(result.outcome === "created" ? 201 : 200);
      return result;
    },
  }),
];
