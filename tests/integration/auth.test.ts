import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { action as loginAction, SIGN_IN_LIMITS } from "~/routes/login";
import { action as linkAction, loader as linkLoader } from "~/routes/login_.link";
import { action as logoutAction } from "~/routes/logout";
import { loader as adminLoader } from "~/routes/admin._index";
import { loader as judgeLoader } from "~/routes/judge._index";
import { SESSION_COOKIE } from "~/utils/auth.server";
import { db, schema } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run, uniqueEmail } from "../support/fixtures";

async function outboxFor(email: string) {
  return db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, email));
}

function tokenFromEmail(text: string): string {
  const match = text.match(/\/login\/link\?token=([a-z2-7]+)/);
  if (!match) throw new Error(`no sign-in link in: ${text}`);
  return match[1];
}

async function requestLink(email: string, ip = `198.51.100.${Math.floor(Math.random() * 250)}`) {
  return run<{ sentTo: string | null; result: { error?: Record<string, string[]> } }>(() =>
    loginAction(loaderArgs(makeRequest("/login", { form: { email } }), {}, ip)),
  );
}

describe("sign-in by emailed link", () => {
  test("a known address gets a one-time link; only its hash is stored", async () => {
    const judge = await createPerson({ isJudge: true });
    const answer = await requestLink(judge.email.toUpperCase());
    expect(answer.status).toBe(200);
    expect(answer.data.sentTo).toBe(judge.email);

    const [email] = await outboxFor(judge.email);
    expect(email.template).toBe("sign-in-link");
    const token = tokenFromEmail(email.text);
    const tokens = await db.select().from(schema.signInTokens).where(eq(schema.signInTokens.personId, judge.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect(tokens[0].expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  test("an unknown address gets the same answer and no email", async () => {
    const email = uniqueEmail("stranger");
    const answer = await requestLink(email);
    expect(answer.status).toBe(200);
    expect(answer.data.sentTo).toBe(email);
    expect(await outboxFor(email)).toHaveLength(0);
  });

  test("a malformed address is refused with a clear message and kept", async () => {
    const answer = await run<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(() =>
      loginAction(loaderArgs(makeRequest("/login", { form: { email: "not an email" } }))),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.result.error.email[0]).toMatch(/correct format/);
    expect(answer.data.result.initialValue.email).toBe("not an email");
  });

  test("the link signs in once, rotating any earlier session", async () => {
    const admin = await createPerson({ isAdmin: true });
    await requestLink(admin.email);
    const token = tokenFromEmail((await outboxFor(admin.email))[0].text);

    const page = await run<{ valid: boolean }>(() => linkLoader(loaderArgs(makeRequest(`/login/link?token=${token}`))));
    expect(page.data.valid).toBe(true);

    const oldCookie = await cookieFor(admin.id);
    const signedIn = await run(() =>
      linkAction(loaderArgs(makeRequest("/login/link", { form: { token }, cookie: oldCookie }))),
    );
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/admin");
    const setCookie = signedIn.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[a-z2-7]+;`));
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");

    // The old session is gone, the new one works.
    const oldToken = oldCookie.split("=")[1];
    expect(await db.select().from(schema.sessions).where(eq(schema.sessions.id, hashToken(oldToken)))).toHaveLength(0);
    const newCookie = setCookie.split(";")[0];
    const adminPage = await run<{ name: string }>(() => adminLoader(loaderArgs(makeRequest("/admin", { cookie: newCookie }))));
    expect(adminPage.status).toBe(200);

    const again = await run<{ error: string }>(() => linkAction(loaderArgs(makeRequest("/login/link", { form: { token } }))));
    expect(again.status).toBe(400);
    expect(again.data.error).toMatch(/expired or has already been used/);
  });

  test("an expired link does not sign in", async () => {
    const judge = await createPerson({ isJudge: true });
    await requestLink(judge.email);
    const token = tokenFromEmail((await outboxFor(judge.email))[0].text);
    await db
      .update(schema.signInTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.signInTokens.personId, judge.id));
    const page = await run<{ valid: boolean }>(() => linkLoader(loaderArgs(makeRequest(`/login/link?token=${token}`))));
    expect(page.status).toBe(400);
    expect(page.data.valid).toBe(false);
    const attempt = await run(() => linkAction(loaderArgs(makeRequest("/login/link", { form: { token } }))));
    expect(attempt.status).toBe(400);
    expect(attempt.headers.get("Set-Cookie")).toBeNull();
  });

  test("requests are rate-limited per email, with a clear message and the address kept", async () => {
    const judge = await createPerson({ isJudge: true });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) expect((await requestLink(judge.email)).status).toBe(200);
    const blocked = await run<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(() =>
      loginAction(loaderArgs(makeRequest("/login", { form: { email: judge.email } }), {}, "192.0.2.200")),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(blocked.data.result.error[""][0]).toMatch(/too many sign-in links/);
    expect(blocked.data.result.initialValue.email).toBe(judge.email);
    expect(await outboxFor(judge.email)).toHaveLength(SIGN_IN_LIMITS.perEmail);
  });

  test("requests are rate-limited per address", async () => {
    const ip = "192.0.2.99";
    let last = 0;
    for (let i = 0; i <= SIGN_IN_LIMITS.perAddress; i++) last = (await requestLink(uniqueEmail("spray"), ip)).status;
    expect(last).toBe(429);
  });
});

describe("guards and sign-out", () => {
  test("anonymous visitors are sent to sign in, with the way back", async () => {
    const answer = await run(() => adminLoader(loaderArgs(makeRequest("/admin?tab=x"))));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/admin?tab=x")}`);
  });

  test("a judge gets 403 on /admin; an admin who is not a judge gets 403 on /judge", async () => {
    const judge = await createPerson({ isJudge: true });
    const admin = await createPerson({ isAdmin: true });
    expect((await run(() => adminLoader(loaderArgs(makeRequest("/admin", { cookie: "" }))))).status).toBe(302);
    expect((await run(() => adminLoader(loaderArgs(makeRequest("/admin", { cookie: "csa_session=zzzzzzzzzzzzzzzzzzzz" }))))).status).toBe(302);
    const judgeCookie = await cookieFor(judge.id);
    expect((await run(() => adminLoader(loaderArgs(makeRequest("/admin", { cookie: judgeCookie }))))).status).toBe(403);
    expect((await run(() => judgeLoader(loaderArgs(makeRequest("/judge", { cookie: judgeCookie }))))).status).toBe(200);
    const adminCookie = await cookieFor(admin.id);
    expect((await run(() => judgeLoader(loaderArgs(makeRequest("/judge", { cookie: adminCookie }))))).status).toBe(403);
  });

  test("signing out ends the session on the server", async () => {
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const out = await run(() => logoutAction(loaderArgs(makeRequest("/logout", { method: "POST", cookie }))));
    expect(out.status).toBe(302);
    expect(out.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await db.select().from(schema.sessions).where(eq(schema.sessions.personId, admin.id))).toHaveLength(0);
    expect((await run(() => adminLoader(loaderArgs(makeRequest("/admin", { cookie }))))).status).toBe(302);
  });

  test("a deactivated person's session stops working", async () => {
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    await db.update(schema.people).set({ deactivatedAt: new Date() }).where(and(eq(schema.people.id, admin.id)));
    expect((await run(() => adminLoader(loaderArgs(makeRequest("/admin", { cookie }))))).status).toBe(302);
  });

  test("an expired session is refused and removed; a half-used one slides forward", async () => {
    const judge = await createPerson({ isJudge: true });
    const cookie = await cookieFor(judge.id);
    const id = hashToken(cookie.split("=")[1]);
    await db.update(schema.sessions).set({ expiresAt: new Date(Date.now() + 5 * 86_400_000) }).where(eq(schema.sessions.id, id));
    expect((await run(() => judgeLoader(loaderArgs(makeRequest("/judge", { cookie }))))).status).toBe(200);
    const [slid] = await db.select().from(schema.sessions).where(eq(schema.sessions.id, id));
    expect(slid.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    await db.update(schema.sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.sessions.id, id));
    expect((await run(() => judgeLoader(loaderArgs(makeRequest("/judge", { cookie }))))).status).toBe(302);
    expect(await db.select().from(schema.sessions).where(eq(schema.sessions.id, id))).toHaveLength(0);
  });
});
