// Typed clients of the four services, generated from their OpenAPI documents
// (src/api/schema/*.ts, `make docs`). Every call carries the token in the Authorization
// header (never a cookie); a non-2xx answer becomes a ProblemError with the problem+json.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths as OrgPaths } from "./schema/org";
import type { paths as RecruitingPaths } from "./schema/recruiting";
import type { paths as NotifyPaths } from "./schema/notify";
import type { paths as TalentPaths } from "./schema/talent";
import { config, type ServiceName } from "../config";
import { currentToken, signOutExpired } from "../auth/token";
import { problemFrom } from "./problem";

const auth: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) return response;
    if (response.status === 401) signOutExpired();
    throw await problemFrom(response);
  },
};

function make<P extends {}>(service: ServiceName): Client<P> {
  const client = createClient<P>({ baseUrl: config().services[service] });
  client.use(auth);
  return client;
}

let clients: {
  org: Client<OrgPaths>;
  recruiting: Client<RecruitingPaths>;
  notify: Client<NotifyPaths>;
  talent: Client<TalentPaths>;
} | null = null;

export function api() {
  if (!clients) {
    clients = {
      org: make<OrgPaths>("org"),
      recruiting: make<RecruitingPaths>("recruiting"),
      notify: make<NotifyPaths>("notify"),
      talent: make<TalentPaths>("talent"),
    };
  }
  return clients;
}

/** Unwraps an openapi-fetch result (errors were already thrown by the middleware). */
export async function data<T>(result: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data: body, response } = await result;
  if (body === undefined && response.status !== 204) throw await problemFrom(response);
  return body as T;
}

/** A fresh Idempotency-Key for a POST that must not happen twice. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
