/** Builds the web process: API under /api, the dashboard's static files, security headers, rate limits. */
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { createMailer } from "../domain/mail/create-mailer.ts";
import type { Mailer } from "../domain/mail/mailer.ts";
import { installErrorHandler } from "./error-handler.ts";
import { buildOpenApi } from "./openapi.ts";
import { registerRoutes } from "./register-routes.ts";
import type { Services } from "./route.ts";
import { allRoutes } from "./routes/index.ts";

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
};

/** The public complaint page of a store: /c/<slug>, with an optional query (?lang=en). */
const COMPLAINT_PAGE_PATH = /^\/c\/[^/?#]+(?:\?.*)?$/;

/** /s/<slug> or /r/<token>, with an optional trailing slash and query (?lang=en). */
const RESPOND_PAGE_PATH = /^\/[sr]\/[^/?#]+\/?(?:\?.*)?$/;

export async function buildApp(options: Omit<Services, "mailer"> & { mailer?: Mailer }): Promise<FastifyInstance> {
  // A mailer made here is closed with the app; one passed in belongs to the caller (startServer shares it).
  const services: Services = { ...options, mailer: options.mailer ?? createMailer(options.config) };
  const app = Fastify({
    logger: services.config.logLevel === "silent" ? false : { level: services.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  installErrorHandler(app);
  if (!options.mailer) app.addHook("onClose", () => services.mailer.close());
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, { global: false });
  // The public complaint page's form posts url-encoded fields. Only there: every other route keeps refusing forms
  // (415), which a cross-site form could otherwise send with the dashboard's cookie.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (request, body, done) => {
    if (!COMPLAINT_PAGE_PATH.test(request.url)) {
      return done(Object.assign(new Error(`unsupported media type: application/x-www-form-urlencoded`), { statusCode: 415 }), undefined);
    }
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  // Inbound complaint emails arrive raw (RFC 822).
  app.addContentTypeParser("message/rfc822", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.addHook("onSend", async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });

  const routes = allRoutes.map((route) =>
    route.url === "/api/auth/login"
      ? { ...route, rateLimit: { max: services.config.loginAttemptsPerMinute, timeWindow: "1 minute" } }
      : route,
  );
  registerRoutes(app, services, routes);
  const openApi = buildOpenApi(routes);
  app.get("/api/openapi.json", async () => openApi);

  const hasDashboard = existsSync(services.config.webDistDir);
  if (hasDashboard) {
    await app.register(fastifyStatic, { root: services.config.webDistDir });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.method === "GET" && !request.url.startsWith("/api/") && hasDashboard) {
      // Public links (/s/<slug>) and invitations (/r/<token>) get the respondent page, without the dashboard's bundle.
      return reply.sendFile(RESPOND_PAGE_PATH.test(request.url) ? "respond.html" : "index.html");
    }
    return reply.status(404).send({ error: { code: "route.not_found", message: `no route ${request.method} ${request.url}` } });
  });
  return app;
}
