// The signed-in user's access token, kept in sessionStorage (this tab only) and sent in the
// Authorization header by the API clients; never in a cookie.
const KEY = "talentloop.token";

export type Role = "hr_admin" | "recruiter" | "interviewer" | "integration";

export interface Session {
  token: string;
  sub: string;
  roles: Role[];
  name?: string;
  expiresAt: number; // ms since the epoch
}

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function decode(token: string): Session | null {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    const roles = (payload.roles ?? payload.realm_access?.roles ?? []) as Role[];
    return {
      token,
      sub: String(payload.sub ?? ""),
      roles,
      name: payload.name ?? payload.preferred_username,
      expiresAt: Number(payload.exp ?? 0) * 1000,
    };
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const session = decode(token);
  if (!session || (session.expiresAt && session.expiresAt < Date.now())) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return session;
}

export function currentToken(): string | null {
  return currentSession()?.token ?? null;
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
  const session = token ? decode(token) : null;
  listeners.forEach((l) => l(session));
}

export function signOutExpired(): void {
  setToken(null);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
