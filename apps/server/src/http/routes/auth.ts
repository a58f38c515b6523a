import { LocaleUpdate, LoginRequest, Me } from "@kexin/contracts";
import { z } from "zod";
import { recordAudit } from "../../domain/audit/record-audit.ts";
import { getMe } from "../../domain/auth/get-me.ts";
import { deleteSession, SESSION_COOKIE, SESSION_DAYS } from "../../domain/auth/sessions.ts";
import { signIn } from "../../domain/auth/sign-in.ts";
import { defineRoute } from "../route.ts";

export const authRoutes = [
  defineRoute({
    method: "POST",
    url: "/api/auth/login",
    summary: "Sign in with email and password; sets an HTTP-only session cookie",
    tags: ["auth"],
    access: "public",
    body: LoginRequest,
    response: z.object({ ok: z.literal(true) }),
    rateLimit: { max: 10, timeWindow: "1 minute" },
    handler: async ({ db, body, request, reply, services }) => {
      const token = await signIn({ db, input: body, ip: request.ip });
      const secure = services.config.isCookieSecure === "auto" ? request.protocol === "https" : services.config.isCookieSecure;
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "strict",
        secure,
        path: "/",
        maxAge: SESSION_DAYS * 86_400,
      });
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/auth/logout",
    summary: "Sign out and forget the session",
    tags: ["auth"],
    access: "signed-in",
    response: null,
    handler: async ({ db, request, reply, actor }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      await recordAudit(db, { actor, action: "auth.sign_out" });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/me",
    summary: "The signed-in user, their organisation and visible stores",
    tags: ["auth"],
    access: "signed-in",
    response: Me,
    handler: ({ db, actor }) => getMe({ db, actor }),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/me/locale",
    summary: "Remember the user's language",
    tags: ["auth"],
    access: "signed-in",
    body: LocaleUpdate,
    response: null,
    handler: async ({ db, actor, body }) => {
      await db.updateTable("users").set({ locale: body.locale }).where("id", "=", actor.userId).execute();
    },
  }),
];
