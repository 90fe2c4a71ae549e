/**
 * People's Choice through its routes, on PGlite and PostgreSQL: a vote counts only once its
 * email is confirmed; one vote per email per category, refused clearly the second time; the
 * honeypot and a form sent too fast are refused with a 4xx and write nothing; voiding a batch
 * leaves the counts right; and no public route or data request shows a count before the
 * winners' publication.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import type { Category, Cycle, Nomination } from "#db/schema";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.categories.$id_.peoples-choice";
import { loader as archiveLoader } from "~/routes/archive";
import { loader as homeLoader } from "~/routes/_index";
import { action as confirmAction, loader as confirmLoader } from "~/routes/vote.confirm";
import { action as voteAction, loader as voteLoader } from "~/routes/vote.$year.$slug";
import { loader as winnersLoader } from "~/routes/winners.$year";
import { loader as winnersIndexLoader } from "~/routes/winners._index";
import { getPeoplesChoiceAdmin } from "~/models/peoples-choice.server";
import { schedulePublication } from "~/models/results-publication.server";
import { applyRetention, erasePerson, exportPersonData } from "~/models/privacy.server";
import { db, schema } from "~/utils/db.server";
import { issueStamp } from "~/utils/signing.server";
import { HONEYPOT_FIELD } from "~/domain/nomination-forms";
import { toLondonInputValue } from "~/domain/time";
import { createCategory, createCycle, createNomination } from "../support/admin";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";

const HOUR = 60 * 60 * 1000;
let ipCounter = 0;
const nextIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

type World = { cycle: Cycle; category: Category; nominees: Nomination[]; outsider: Nomination; adminCookie: string };

/** A cycle whose shortlist went public an hour ago, the winners tomorrow, and a category with three on its shortlist. */
async function buildWorld(): Promise<World> {
  const now = Date.now();
  const cycle = await createCycle({ phase: "shortlist_published", shortlistPublishAt: new Date(now - HOUR), winnersPublishAt: new Date(now + 24 * HOUR) });
  const { category } = await createCategory(cycle.id);
  const nominees = [];
  for (const name of ["Ashby Welcome", "Bramley Friends", "Calder Refuge"]) {
    nominees.push(await createNomination(cycle, category.id, { status: "shortlisted", nomineeName: name, nomineeOrganisation: name }));
  }
  const outsider = await createNomination(cycle, category.id, { status: "not_shortlisted", nomineeName: "Dale Group" });
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  return { cycle, category, nominees, outsider, adminCookie: await cookieFor(admin.id) };
}

const adminPath = (w: World) => `/admin/categories/${w.category.id}/peoples-choice`;

async function setWindow(w: World, opensAt: Date | null, closesAt: Date | null) {
  return run<{ errors?: Record<string, string> }>(() =>
    adminAction({
      ...loaderArgs(
        makeRequest(adminPath(w), { form: { intent: "window", opensAt: toLondonInputValue(opensAt), closesAt: toLondonInputValue(closesAt) }, cookie: w.adminCookie }),
        { id: String(w.category.id) },
      ),
    }),
  );
}

async function openVote(w: World) {
  const answer = await setWindow(w, new Date(Date.now() - 30 * 60 * 1000), new Date(Date.now() + 12 * HOUR));
  expect(answer.status, JSON.stringify(answer.data)).toBe(302);
}

const params = (w: World) => ({ year: String(w.cycle.year), slug: w.category.slug });
const votePath = (w: World) => `/vote/${w.cycle.year}/${w.category.slug}`;

type Reply = { result: { error?: Record<string, string[] | null> } };

/** Posts the vote form as a browser would after reading the page for ten seconds. */
async function vote(w: World, nomineeId: number, email: string, extra: Record<string, string> = {}, ip = nextIp(), prefix = "") {
  const stamp = await issueStamp(new Date(Date.now() - 10_000));
  return run<Reply>(() =>
    voteAction(loaderArgs(makeRequest(`${prefix}${votePath(w)}`, { form: { nominee: String(nomineeId), email, stamp, [HONEYPOT_FIELD]: "", ...extra } }), params(w), ip)),
  );
}

const errorsOf = (reply: Reply) => JSON.stringify(reply.result.error ?? {});

/** The confirmation secret from the last email to `email`. */
async function linkTo(email: string): Promise<string> {
  const mails = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, email));
  const last = mails.at(-1);
  expect(last?.template).toBe("peoples-choice-confirm");
  const t = /\/vote\/confirm\?t=([a-z2-7]{32})/.exec(last!.text)?.[1];
  expect(t).toBeTruthy();
  return t!;
}

async function confirm(t: string) {
  return run<{ done: { outcome: string } }>(() => confirmAction(loaderArgs(makeRequest("/vote/confirm", { form: { t } }))));
}

async function counts(w: World) {
  const admin = await getPeoplesChoiceAdmin(w.category.id);
  return Object.fromEntries(admin!.nominees.map((n) => [n.name, n.votes]));
}

async function votesOf(w: World) {
  return db.select().from(schema.peoplesChoiceVotes).where(eq(schema.peoplesChoiceVotes.categoryId, w.category.id));
}

let w: World;
beforeEach(async () => {
  w = await buildWorld();
});

describe("the admin's voting window", () => {
  test("is validated against the publication times, and audited when saved", async () => {
    const early = await setWindow(w, new Date(w.cycle.shortlistPublishAt!.getTime() - HOUR), new Date(Date.now() + HOUR));
    expect(early.status).toBe(400);
    expect(early.data.errors?.opensAt).toBe("Voting cannot open before the shortlist is published");
    const late = await setWindow(w, new Date(Date.now()), new Date(w.cycle.winnersPublishAt!.getTime() + HOUR));
    expect(late.data.errors?.closesAt).toBe("Voting must close before or when the winners are published");
    const [before] = await db.select().from(schema.categories).where(eq(schema.categories.id, w.category.id));
    expect(before.peoplesChoiceOpensAt).toBeNull();

    await openVote(w);
    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "peoples_choice.window_set"), eq(schema.auditLog.entityId, String(w.category.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorLabel).toBe("Ada Admin");
  });

  test("the winners cannot then be moved before voting closes", async () => {
    await openVote(w);
    // The winners are chosen, so only the vote stands in the way.
    await db.update(schema.nominations).set({ status: "winner" }).where(eq(schema.nominations.id, w.nominees[0].id));
    const [category] = await db.select().from(schema.categories).where(eq(schema.categories.id, w.category.id));
    const moved = await schedulePublication({
      cycleId: w.cycle.id,
      shortlistPublishAt: w.cycle.shortlistPublishAt,
      winnersPublishAt: new Date(category.peoplesChoiceClosesAt!.getTime() - 60_000),
      actor: { id: null, name: "test" },
    });
    expect(moved).toEqual({ ok: false, problems: { winnersPublishAt: `People's Choice voting closes after this time in: ${w.category.name}. Close it earlier first` } });
    const [cycle] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, w.cycle.id));
    expect(cycle.winnersPublishAt).toEqual(w.cycle.winnersPublishAt);
  });

  test("the vote page does not exist while the category has no vote", async () => {
    const page = await run(() => voteLoader(loaderArgs(makeRequest(votePath(w)), params(w))));
    expect(page.status).toBe(404);
  });
});

describe("a public vote", () => {
  beforeEach(async () => {
    await openVote(w);
  });

  test("counts only once its email is confirmed by the link", async () => {
    const page = await run<{ page: { nominees: Array<{ id: number }> }; stamp: string }>(() => voteLoader(loaderArgs(makeRequest(votePath(w)), params(w))));
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    expect(page.data.page.nominees.map((n) => n.id).sort()).toEqual(w.nominees.map((n) => n.id).sort());

    const sent = await vote(w, w.nominees[0].id, "Voter.One@Example.org");
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`${votePath(w)}?sent=1`);
    expect(await counts(w)).toEqual({ "Ashby Welcome": 0, "Bramley Friends": 0, "Calder Refuge": 0 });
    const [row] = await votesOf(w);
    expect(row.confirmedAt).toBeNull();
    expect(row.emailKey).toBe("voter.one@example.org");
    expect(row.network).toMatch(/^198\.18\.\d+\.0\/24$/);
    expect(row.confirmTokenHash).not.toBeNull();
    expect(row.language).toBe("en");

    const t = await linkTo("Voter.One@Example.org");
    // Opening the link shows a button; it does not confirm.
    const peek = await run<{ found: { outcome: string } }>(() => confirmLoader(loaderArgs(makeRequest(`/vote/confirm?t=${t}`))));
    expect(peek.data.found.outcome).toBe("pending");
    expect(await counts(w)).toMatchObject({ "Ashby Welcome": 0 });

    const done = await confirm(t);
    expect(done.status).toBe(200);
    expect(done.data.done.outcome).toBe("confirmed");
    expect(await counts(w)).toEqual({ "Ashby Welcome": 1, "Bramley Friends": 0, "Calder Refuge": 0 });
    // A second click changes nothing.
    expect((await confirm(t)).data.done.outcome).toBe("confirmed");
    expect(await counts(w)).toMatchObject({ "Ashby Welcome": 1 });
  });

  test("a vote whose email is never confirmed never counts, even after voting closes", async () => {
    for (let i = 0; i < 4; i++) expect((await vote(w, w.nominees[1].id, `silent${i}@example.org`)).status).toBe(302);
    expect(await counts(w)).toMatchObject({ "Bramley Friends": 0 });
    const t = await linkTo("silent0@example.org");
    await db.update(schema.categories).set({ peoplesChoiceClosesAt: new Date(Date.now() - 1000) }).where(eq(schema.categories.id, w.category.id));
    const late = await confirm(t);
    expect(late.status).toBe(403);
    expect(late.data.done.outcome).toBe("closed");
    expect(await counts(w)).toMatchObject({ "Bramley Friends": 0 });
    expect((await votesOf(w)).every((v) => v.confirmedAt === null)).toBe(true);
  });

  test("a second vote from the same email is refused with a clear message, and makes no second vote", async () => {
    expect((await vote(w, w.nominees[0].id, "twice@example.org")).status).toBe(302);
    // Not yet confirmed: the second attempt (another nominee, another spelling) is refused and writes nothing.
    const pending = await vote(w, w.nominees[1].id, "Twice+again@Example.org");
    expect(pending.status).toBe(409);
    expect(errorsOf(pending.data)).toContain("We have already sent a link to this email address to confirm its vote in this category");
    expect(await votesOf(w)).toHaveLength(1);
    expect(await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, "Twice+again@Example.org"))).toHaveLength(0);

    await confirm(await linkTo("twice@example.org"));
    const again = await vote(w, w.nominees[2].id, "TWICE@example.org");
    expect(again.status).toBe(409);
    expect(errorsOf(again.data)).toContain(`This email address has already voted in the People's Choice for ${w.category.name}`);
    const rows = await votesOf(w);
    expect(rows).toHaveLength(1);
    expect(rows[0].nominationId).toBe(w.nominees[0].id);
    expect(await counts(w)).toEqual({ "Ashby Welcome": 1, "Bramley Friends": 0, "Calder Refuge": 0 });
  });

  test("an unconfirmed vote whose link has lapsed is replaced, not doubled", async () => {
    await vote(w, w.nominees[0].id, "lapsed@example.org");
    await db.update(schema.peoplesChoiceVotes).set({ confirmExpiresAt: new Date(Date.now() - 1000) }).where(eq(schema.peoplesChoiceVotes.emailKey, "lapsed@example.org"));
    expect((await vote(w, w.nominees[2].id, "lapsed@example.org")).status).toBe(302);
    const rows = await votesOf(w);
    expect(rows).toHaveLength(1);
    expect(rows[0].nominationId).toBe(w.nominees[2].id);
    await confirm(await linkTo("lapsed@example.org"));
    expect(await counts(w)).toMatchObject({ "Calder Refuge": 1, "Ashby Welcome": 0 });
  });

  test("in Welsh: the messages are Welsh and the vote lands back on the Welsh page", async () => {
    const bad = await vote(w, w.nominees[0].id, "not-an-address", {}, nextIp(), "/cy");
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.data)).toContain("Rhowch eich cyfeiriad e-bost yn y fformat cywir");
    const missing = await vote(w, 0, "cymraeg@example.org", {}, nextIp(), "/cy");
    expect(errorsOf(missing.data)).toContain("Dewiswch dros bwy rydych chi’n pleidleisio");
    const sent = await vote(w, w.nominees[0].id, "cymraeg@example.org", {}, nextIp(), "/cy");
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/cy${votePath(w)}?sent=1`);
    // The confirmation link opens the Welsh confirmation page.
    const [mail] = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, "cymraeg@example.org"));
    expect(mail.text).toMatch(/\/cy\/vote\/confirm\?t=[a-z2-7]{32}/);
    // The email is in the language of the page the vote was cast on, which the vote keeps.
    expect(mail.subject).toMatch(/^Cadarnhewch eich pleidlais Dewis y Bobl dros /);
    expect(mail.html).toContain('lang="cy"');
    expect(mail.text).toContain("Cadarnhau fy mhleidlais");
    expect(mail.text.replace(/\s+/g, " ")).toMatch(/gau ar Dydd \S+ \d+ \S+ \d{4} am \d{1,2}(:\d\d)?y[bh]/);
    expect(mail.text).not.toContain("Confirm my vote");
    expect((await votesOf(w)).map((v) => v.language)).toEqual(["cy"]);
    const again = await vote(w, w.nominees[1].id, "cymraeg@example.org", {}, nextIp(), "/cy");
    expect(again.status).toBe(409);
    expect(errorsOf(again.data)).toContain("Rydym eisoes wedi anfon dolen i’r cyfeiriad e-bost hwn");
    const page = await run<{ page: { closes: string } }>(() => voteLoader(loaderArgs(makeRequest(`/cy${votePath(w)}`), params(w))));
    expect(page.data.page.closes).toMatch(/ am \d{1,2}(:\d\d)?y[bh]$/);
    expect(await votesOf(w)).toHaveLength(1);
  });

  test("only a nominee on the shortlist can be voted for", async () => {
    const answer = await vote(w, w.outsider.id, "outsider@example.org");
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.data)).toContain("Choose one of the nominees on the shortlist");
    expect(await votesOf(w)).toHaveLength(0);
  });

  test("the honeypot, a form sent too fast and a forged timestamp are refused with a 4xx and write nothing", async () => {
    const trapped = await vote(w, w.nominees[0].id, "bot1@example.org", { [HONEYPOT_FIELD]: "https://spam.example" });
    expect(trapped.status).toBe(400);
    expect(errorsOf(trapped.data)).toContain("Leave this empty");

    const fresh = await issueStamp();
    const fast = await vote(w, w.nominees[0].id, "bot2@example.org", { stamp: fresh });
    expect(fast.status).toBe(400);
    expect(errorsOf(fast.data)).toContain("faster than anyone could read the shortlist");

    const [ms] = fresh.split(".");
    const forged = await vote(w, w.nominees[0].id, "bot3@example.org", { stamp: `${Number(ms) - 60_000}.${fresh.split(".")[1]}` });
    expect(forged.status).toBe(400);
    expect(errorsOf(forged.data)).toContain("did not come from our vote page");
    const missing = await vote(w, w.nominees[0].id, "bot4@example.org", { stamp: "" });
    expect(missing.status).toBe(400);

    expect(await votesOf(w)).toHaveLength(0);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.emailOutbox).where(sql`${schema.emailOutbox.to} like 'bot%'`);
    expect(n).toBe(0);
  });

  test("too many votes from one address are paused with a 429", async () => {
    const ip = "192.0.2.44";
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await vote(w, w.nominees[0].id, `many${i}@example.org`, {}, ip)).status;
    expect(last).toBe(429);
    expect(await votesOf(w)).toHaveLength(20);
    // The counters keep a keyed digest of the address, never the address itself.
    const keys = (await db.select({ key: schema.rateLimits.key }).from(schema.rateLimits)).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith("vote:ip:"))).not.toHaveLength(0);
    expect(keys.join(" ")).not.toContain(ip);
    expect(keys.join(" ")).not.toContain("many0@example.org");
  });
});

describe("voiding a batch", () => {
  beforeEach(async () => {
    await openVote(w);
  });

  test("leaves the counts right, needs a reason, and is audited", async () => {
    const cast = async (nominee: Nomination, email: string, ip: string, confirmIt = true) => {
      expect((await vote(w, nominee.id, email, {}, ip)).status).toBe(302);
      if (confirmIt) await confirm(await linkTo(email));
    };
    // A campaign: four from one domain and one network for Calder; honest votes elsewhere.
    for (let i = 0; i < 4; i++) await cast(w.nominees[2], `fan${i}@spam.test`, `203.0.113.${10 + i}`);
    await cast(w.nominees[2], "fan-unconfirmed@spam.test", "203.0.113.99", false);
    await cast(w.nominees[0], "ann@example.org", "198.51.100.7");
    await cast(w.nominees[2], "bob@example.org", "2001:db8:5:1::9");
    await cast(w.nominees[1], "cat@example.net", "203.0.113.200");
    expect(await counts(w)).toEqual({ "Ashby Welcome": 1, "Bramley Friends": 1, "Calder Refuge": 5 });

    const report = (await getPeoplesChoiceAdmin(w.category.id))!;
    expect(report.byDomain[0]).toMatchObject({ key: "spam.test", votes: 5, counted: 4, topNominationId: w.nominees[2].id, topShare: 1 });
    expect(report.byNetwork[0]).toMatchObject({ key: "203.0.113.0/24", votes: 6, counted: 5 });
    expect(report.byNetwork.map((r) => r.key)).toContain("2001:db8:5::/48");

    const voidBatch = (batch: string, reason: string) =>
      run<{ errors?: Record<string, string> }>(() =>
        adminAction(loaderArgs(makeRequest(adminPath(w), { form: { intent: "void", batch, reason }, cookie: w.adminCookie }), { id: String(w.category.id) })),
      );
    const noReason = await voidBatch("domain:spam.test", "  ");
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors?.reason).toBe("Say why these votes are void");
    expect(await counts(w)).toMatchObject({ "Calder Refuge": 5 });

    expect((await voidBatch("domain:spam.test", "Sixty sign-ups from one throwaway domain in ten minutes")).status).toBe(302);
    expect(await counts(w)).toEqual({ "Ashby Welcome": 1, "Bramley Friends": 1, "Calder Refuge": 1 });
    // A voided vote's link no longer counts it.
    expect((await confirm(await linkTo("fan-unconfirmed@spam.test"))).data.done.outcome).toBe("invalid");
    expect(await counts(w)).toMatchObject({ "Calder Refuge": 1 });
    // A voided email cannot vote again.
    expect((await vote(w, w.nominees[2].id, "fan0@spam.test")).status).toBe(409);

    // Voiding the network takes only the vote still standing there (cat@example.net).
    expect((await voidBatch("network:203.0.113.0/24", "Same network as the campaign")).status).toBe(302);
    expect(await counts(w)).toEqual({ "Ashby Welcome": 1, "Bramley Friends": 0, "Calder Refuge": 1 });
    expect((await voidBatch("network:203.0.113.0/24", "Again")).status).toBe(400);

    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "peoples_choice.votes_voided"));
    const mine = audit.filter((a) => a.entityId === String(w.category.id));
    expect(mine).toHaveLength(2);
    expect(mine[0].after).toMatchObject({ domain: "spam.test", reason: "Sixty sign-ups from one throwaway domain in ten minutes", counted: 4 });
    expect((mine[0].after as { votes: number[] }).votes).toHaveLength(5);
  });
});

describe("counts stay hidden until the winners' publication", () => {
  const COUNT_KEYS = /"(votes|counts|counted|totals|byDomain|byNetwork)"/;

  test("no public route or data request shows one before; the winners page shows them after", async () => {
    await openVote(w);
    await vote(w, w.nominees[0].id, "seen@example.org");
    await confirm(await linkTo("seen@example.org"));
    await vote(w, w.nominees[0].id, "unseen@example.org");
    const t = await linkTo("unseen@example.org");

    const publicAnswers = await Promise.all([
      run(() => winnersLoader(loaderArgs(makeRequest(`/winners/${w.cycle.year}`), { year: String(w.cycle.year) }))),
      run(() => winnersLoader(loaderArgs(makeRequest(`/winners/${w.cycle.year}.data`), { year: String(w.cycle.year) }))),
      run(() => voteLoader(loaderArgs(makeRequest(votePath(w)), params(w)))),
      run(() => voteLoader(loaderArgs(makeRequest(`${votePath(w)}?sent=1`), params(w)))),
      run(() => confirmLoader(loaderArgs(makeRequest(`/vote/confirm?t=${t}`)))),
      run(() => winnersIndexLoader(loaderArgs(makeRequest("/winners")))),
      run(() => archiveLoader(loaderArgs(makeRequest("/archive")))),
      run(() => homeLoader(loaderArgs(makeRequest("/")))),
    ]);
    for (const answer of publicAnswers) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.data)).not.toMatch(COUNT_KEYS);
    }
    // The shortlist links to the vote while it is open, and its cache ends when voting closes.
    const winners = publicAnswers[0] as Awaited<ReturnType<typeof run<{ peoplesChoice: Record<string, { open: boolean; votePath: string; counts?: unknown }> }>>>;
    expect(winners.data.peoplesChoice[w.category.slug]).toEqual({ open: true, votePath: votePath(w) });
    // A form post is refused and still shows no count.
    const refused = await vote(w, w.nominees[0].id, "seen@example.org");
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.data)).not.toMatch(/"votes"/);

    // The admin sees them at any time.
    const admin = await run<{ nominees: Array<{ name: string; votes: number }> }>(() =>
      adminLoader(loaderArgs(makeRequest(adminPath(w), { cookie: w.adminCookie }), { id: String(w.category.id) })),
    );
    expect(admin.data.nominees.find((n) => n.name === "Ashby Welcome")?.votes).toBe(1);

    // The winners are published: the counts show on the winners page, and only the confirmed vote counts.
    await db.update(schema.nominations).set({ status: "winner" }).where(eq(schema.nominations.id, w.nominees[1].id));
    await db.update(schema.cycles).set({ winnersPublishAt: new Date(Date.now() - 1000), phase: "winners_published" }).where(eq(schema.cycles.id, w.cycle.id));
    const after = await run<{ peoplesChoice: Record<string, { open: boolean; counts?: Array<{ name: string; votes: number }> }> }>(() =>
      winnersLoader(loaderArgs(makeRequest(`/winners/${w.cycle.year}`), { year: String(w.cycle.year) })),
    );
    expect(after.data.peoplesChoice[w.category.slug].open).toBe(false);
    expect(after.data.peoplesChoice[w.category.slug].counts).toEqual([
      { name: "Ashby Welcome", votes: 1 },
      { name: "Bramley Friends", votes: 0 },
      { name: "Calder Refuge", votes: 0 },
    ]);
    // Voting and voiding have stopped.
    expect((await vote(w, w.nominees[0].id, "late@example.org")).status).toBe(403);
  });

  test("the winners page is never kept past the voting window's close", async () => {
    await setWindow(w, new Date(Date.now() - 60_000), new Date(Date.now() + 100_000));
    const page = await run(() => winnersLoader(loaderArgs(makeRequest(`/winners/${w.cycle.year}`), { year: String(w.cycle.year) })));
    const sMaxAge = Number(/s-maxage=(\d+)/.exec(page.headers.get("Cache-Control") ?? "")?.[1]);
    expect(sMaxAge).toBeGreaterThan(0);
    expect(sMaxAge).toBeLessThanOrEqual(100);
  });
});

describe("a voter's personal data", () => {
  test("is in the privacy export, and erasure or the cycle's retention removes the address but keeps the count", async () => {
    await openVote(w);
    await vote(w, w.nominees[0].id, "Private.Person+pc@example.org");
    await confirm(await linkTo("Private.Person+pc@example.org"));
    await vote(w, w.nominees[1].id, "kept@example.org");
    await confirm(await linkTo("kept@example.org"));
    const actor = { id: null, name: "test" };

    const exported = await exportPersonData("private.person@example.org", actor);
    expect(exported.peoplesChoiceVotes).toHaveLength(1);
    expect(exported.peoplesChoiceVotes[0]).toMatchObject({ nominee: "Ashby Welcome", email: "Private.Person+pc@example.org", network: expect.stringMatching(/\/24$/) });
    expect(JSON.stringify(exported)).not.toMatch(/confirmTokenHash|confirm_token_hash/);

    const report = await erasePerson("Private.Person+pc@example.org", actor);
    expect(report.peoplesChoiceVotes).toHaveLength(1);
    const rows = await votesOf(w);
    expect(rows.find((r) => r.id === report.peoplesChoiceVotes[0])).toMatchObject({ email: "[erased]", emailKey: `erased-${report.peoplesChoiceVotes[0]}`, confirmTokenHash: null });
    expect(await counts(w)).toMatchObject({ "Ashby Welcome": 1, "Bramley Friends": 1 });

    // The cycle is archived and its retention has come: every voter's address goes.
    await db.update(schema.cycles).set({ archivedAt: new Date(Date.now() - 400 * 24 * HOUR), retentionDays: 365 }).where(eq(schema.cycles.id, w.cycle.id));
    await applyRetention();
    expect((await votesOf(w)).map((r) => r.email)).toEqual(["[erased]", "[erased]"]);
    expect(await counts(w)).toMatchObject({ "Ashby Welcome": 1, "Bramley Friends": 1 });
  });
});
