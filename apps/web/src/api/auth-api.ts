/** Sign-in, the signed-in user and their language. */
import { Me, type Locale, type LoginRequest } from "@kexin/contracts";
import { requestJson, requestVoid } from "./client.ts";

export function signIn(credentials: LoginRequest): Promise<void> {
  return requestVoid("/api/auth/login", { method: "POST", body: credentials });
}

export function signOut(): Promise<void> {
  return requestVoid("/api/auth/logout", { method: "POST" });
}

export function getMe(): Promise<Me> {
  return requestJson(Me, "/api/me");
}

export function saveLocale(locale: Locale): Promise<void> {
  return requestVoid("/api/me/locale", { method: "PUT", body: { locale } });
}
