/** Builds the web process: API under /api, the dashboard's static files, security headers, rate limits. */
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
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

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    logger: services.config.logLevel === "silent" ? false : { level: services.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  installErrorHandler(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, { global: false });
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
      return reply.sendFile("index.html");
    }
    return reply.status(404).send({ error: { code: "route.not_found", message: `no route ${request.method} ${request.url}` } });
  });
  return app;
}
