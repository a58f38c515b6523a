import type { LoginRequest, Me } from "@kexin/contracts";
import { createContext } from "react";

export type SessionState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; me: Me };

export interface Session {
  state: SessionState;
  /** @throws ApiError when the credentials are refused. */
  signIn(credentials: LoginRequest): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | undefined>(undefined);
