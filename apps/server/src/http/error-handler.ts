import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { AppError, type ErrorKind } from "../domain/app-error.ts";

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/** The one place that turns errors into `{"error": {code, message, field?}}` with the right status. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(STATUS[error.kind]).send({
        error: { code: error.code, message: error.message, ...(error.field && { field: error.field }) },
      });
    }
    const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
    if (status === 429) {
      const { rateLimitedPage } = (request.routeOptions.config ?? {}) as { rateLimitedPage?: (request: FastifyRequest) => string };
      if (rateLimitedPage) return reply.status(429).type("text/html; charset=utf-8").send(rateLimitedPage(request));
      return reply.status(429).send({ error: { code: "rate_limited", message: "too many requests, try again later" } });
    }
    if (status === 413) {
      return reply.status(413).send({
        error: { code: "request.too_large", message: "the request is too large; send less text or fewer answers" },
      });
    }
    if (status >= 400 && status < 500) {
      const code = "code" in error && typeof error.code === "string" ? error.code.toLowerCase() : "request.invalid";
      return reply.status(status).send({ error: { code, message: error.message } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: "internal", message: "something went wrong on our side" } });
  });
}
