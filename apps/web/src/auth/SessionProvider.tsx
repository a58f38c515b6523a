/**
 * Who is signed in. Asks GET /api/me once on start; a 401 from any request later drops back to signed-out.
 * On sign-in the dashboard switches to the language the user saved.
 */
import type { LoginRequest, Me } from "@kexin/contracts";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { getMe, signIn as postSignIn, signOut as postSignOut } from "../api/auth-api.ts";
import { ApiError, onUnauthenticated } from "../api/client.ts";
import { i18n, rememberLocale } from "../i18n/setup-i18n.ts";
import { SessionContext, type Session, type SessionState } from "./session-context.ts";

function adoptLocale(me: Me): void {
  if (i18n.language !== me.locale) void i18n.changeLanguage(me.locale);
  rememberLocale(me.locale);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    let isCurrent = true;
    getMe()
      .then((me) => {
        if (!isCurrent) return;
        adoptLocale(me);
        setState({ status: "signed-in", me });
      })
      .catch((error: unknown) => {
        if (!isCurrent) return;
        if (!(error instanceof ApiError && error.isUnauthenticated)) console.error(error);
        setState({ status: "signed-out" });
      });
    const stopListening = onUnauthenticated(() => setState({ status: "signed-out" }));
    return () => {
      isCurrent = false;
      stopListening();
    };
  }, []);

  const signIn = useCallback(async (credentials: LoginRequest) => {
    await postSignIn(credentials);
    const me = await getMe();
    adoptLocale(me);
    setState({ status: "signed-in", me });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await postSignOut();
    } finally {
      setState({ status: "signed-out" });
    }
  }, []);

  const session = useMemo<Session>(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
