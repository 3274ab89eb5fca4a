// The console's runtime configuration: /config.json, served beside the built files (by
// `make run`, or by the console image from a ConfigMap), so one build serves every place.
export type ServiceName = "org" | "recruiting" | "notify" | "talent";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  scope?: string;
}

export interface ConsoleConfig {
  services: Record<ServiceName, string>;
  /** A role picker backed by the services' dev-only POST /dev/token (ENVIRONMENT=dev only). */
  devSignIn: boolean;
  oidc: OidcConfig | null;
}

let loaded: ConsoleConfig | null = null;

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`/config.json: ${response.status}`);
  const body = (await response.json()) as ConsoleConfig;
  // The console image renders an empty issuer when none is configured: no OIDC sign-in.
  if (body.oidc && !body.oidc.issuer) body.oidc = null;
  loaded = body;
  return loaded;
}

export function config(): ConsoleConfig {
  if (!loaded) throw new Error("config not loaded");
  return loaded;
}
