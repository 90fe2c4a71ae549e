/**
 * Signing with a key only the servers hold: a keyed digest (so a rate limit can be kept per
 * client address without storing the address), and a signed timestamp a page puts in its form, so the action can tell how long the page was
 * open without keeping anything per visitor (the vote form's minimum time on the page).
 * The key is made once and kept in the database, so every app server signs alike and a
 * restart does not refuse forms already on people's screens.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, schema } from "./db.server";
import { generateToken } from "./tokens.server";

const KEY_NAME = "form-signing";
let cached: Promise<string> | null = null;

async function loadKey(): Promise<string> {
  const k = schema.signingKeys;
  await db.insert(k).values({ name: KEY_NAME, secret: generateToken(32) }).onConflictDoNothing();
  const [row] = await db.select({ secret: k.secret }).from(k).where(eq(k.name, KEY_NAME));
  return row.secret;
}

function key(): Promise<string> {
  cached ??= loadKey().catch((error) => {
    cached = null;
    throw error;
  });
  return cached;
}

const sign = (secret: string, payload: string) => createHmac("sha256", secret).update(`stamp:${payload}`).digest("base64url");

/** "<ms>.<signature>" for a form shown now. */
export async function issueStamp(now = new Date()): Promise<string> {
  const payload = String(now.getTime());
  return `${payload}.${sign(await key(), payload)}`;
}

/** When the form carrying `value` was shown, or null when it is not a stamp we signed. */
export async function readStamp(value: unknown): Promise<number | null> {
  if (typeof value !== "string") return null;
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return null;
  const expected = Buffer.from(sign(await key(), m[1]));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(m[1]) : null;
}

/** An HMAC of `value` for `purpose`: equal inputs match, and without the key it cannot be reversed. */
export async function keyedDigest(purpose: string, value: string): Promise<string> {
  return createHmac("sha256", await key()).update(`${purpose}:${value}`).digest("base64url");
}
