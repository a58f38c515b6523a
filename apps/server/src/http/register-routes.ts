import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../domain/app-error.ts";
import type { Actor } from "../domain/auth/actor.ts";
import { authorize } from "../domain/auth/authorize.ts";
import { resolveSession, SESSION_COOKIE } from "../domain/auth/sessions.ts";
import type { AnyRoute, Services } from "./route.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor?: Actor;
  }
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join(".") || undefined;
  throw new AppError("request.invalid", "invalid", field ? `${field}: ${issue.message}` : issue.message, field);
}

async function resolveActor(services: Services, request: FastifyRequest): Promise<Actor | undefined> {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return undefined;
  const actor = await resolveSession(services.db, token);
  return actor && { ...actor, ip: request.ip };
}

const rateLimitMax = (max: number | ((config: Services["config"]) => number), services: Services) =>
  typeof max === "function" ? max(services.config) : max;

/** Registers routes: every request is parsed, authorised and its response validated against the contract. */
export function registerRoutes(app: FastifyInstance, services: Services, routes: AnyRoute[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: {
        ...(route.rateLimit && { rateLimit: { ...route.rateLimit, max: rateLimitMax(route.rateLimit.max, services) } }),
        ...(route.rateLimitedPage && { rateLimitedPage: route.rateLimitedPage }),
      },
      ...(route.bodyLimit && { bodyLimit: route.bodyLimit }),
      handler: async (request, reply) => {
        const actor = await resolveActor(services, request);
        if (route.access !== "public") {
          if (!actor) throw new AppError("auth.required", "unauthenticated", "sign in first");
          if (route.access !== "signed-in") authorize(actor, route.access);
        }
        request.actor = actor;
        const context = {
          services,
          db: services.db,
          actor,
          params: parse(route.params, request.params, "params"),
          query: parse(route.query, request.query, "query"),
          body: parse(route.body, request.body, "body"),
          request,
          reply,
        };
        const result = await route.handler(context);
        // A handler that streams returns `reply` after reply.send(stream): the response is underway, leave it be.
        if (route.response === null) return reply.sent || result === reply ? reply : reply.status(route.status ?? 204).send();
        const checked = route.response.safeParse(result);
        if (!checked.success) {
          request.log.error({ issues: checked.error.issues, url: route.url }, "response does not match its contract");
          throw new Error(`response of ${route.method} ${route.url} does not match its contract`);
        }
        // reply.statusCode is 200 unless the handler chose another (e.g. 202 for work it started).
        return reply.status(route.status ?? reply.statusCode).send(checked.data);
      },
    });
  }
}
