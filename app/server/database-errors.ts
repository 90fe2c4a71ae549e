/**
 * The one place where a database error a request can cause becomes an answer: bad input
 * that slipped past a form's schema (a number out of range, a date PostgreSQL refuses) is
 * a 400, a row changed or removed at the same moment a 409, and an outage or an overloaded
 * database a 503 with Retry-After, never a 500. Every loader and action of the Remix build
 * is wrapped here (see app.ts), so a new route is covered without doing anything.
 */
import type { ServerBuild } from "@remix-run/node";

type Answer = { status: number; message: string };

const OUTAGE: Answer = {
  status: 503,
  message: "The awards database is not answering at the moment. Please try again in a minute; nothing you sent has been lost.",
};

// Errors raised by the drivers themselves (postgres.js, Node's sockets, PGlite) when the
// database cannot be reached.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

function sqlState(error: unknown): string | undefined {
  // drizzle wraps the driver's error (DrizzleQueryError) and keeps it as `cause`.
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    if (e instanceof Error && /PGlite is closed/i.test(e.message)) return "PGLITE_CLOSED";
  }
  return undefined;
}

/** The answer for a database error, or null for anything else (a real bug stays a 500). */
export function databaseErrorAnswer(error: unknown): Answer | null {
  const code = sqlState(error);
  if (!code) return null;
  if (CONNECTION_CODES.has(code) || code === "PGLITE_CLOSED") return OUTAGE;
  const klass = code.slice(0, 2);
  // 08 connection, 53 insufficient resources, 57 operator intervention (shutdown, cancel), 40 rollback (serialisation, deadlock)
  if (["08", "53", "57", "40"].includes(klass)) return OUTAGE;
  if (klass === "22") {
    return { status: 400, message: "Something in what was sent is outside what we can store (a number, a date or a character). Go back, check it and try again." };
  }
  if (code === "23505" || code === "23503") {
    return { status: 409, message: "Someone changed this at the same moment. Go back, reload the page and try again." };
  }
  if (klass === "23") {
    return { status: 400, message: "That could not be saved as sent. Go back, check the form and try again." };
  }
  return null;
}

function mapped<A extends unknown[], R>(fn: (...args: A) => Promise<R> | R): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (error instanceof Response) throw error;
      const answer = databaseErrorAnswer(error);
      if (!answer) throw error;
      console.error(`Database error answered ${answer.status}:`, error instanceof Error ? error.message : error);
      throw new Response(answer.message, {
        status: answer.status,
        headers: { "Content-Type": "text/plain; charset=utf-8", ...(answer.status === 503 ? { "Retry-After": "30" } : {}) },
      });
    }
  };
}

const wrapped = new WeakMap<ServerBuild, ServerBuild>();

/** The build with every loader and action answering database errors as above. */
export function withDatabaseErrorsMapped(build: ServerBuild): ServerBuild {
  const known = wrapped.get(build);
  if (known) return known;
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const module = { ...route.module };
    if (module.loader) module.loader = mapped(module.loader);
    if (module.action) module.action = mapped(module.action);
    routes[id] = { ...route, module };
  }
  const result = { ...build, routes };
  wrapped.set(build, result);
  return result;
}
