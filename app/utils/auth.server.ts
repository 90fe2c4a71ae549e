/**
 * Sessions in the Lucia design (docs/decisions/002-sessions-by-hand.md): a random token
 * in an HttpOnly cookie, its SHA-256 as the session id, and a sliding 30-day expiry.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import { redirect } from "@remix-run/node";
import { db, schema, type Tx } from "./db.server";
import { getEnv } from "./env.server";
import { forbidden } from "./responses.server";
import { generateToken, hashToken } from "./tokens.server";
import type { Person } from "#db/schema";

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const SESSION_RENEW_WITHIN_MS = 15 * DAY;
export const SESSION_COOKIE = "csa_session";

export type SessionPerson = Pick<Person, "id" | "email" | "name" | "isAdmin" | "isJudge">;
type Validated = { sessionId: string; expiresAt: Date; renewed: boolean; person: SessionPerson };

export async function createSession(personId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db.insert(schema.sessions).values({ id: hashToken(token), personId, expiresAt });
  return { token, expiresAt };
}

export async function validateSessionToken(token: string): Promise<Validated | null> {
  const sessionId = hashToken(token);
  const [row] = await db
    .select({
      expiresAt: schema.sessions.expiresAt,
      person: {
        id: schema.people.id,
        email: schema.people.email,
        name: schema.people.name,
        isAdmin: schema.people.isAdmin,
        isJudge: schema.people.isJudge,
      },
    })
    .from(schema.sessions)
    .innerJoin(schema.people, eq(schema.people.id, schema.sessions.personId))
    .where(and(eq(schema.sessions.id, sessionId), isNull(schema.people.deactivatedAt)))
    .limit(1);
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - now < SESSION_LIFETIME_MS - SESSION_RENEW_WITHIN_MS) {
    expiresAt = new Date(now + SESSION_LIFETIME_MS);
    renewed = true;
    await db.update(schema.sessions).set({ expiresAt }).where(eq(schema.sessions.id, sessionId));
  }
  return { sessionId, expiresAt, renewed, person: row.person };
}

export async function invalidateSession(sessionId: string) {
  await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
}

export async function invalidateAllSessions(personId: number) {
  await db.delete(schema.sessions).where(eq(schema.sessions.personId, personId));
}

function cookieAttributes(maxAgeSeconds: number) {
  const secure = getEnv().APP_URL.startsWith("https:") ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function sessionCookie(token: string, expiresAt: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${token}; ${cookieAttributes(maxAge)}`;
}

export function blankSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(0)}`;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      return /^[a-z2-7]{16,64}$/.test(value) ? value : null;
    }
  }
  return null;
}

// One lookup per request, however many loaders ask.
const perRequest = new WeakMap<Request, Promise<Validated | null>>();

export function getSession(request: Request): Promise<Validated | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    const token = readSessionToken(request);
    pending = token ? validateSessionToken(token) : Promise.resolve(null);
    perRequest.set(request, pending);
  }
  return pending;
}

export async function getUser(request: Request): Promise<SessionPerson | null> {
  return (await getSession(request))?.person ?? null;
}

/** Where to come back to after signing in: a path on this site only (app/domain/redirect.ts). */
export { safeRedirectPath } from "~/domain/redirect";

export async function requireUser(request: Request): Promise<SessionPerson> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireAdmin(request: Request): Promise<SessionPerson> {
  const user = await requireUser(request);
  if (!user.isAdmin) forbidden("This page is for the awards administrators.");
  return user;
}

export async function requireJudge(request: Request): Promise<SessionPerson> {
  const user = await requireUser(request);
  if (!user.isJudge) forbidden("This page is for judges.");
  return user;
}

// ---------------------------------------------------------------- emailed links

export const SIGN_IN_LINK_LIFETIME_MS = 15 * 60 * 1000;

/** A sign-in link asked for now is short-lived; an invitation waits a week to be read. */
export const LINK_LIFETIME_MS: Record<"sign_in" | "invitation", number> = {
  sign_in: SIGN_IN_LINK_LIFETIME_MS,
  invitation: 7 * DAY,
};

/** Stores a new one-time link for the person (only its hash) and returns the token and expiry. */
export async function createSignInToken(
  tx: Tx,
  personId: number,
  purpose: "sign_in" | "invitation" = "sign_in",
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + LINK_LIFETIME_MS[purpose]);
  await tx.insert(schema.signInTokens).values({ tokenHash: hashToken(token), personId, purpose, expiresAt });
  return { token, expiresAt };
}

export async function findActivePersonByEmail(email: string) {
  const [person] = await db
    .select()
    .from(schema.people)
    .where(and(eq(schema.people.email, normaliseEmail(email)), isNull(schema.people.deactivatedAt)))
    .limit(1);
  return person ?? null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Uses a sign-in token once: returns the person, or null if unknown, used or expired. */
export async function consumeSignInToken(token: string): Promise<SessionPerson | null> {
  const tokenHash = hashToken(token);
  const [used] = await db
    .update(schema.signInTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(schema.signInTokens.tokenHash, tokenHash),
        isNull(schema.signInTokens.usedAt),
        gt(schema.signInTokens.expiresAt, new Date()),
      ),
    )
    .returning({ personId: schema.signInTokens.personId });
  if (!used) return null;
  const [person] = await db
    .select({
      id: schema.people.id,
      email: schema.people.email,
      name: schema.people.name,
      isAdmin: schema.people.isAdmin,
      isJudge: schema.people.isJudge,
    })
    .from(schema.people)
    .where(and(eq(schema.people.id, used.personId), isNull(schema.people.deactivatedAt)));
  return person ?? null;
}

/** Looks at a token without using it, for the "continue signing in" page. */
export async function peekSignInToken(token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.signInTokens.id })
    .from(schema.signInTokens)
    .where(
      and(
        eq(schema.signInTokens.tokenHash, hashToken(token)),
        isNull(schema.signInTokens.usedAt),
        gt(schema.signInTokens.expiresAt, new Date()),
      ),
    );
  return Boolean(row);
}
