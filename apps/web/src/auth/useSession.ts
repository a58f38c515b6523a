import type { Me } from "@kexin/contracts";
import { useContext } from "react";
import { SessionContext, type Session } from "./session-context.ts";

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession must be used inside <SessionProvider>");
  return session;
}

/** The signed-in user; only for pages behind the sign-in gate. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useMe needs a signed-in user");
  return state.me;
}
