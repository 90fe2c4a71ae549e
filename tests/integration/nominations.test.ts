import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { MAX_FILE_BYTES } from "~/domain/files";
import { expireUnconfirmedNominations, NOMINATION_LIMITS } from "~/models/nomination.server";
import { action as confirmAction, loader as confirmLoader } from "~/routes/nominate.confirm";
import { action as statusAction, loader as statusLoader } from "~/routes/nominate.$slug._index";
import { action as caseAction } from "~/routes/nominate.$slug.case";
import { action as filesAction } from "~/routes/nominate.$slug.files";
import { loader as downloadLoader } from "~/routes/nominate.$slug.files_.$fileId";
import { action as nominatorAction } from "~/routes/nominate.$slug.nominator";
import { action as nomineeAction } from "~/routes/nominate.$slug.nominee";
import { loader as resumeLoader } from "~/routes/nominate.resume";
import { action as withdrawAction } from "~/routes/nominate.$slug.withdraw";
import { loader as indexLoader } from "~/routes/nominate._index";
import { db, schema } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import {
  aboutMe,
  categoryBySlug,
  completeDraft,
  cookieOf,
  fileForm,
  groupNominee,
  linkIn,
  mailTo,
  nextIp,
  nominationByEmail,
  nominationsCount,
  PDF,
  PNG,
  post,
  seedCycle,
  startDraft,
  submit,
  type ReplyData,
} from "../support/nominations";

const GROUP = "group-of-the-year";
const YOUNG = "young-champion";
const VOLUNTEER = "volunteer-of-the-year";
const DAY = 86_400_000;

let cycle: Awaited<ReturnType<typeof seedCycle>>;
beforeAll(async () => {
  cycle = await seedCycle();
});

const formError = (data: ReplyData) => (data.result.error?.[""] ?? []).join(" ");
const fieldError = (data: ReplyData, field: string) => (data.result.error?.[field] ?? []).join(" ");

async function confirmFromEmail(email: string) {
  const [mail] = await mailTo(email, "nomination-confirm");
  const link = linkIn(mail.text, "/nominate/confirm");
  const t = link.searchParams.get("t")!;
  const c = link.searchParams.get("c")!;
  return run(() => confirmAction(loaderArgs(makeRequest("/nominate/confirm", { form: { t, c } }))));
}

/** Runs a block with the cycle's nominations closed, then opens them again. */
async function whileClosed(fn: () => Promise<void>) {
  const c = schema.cycles;
  await db.update(c).set({ nominationsCloseAt: new Date(Date.now() - 60_000) }).where(eq(c.id, cycle.id));
  try {
    await fn();
  } finally {
    await db.update(c).set({ nominationsCloseAt: cycle.nominationsCloseAt }).where(eq(c.id, cycle.id));
  }
}

describe("the journey, step by step", () => {
  test("/nominate lists the open categories with who can be nominated and the deadline", async () => {
    const page = await run<{ open: boolean; categories: Array<{ slug: string; nominees: string; eligibility: { text: string } }>; cycle: { closes: string } }>(
      () => indexLoader(loaderArgs(makeRequest("/nominate"))),
    );
    expect(page.data.open).toBe(true);
    expect(page.data.categories.map((c) => c.slug)).toContain(GROUP);
    expect(page.data.categories.find((c) => c.slug === YOUNG)?.eligibility.text).toMatch(/Under 18/);
    expect(page.data.categories.find((c) => c.slug === GROUP)?.nominees).toBe("sponsor groups");
    expect(page.data.cycle.closes).toMatch(/^[A-Z][a-z]+day \d{1,2} /);
  });

  test("draft, resume link, submit, confirm, receipt, edit, withdraw", async () => {
    const token = await startDraft(GROUP, groupNominee({ nomineeName: "Journey Test Group" }));
    const [draft] = await db.select().from(schema.nominations).where(eq(schema.nominations.accessTokenHash, hashToken(token)));
    expect(draft.status).toBe("draft");
    expect(draft.reference).toMatch(new RegExp(`^CSA-${cycle.year}-[2-9A-HJ-NP-Z]{5}$`));
    expect(JSON.stringify(draft)).not.toContain(token);

    const me = aboutMe();
    expect((await post(nominatorAction, `/nominate/${GROUP}/nominator`, GROUP, me, { token })).status).toBe(302);
    const [resume] = await mailTo(me.nominatorEmail, "nomination-resume");
    expect(resume.meta).toEqual({ nominationIds: [draft.id] });
    const resumeLink = linkIn(resume.text, "/nominate/resume");
    expect(resumeLink.searchParams.get("t")).toBe(token);

    // The emailed link opens the draft in another browser: a cookie scoped to the journey, then a clean address.
    const resumed = await run(() => resumeLoader(loaderArgs(makeRequest(resumeLink.pathname + resumeLink.search))));
    expect(resumed.status).toBe(302);
    expect(resumed.headers.get("Location")).toBe(`/nominate/${GROUP}`);
    expect(resumed.headers.get("Set-Cookie")).toMatch(new RegExp(`^csa_nomination_${GROUP}=${token}; Path=/nominate; HttpOnly; SameSite=Lax`));

    const { questions } = await categoryBySlug(GROUP);
    const answers = Object.fromEntries(questions.map((q) => [`answer${q.id}`, "Weekly English lessons and a job club."]));
    expect((await post(caseAction, `/nominate/${GROUP}/case`, GROUP, answers, { token })).status).toBe(302);
    const uploaded = await post(filesAction, `/nominate/${GROUP}/files`, GROUP, fileForm("../../letter of support.PDF", PDF), { token });
    expect(uploaded.status).toBe(302);
    const [file] = await db.select().from(schema.nominationFiles).where(eq(schema.nominationFiles.nominationId, draft.id));
    expect(file.filename).toBe("letter of support.pdf");
    expect(file.mediaType).toBe("application/pdf");

    const sent = await submit(GROUP, token);
    expect(sent.status).toBe(302);
    let row = await nominationByEmail(me.nominatorEmail);
    expect(row.status).toBe("submitted");
    expect(row.confirmedAt).toBeNull();
    expect(row.privacyConsentAt).not.toBeNull();

    const [confirmMail] = await mailTo(me.nominatorEmail, "nomination-confirm");
    expect(confirmMail.meta).toEqual({ nominationIds: [draft.id] });
    const link = linkIn(confirmMail.text, "/nominate/confirm");
    const peek = await run<{ valid: boolean }>(() => confirmLoader(loaderArgs(makeRequest(link.pathname + link.search))));
    expect(peek.data.valid).toBe(true);
    expect((await nominationByEmail(me.nominatorEmail)).confirmedAt).toBeNull(); // opening the page alone changes nothing

    const confirmed = await confirmFromEmail(me.nominatorEmail);
    expect(confirmed.status).toBe(302);
    row = await nominationByEmail(me.nominatorEmail);
    expect(row.confirmedAt).not.toBeNull();
    const [receipt] = await mailTo(me.nominatorEmail, "nomination-receipt");
    expect(receipt.subject).toContain(row.reference);
    expect(receipt.text).toContain(row.reference);
    expect(receipt.text).toContain("Weekly English lessons and a job club.");
    expect(receipt.text).toContain("letter of support.pdf");
    expect(receipt.meta).toEqual({ nominationIds: [row.id] });

    const status = await run<{ nomination: { confirmed: boolean; reference: string } }>(() =>
      statusLoader(loaderArgs(makeRequest(`/nominate/${GROUP}`, { cookie: cookieOf(token, GROUP) }), { slug: GROUP })),
    );
    expect(status.data.nomination).toMatchObject({ confirmed: true, reference: row.reference });

    // Editing after confirmation saves straight away and returns to "check your answers".
    const edited = await post(nomineeAction, `/nominate/${GROUP}/nominee`, GROUP, groupNominee({ nomineeName: "Journey Test Group (Bristol)" }), { token });
    expect(edited.status).toBe(302);
    expect(edited.headers.get("Location")).toBe(`/nominate/${GROUP}/check`);
    expect((await nominationByEmail(me.nominatorEmail)).nomineeName).toBe("Journey Test Group (Bristol)");

    const withdrawn = await post(withdrawAction, `/nominate/${GROUP}/withdraw`, GROUP, {}, { token });
    expect(withdrawn.status).toBe(302);
    row = await nominationByEmail(me.nominatorEmail);
    expect(row.status).toBe("withdrawn");
    expect(row.withdrawnAt).not.toBeNull();
    expect(await mailTo(me.nominatorEmail, "nomination-withdrawn")).toHaveLength(1);
    const actions = await db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, String(row.id)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["nomination.draft_started", "nomination.submitted", "nomination.confirmed", "nomination.changed", "nomination.withdrawn"]),
    );
  });

  test("only the nominator and admins can download a file, always as an attachment", async () => {
    const { token } = await completeDraft(GROUP);
    await post(filesAction, `/nominate/${GROUP}/files`, GROUP, fileForm("photo.png", PNG), { token });
    const [file] = await db
      .select()
      .from(schema.nominationFiles)
      .innerJoin(schema.nominations, eq(schema.nominations.id, schema.nominationFiles.nominationId))
      .where(eq(schema.nominations.accessTokenHash, hashToken(token)));
    const path = `/nominate/${GROUP}/files/${file.nomination_files.id}`;
    const params = { slug: GROUP, fileId: String(file.nomination_files.id) };

    const mine = await run(() => downloadLoader(loaderArgs(makeRequest(path, { cookie: cookieOf(token, GROUP) }), params)));
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Content-Type")).toBe("image/png");
    expect(mine.headers.get("Content-Disposition")).toMatch(/^attachment; filename="photo.png"/);
    expect(mine.headers.get("X-Content-Type-Options")).toBe("nosniff");

    const other = await completeDraft(GROUP);
    expect((await run(() => downloadLoader(loaderArgs(makeRequest(path, { cookie: cookieOf(other.token, GROUP) }), params)))).status).toBe(404);
    expect((await run(() => downloadLoader(loaderArgs(makeRequest(path), params)))).status).toBe(404);
    const admin = await createPerson({ isAdmin: true });
    const adminCookie = await cookieFor(admin.id);
    expect((await run(() => downloadLoader(loaderArgs(makeRequest(path, { cookie: adminCookie }), params)))).status).toBe(200);
  });
});

describe("refusals: a 4xx, a clear message, the text kept, nothing half-written", () => {
  test("a late submit keeps the draft and says why", async () => {
    const { token, email } = await completeDraft(GROUP);
    await whileClosed(async () => {
      const late = await submit(GROUP, token);
      expect(late.status).toBe(403);
      expect(formError(late.data)).toMatch(/Nominations closed on .* \(UK time\)/);
      expect(formError(late.data)).toMatch(/kept/);
    });
    const row = await nominationByEmail(email);
    expect(row.status).toBe("draft");
    expect(row.submittedAt).toBeNull();
    expect(await mailTo(email, "nomination-confirm")).toHaveLength(0);
  });

  test("a nominee type the category does not accept", async () => {
    const before = await nominationsCount();
    const wrong = await post(nomineeAction, `/nominate/${GROUP}/nominee`, GROUP, groupNominee({ nomineeType: "council", nomineeName: "Kept Name" }));
    expect(wrong.status).toBe(400);
    expect(fieldError(wrong.data, "nomineeType")).toMatch(/This category is for sponsor groups/);
    expect(wrong.data.result.initialValue?.nomineeName).toBe("Kept Name");
    expect(await nominationsCount()).toBe(before);
  });

  test("self-nomination where the category does not allow it", async () => {
    const token = await startDraft(GROUP, groupNominee());
    const me = aboutMe({ isSelfNomination: "yes" });
    const refused = await post(nominatorAction, `/nominate/${GROUP}/nominator`, GROUP, me, { token });
    expect(refused.status).toBe(400);
    expect(fieldError(refused.data, "isSelfNomination")).toMatch(/cannot nominate yourself/);
    expect(await mailTo(me.nominatorEmail)).toHaveLength(0);
  });

  test("a file whose name says PDF but whose content is not", async () => {
    const { token, email } = await completeDraft(GROUP);
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const lying = await post(filesAction, `/nominate/${GROUP}/files`, GROUP, fileForm("report.pdf", html, "application/pdf"), { token });
    expect(lying.status).toBe(415);
    expect(fieldError(lying.data, "file")).toMatch(/must be a PDF, a JPEG or PNG image, or a Word document/);
    const row = await nominationByEmail(email);
    expect(await db.select().from(schema.nominationFiles).where(eq(schema.nominationFiles.nominationId, row.id))).toHaveLength(0);
  });

  test("a file over 10 MB", async () => {
    const { token, email } = await completeDraft(GROUP);
    const big = new Uint8Array(MAX_FILE_BYTES + 1024);
    big.set(PDF);
    const oversize = await post(filesAction, `/nominate/${GROUP}/files`, GROUP, fileForm("big.pdf", big), { token });
    expect(oversize.status).toBe(413);
    expect(fieldError(oversize.data, "file")).toMatch(/10 MB or smaller/);
    const row = await nominationByEmail(email);
    expect(await db.select().from(schema.nominationFiles).where(eq(schema.nominationFiles.nominationId, row.id))).toHaveLength(0);
  });

  test("a fourth file", async () => {
    const { token, email } = await completeDraft(GROUP);
    for (let i = 0; i < 3; i++) {
      expect((await post(filesAction, `/nominate/${GROUP}/files`, GROUP, fileForm(`f${i}.pdf`, PDF), { token })).status).toBe(302);
    }
    const fourth = await post(filesAction, `/nominate/${GROUP}/files`, GROUP, fileForm("f4.pdf", PDF), { token });
    expect(fourth.status).toBe(409);
    expect(fieldError(fourth.data, "file")).toMatch(/up to 3 files/);
    const row = await nominationByEmail(email);
    expect(await db.select().from(schema.nominationFiles).where(eq(schema.nominationFiles.nominationId, row.id))).toHaveLength(3);
  });

  test("no consent to the privacy notice", async () => {
    const { token, email } = await completeDraft(GROUP);
    const refused = await submit(GROUP, token, { privacyConsent: "" });
    expect(refused.status).toBe(400);
    expect(fieldError(refused.data, "privacyConsent")).toMatch(/privacy notice/);
    const row = await nominationByEmail(email);
    expect(row.status).toBe("draft");
    expect(row.privacyConsentAt).toBeNull();
  });

  test("an under-18 nominee without a guardian's contact and consent", async () => {
    const before = await nominationsCount();
    const nominee = { nomineeType: "individual", nomineeName: "Sami Young", nomineeKnows: "yes" };
    const refused = await post(nomineeAction, `/nominate/${YOUNG}/nominee`, YOUNG, nominee);
    expect(refused.status).toBe(400);
    expect(fieldError(refused.data, "guardianName")).toMatch(/parent or guardian/);
    expect(fieldError(refused.data, "guardianEmail")).toMatch(/parent or guardian/);
    expect(fieldError(refused.data, "guardianConsent")).toMatch(/agrees/);
    expect(fieldError(refused.data, "guardianPublicationConsent")).toMatch(/how .* may be named/);
    expect(refused.data.result.initialValue?.nomineeName).toBe("Sami Young");
    expect(await nominationsCount()).toBe(before);

    // In a category for adults, saying "under 18" brings the same rule.
    const adultCategory = await post(nomineeAction, `/nominate/${VOLUNTEER}/nominee`, VOLUNTEER, { ...nominee, nomineeIsUnder18: "yes" });
    expect(adultCategory.status).toBe(400);
    expect(fieldError(adultCategory.data, "guardianConsent")).toMatch(/agrees/);

    const withGuardian = await post(nomineeAction, `/nominate/${YOUNG}/nominee`, YOUNG, {
      ...nominee,
      guardianName: "Rana Young",
      guardianEmail: "rana@example.test",
      guardianConsent: "on",
      guardianPublicationConsent: "first_name",
    });
    expect(withGuardian.status).toBe(302);
    expect(await nominationsCount()).toBe(before + 1);
  });

  test("the honeypot", async () => {
    const before = await nominationsCount();
    const bot = await post(nomineeAction, `/nominate/${GROUP}/nominee`, GROUP, groupNominee({ website: "http://spam.example" }));
    expect(bot.status).toBe(400);
    expect(formError(bot.data)).toMatch(/Leave this empty/);
    expect(await nominationsCount()).toBe(before);

    const { token, email } = await completeDraft(GROUP);
    const botSubmit = await submit(GROUP, token, { website: "x" });
    expect(botSubmit.status).toBe(400);
    expect((await nominationByEmail(email)).status).toBe("draft");
  });

  test("the rate limit per address: new drafts", async () => {
    const ip = nextIp();
    const before = await nominationsCount();
    for (let i = 0; i < NOMINATION_LIMITS.draftsPerAddress.limit; i++) await startDraft(GROUP, groupNominee(), ip);
    const blocked = await post(nomineeAction, `/nominate/${GROUP}/nominee`, GROUP, groupNominee({ nomineeName: "Still Here" }), { ip });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(formError(blocked.data)).toMatch(/Your answers are still on this page/);
    expect(blocked.data.result.initialValue?.nomineeName).toBe("Still Here");
    expect(await nominationsCount()).toBe(before + NOMINATION_LIMITS.draftsPerAddress.limit);
  });

  test("the rate limit per email: confirmation links", async () => {
    const { token, email } = await completeDraft(GROUP);
    expect((await submit(GROUP, token)).status).toBe(302);
    // The resume email and the first confirmation used two; resending uses the rest.
    let last = 0;
    for (let i = 0; i < NOMINATION_LIMITS.mailPerEmail.limit - 1; i++) {
      last = (await run(() => statusAction(loaderArgs(makeRequest(`/nominate/${GROUP}`, { form: { intent: "resend" }, cookie: cookieOf(token, GROUP) }), { slug: GROUP }, nextIp())))).status;
    }
    expect(last).toBe(429);
    expect(await mailTo(email, "nomination-confirm")).toHaveLength(NOMINATION_LIMITS.mailPerEmail.limit - 1);
  });
});

describe("duplicates and expiry", () => {
  test("a second nomination of the same nominee is flagged for admins, not refused", async () => {
    const first = await completeDraft(GROUP, { nominee: groupNominee({ nomineeName: "The Riverside Sponsors", nomineeOrganisation: "St. Mary's & All Saints" }) });
    expect((await submit(GROUP, first.token)).status).toBe(302);
    expect((await confirmFromEmail(first.email)).status).toBe(302);
    expect((await nominationByEmail(first.email)).duplicateFlaggedAt).toBeNull();

    const second = await completeDraft(GROUP, { nominee: groupNominee({ nomineeName: "riverside  sponsors", nomineeOrganisation: "St Marys and All Saints" }) });
    expect((await submit(GROUP, second.token)).status).toBe(302);
    expect((await confirmFromEmail(second.email)).status).toBe(302);

    const a = await nominationByEmail(first.email);
    const b = await nominationByEmail(second.email);
    expect(b.status).toBe("submitted");
    expect(b.confirmedAt).not.toBeNull();
    expect(a.duplicateKey).toBe(b.duplicateKey);
    expect(a.duplicateFlaggedAt).not.toBeNull();
    expect(b.duplicateFlaggedAt).not.toBeNull();
    const flagged = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "nomination.duplicate_flagged"), eq(schema.auditLog.entityId, String(b.id))));
    expect(flagged).toHaveLength(1);

    // Another category's nominee of the same name is not a duplicate.
    const elsewhere = await completeDraft("international-award", {
      nominee: groupNominee({ nomineeName: "The Riverside Sponsors", nomineeOrganisation: "St. Mary's & All Saints" }),
    });
    expect((await submit("international-award", elsewhere.token)).status).toBe(302);
    expect((await confirmFromEmail(elsewhere.email)).status).toBe(302);
    expect((await nominationByEmail(elsewhere.email)).duplicateFlaggedAt).toBeNull();
  });

  test("unconfirmed submissions go back to drafts after 7 days; confirmed ones stay", async () => {
    const waiting = await completeDraft(GROUP);
    const done = await completeDraft(GROUP);
    await submit(GROUP, waiting.token);
    await submit(GROUP, done.token);
    await confirmFromEmail(done.email);

    expect(await expireUnconfirmedNominations(new Date(Date.now() + 6 * DAY))).toBe(0);
    expect((await nominationByEmail(waiting.email)).status).toBe("submitted");

    expect(await expireUnconfirmedNominations(new Date(Date.now() + 7 * DAY + 60_000))).toBeGreaterThanOrEqual(1);
    const expired = await nominationByEmail(waiting.email);
    expect(expired.status).toBe("draft");
    expect(expired.submittedAt).toBeNull();
    expect((await confirmFromEmail(waiting.email)).status).toBe(400);
    const kept = await nominationByEmail(done.email);
    expect(kept.status).toBe("submitted");
    expect(kept.confirmedAt).not.toBeNull();
  });
});
