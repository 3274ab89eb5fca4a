import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { UserManager } from "oidc-client-ts";
import { config } from "../config";
import { currentSession, onSessionChange, setToken, type Role, type Session } from "./token";

interface AuthContextValue {
  session: Session | null;
  hasRole: (...roles: Role[]) => boolean;
  signInDev: (roles: Role[], sub: string) => Promise<void>;
  signInOidc: (returnTo?: string) => Promise<void>;
  completeOidc: () => Promise<string>;
  signOut: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

let manager: UserManager | null = null;
function oidc(): UserManager {
  const settings = config().oidc;
  if (!settings) throw new Error("OIDC is not configured");
  if (!manager) {
    // Authorization code with PKCE (oidc-client-ts's default for response_type "code").
    manager = new UserManager({
      authority: settings.issuer,
      client_id: settings.clientId,
      redirect_uri: `${window.location.origin}/callback`,
      post_logout_redirect_uri: window.location.origin,
      response_type: "code",
      scope: settings.scope ?? "openid profile",
    });
  }
  return manager;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(currentSession);
  useEffect(() => onSessionChange(setSession), []);

  const value: AuthContextValue = {
    session,
    hasRole: (...roles) => !!session && roles.some((r) => session.roles.includes(r)),
    async signInDev(roles, sub) {
      // POST /dev/token exists only on services running with ENVIRONMENT=dev.
      const response = await fetch(`${config().services.org}/dev/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ roles, sub }),
      });
      if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
      const body = (await response.json()) as { access_token: string };
      setToken(body.access_token);
    },
    async signInOidc(returnTo) {
      // The page asked for travels through the issuer in the request's state.
      await oidc().signinRedirect({ state: { returnTo: returnPath(returnTo) } });
    },
    async completeOidc() {
      const user = await oidc().signinRedirectCallback();
      setToken(user.access_token);
      return returnPath((user.state as { returnTo?: unknown } | undefined)?.returnTo);
    },
    signOut() {
      setToken(null);
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** Where to go after signing in: a page of this console (a path such as an alert's link
 * opens), never another site (`//host`, `https:`) nor the sign-in page itself. */
export function returnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  if (value.startsWith("/signin") || value.startsWith("/callback") || value.includes("\\")) return "/";
  return value;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}
