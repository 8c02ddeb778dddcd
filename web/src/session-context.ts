import type { User, UserManager } from "oidc-client-ts";
import { createContext, useContext } from "react";
import type { AppConfig } from "./config.js";

/** The signed-in caller, as every page sees her. */
export interface Session {
  config: AppConfig;
  manager: UserManager;
  user: User;
  agency: string;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}
