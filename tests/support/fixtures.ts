/** Integration-test helpers: people, sessions and requests made the way a browser makes them. */
import { createSession } from "~/utils/auth.server";
import { db, schema } from "~/utils/db.server";

export const ORIGIN = "http://localhost:3000";
let counter = 0;

export function uniqueEmail(prefix = "person") {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

export async function createPerson(overrides: Partial<typeof schema.people.$inferInsert> = {}) {
  const [person] = await db
    .insert(schema.people)
    .values({ email: uniqueEmail(), name: "Test Person", ...overrides })
    .returning();
  return person;
}

export async function cookieFor(personId: number): Promise<string> {
  const { token } = await createSession(personId);
  return `csa_session=${token}`;
}

type RequestOptions = {
  method?: string;
  form?: Record<string, string | string[]> | FormData;
  cookie?: string;
  headers?: Record<string, string>;
};

export function makeRequest(path: string, { method, form, cookie, headers = {} }: RequestOptions = {}): Request {
  let body: FormData | undefined;
  if (form instanceof FormData) body = form;
  else if (form) {
    body = new FormData();
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
  }
  return new Request(new URL(path, ORIGIN), {
    method: method ?? (body ? "POST" : "GET"),
    body,
    headers: { Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}), ...headers },
  });
}

export type Unwrapped<T = unknown> = { status: number; headers: Headers; data: T };

/** Loaders and actions return plain data, `data(…)` (status and headers) or a Response. */
export async function unwrap<T = unknown>(result: unknown): Promise<Unwrapped<T>> {
  if (result instanceof Response) {
    const type = result.headers.get("Content-Type") ?? "";
    const data = type.includes("json") ? await result.json() : await result.text();
    return { status: result.status, headers: result.headers, data: data as T };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = result as { data: T; init: ResponseInit | null };
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), data };
  }
  return { status: 200, headers: new Headers(), data: result as T };
}

/** Runs a loader or action and returns what it threw or returned, as one shape. */
export async function run<T = unknown>(fn: () => Promise<unknown>): Promise<Unwrapped<T>> {
  try {
    return await unwrap<T>(await fn());
  } catch (thrown) {
    if (thrown instanceof Response) return unwrap<T>(thrown);
    throw thrown;
  }
}

export const loaderArgs = (request: Request, params: Record<string, string> = {}, ip = "203.0.113.7") => ({
  request,
  params,
  context: { clientIp: ip, cspNonce: "" },
});
