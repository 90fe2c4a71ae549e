/** The CSV export through its route, a person's export and erasure, and the retention rule. */
import { eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { CSV_BOM, parseCsv } from "~/domain/csv";
import { ERASED } from "~/domain/retention";
import { applyRetention } from "~/models/privacy.server";
import { loader as exportLoader } from "~/routes/admin.nominations.export";
import { action as privacyAction } from "~/routes/admin.privacy";
import { db, schema } from "~/utils/db.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { auditCount, auditEntries, createCategory, createCycle, createNomination, databaseFingerprint, withAuditFailing } from "../support/admin";

const DAY = 86_400_000;

async function asAdmin() {
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  return { admin, cookie: await cookieFor(admin.id) };
}

describe("CSV export", () => {
  test("a formula is kept as text, non-ASCII names survive, and the file opens in Excel", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createCycle();
    const { category, questions } = await createCategory(cycle.id, { slug: "volunteer-of-the-year" });
    const other = await createCategory(cycle.id, { slug: "other" });
    const names = ['=HYPERLINK("x")', "Zoë Ł. Nowak", "مجموعة الترحيب", "+44 line", "@home", "-5"];
    for (const [i, name] of names.entries()) {
      await createNomination(cycle, category.id, { nomineeName: name, nominatorName: `Nominator "${i}"` }, [{ questionId: questions[0].id, answer: `Line one\nLine two, with a comma ${i}` }]);
    }
    await createNomination(cycle, other.category.id, { nomineeName: "Elsewhere" });

    const response = await exportLoader(loaderArgs(makeRequest(`/admin/nominations/export?year=${cycle.year}&category=${category.id}`, { cookie })));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="nominations-${cycle.year}-volunteer-of-the-year.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).not.toMatch(/[^\r]\n(?!Line two)/);

    const [header, ...rows] = parseCsv(text);
    expect(header).toContain("What difference have they made?");
    expect(rows).toHaveLength(names.length);
    const nameCol = header.indexOf("Nominee name");
    expect(rows.map((r) => r[nameCol])).toEqual(["'=HYPERLINK(\"x\")", "Zoë Ł. Nowak", "مجموعة الترحيب", "'+44 line", "'@home", "'-5"]);
    expect(text).toContain('"\'=HYPERLINK(""x"")"');
    expect(rows[0][header.indexOf("Nominator name")]).toBe('Nominator "0"');
    expect(rows[0][header.indexOf("What difference have they made?")]).toBe("Line one\nLine two, with a comma 0");

    const whole = await exportLoader(loaderArgs(makeRequest(`/admin/nominations/export?year=${cycle.year}`, { cookie })));
    const all = parseCsv(await whole.text());
    expect(all).toHaveLength(names.length + 2);
    expect(all[0].some((h) => h.startsWith("Category other:"))).toBe(true);

    const foreign = await run(() => exportLoader(loaderArgs(makeRequest(`/admin/nominations/export?year=${cycle.year}&category=999999`, { cookie }))));
    expect(foreign.status).toBe(404);
  });
});

describe("a person's data", () => {
  test("export gathers everything held about an address, and is audited", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createCycle();
    const { category, questions } = await createCategory(cycle.id);
    const email = "zoe@example.test";
    const made = await createNomination(cycle, category.id, { nominatorEmail: "Zoe@Example.test", nominatorName: "Zoë" }, [{ questionId: questions[0].id, answer: "Her words" }]);
    const received = await createNomination(cycle, category.id, { nomineeEmail: email, nomineeName: "Zoë as nominee" });
    await createNomination(cycle, category.id, { nominatorEmail: "someone@example.test" });
    await createPerson({ email, name: "Zoë", isJudge: true, organisations: ["Leeds Welcome"] });

    const response = (await privacyAction(loaderArgs(makeRequest("/admin/privacy", { cookie, form: { intent: "export", email: " ZOE@example.test " } })))) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="personal-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = await response.json();
    expect(data.account).toMatchObject({ name: "Zoë", isJudge: true, organisations: ["Leeds Welcome"] });
    expect(data.nominations.map((n: { id: number; roles: string[] }) => [n.id, n.roles])).toEqual([
      [made.id, ["nominator"]],
      [received.id, ["nominee"]],
    ]);
    expect(data.nominations[0].answers).toEqual([{ question: "What difference have they made?", answer: "Her words" }]);
    expect(JSON.stringify(data)).not.toContain("accessTokenHash");
    expect((await auditEntries("privacy.exported"))[0].after).toMatchObject({ nominations: [made.id, received.id], account: true });
  });

  test("erasure replaces the person's data in nominations and profile, ends sessions, and records it without the data", async () => {
    const { admin, cookie } = await asAdmin();
    const cycle = await createCycle();
    const { category, questions } = await createCategory(cycle.id);
    const email = "erase.me@example.test";
    const asNominator = await createNomination(cycle, category.id, { nominatorEmail: email, nominatorName: "Erin Erase", nominatorPhone: "07700 900123", nomineeName: "Kept Group" }, [
      { questionId: questions[0].id, answer: "Erin's statement about the group" },
    ]);
    const asNominee = await createNomination(cycle, category.id, { nomineeEmail: email, nomineeName: "Erin Erase", nomineeOrganisation: "Erin's Org", nominatorName: "Someone Else", nominatorEmail: "else@example.test" }, [
      { questionId: questions[0].id, answer: "All about Erin" },
    ]);
    const asGuardian = await createNomination(cycle, category.id, { guardianEmail: email, guardianName: "Erin Erase", guardianPhone: "07700 900123", nomineeName: "Young Person" });
    await db.insert(schema.nominationFiles).values({ nominationId: asNominee.id, filename: "erin.pdf", mediaType: "application/pdf", size: 3, sha256: "x", content: new Uint8Array([1, 2, 3]) });
    const person = await createPerson({ email, name: "Erin Erase", isJudge: true, organisations: ["Erin's Org"], localAuthority: "Leeds" });
    await cookieFor(person.id);
    await db.insert(schema.emailOutbox).values({ idempotencyKey: "csa-erase-test", template: "sign-in-link", to: email, subject: "Hello Erin", html: "Erin", text: "Erin" });

    const form = { intent: "erase", email, confirm: "ERASE.ME@example.test" };
    const before = await databaseFingerprint();
    await expect(withAuditFailing(() => privacyAction(loaderArgs(makeRequest("/admin/privacy", { cookie, form }))))).rejects.toThrow();
    expect(await databaseFingerprint()).toEqual(before);

    const mismatch = await run<{ result: { error: Record<string, string[]> } }>(() =>
      privacyAction(loaderArgs(makeRequest("/admin/privacy", { cookie, form: { ...form, confirm: "other@example.test" } }))),
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.data.result.error.confirm[0]).toBe("The two email addresses must match");

    const answer = await run<{ erased: { nominations: number; account: boolean; emails: number } }>(() => privacyAction(loaderArgs(makeRequest("/admin/privacy", { cookie, form }))));
    expect(answer.status).toBe(200);
    expect(answer.data.erased).toEqual({ nominations: 3, account: true, emails: 1 });

    const rows = Object.fromEntries(
      (await db.select().from(schema.nominations).where(inArray(schema.nominations.id, [asNominator.id, asNominee.id, asGuardian.id]))).map((n) => [n.id, n]),
    );
    expect(rows[asNominator.id]).toMatchObject({ nominatorName: ERASED, nominatorEmail: ERASED, nominatorPhone: null, nomineeName: "Kept Group", erasedAt: null });
    expect(rows[asNominee.id]).toMatchObject({ nomineeName: ERASED, nomineeEmail: null, nomineeOrganisation: null, nominatorName: "Someone Else", status: "submitted" });
    expect(rows[asNominee.id].erasedAt).not.toBeNull();
    expect(rows[asGuardian.id]).toMatchObject({ guardianName: ERASED, guardianEmail: null, guardianPhone: null, nomineeName: "Young Person" });
    const answers = await db.select().from(schema.nominationAnswers).where(eq(schema.nominationAnswers.nominationId, asNominee.id));
    expect(answers.map((a) => a.answer)).toEqual([ERASED]);
    expect(await db.select().from(schema.nominationFiles).where(eq(schema.nominationFiles.nominationId, asNominee.id))).toHaveLength(0);
    const [profile] = await db.select().from(schema.people).where(eq(schema.people.id, person.id));
    expect(profile).toMatchObject({ name: ERASED, isJudge: false, organisations: [], localAuthority: null });
    expect(profile.email).not.toContain("erase.me");
    expect(profile.deactivatedAt).not.toBeNull();
    expect(await db.select().from(schema.sessions).where(eq(schema.sessions.personId, person.id))).toHaveLength(0);
    const mails = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.idempotencyKey, "csa-erase-test"));
    expect(mails[0]).toMatchObject({ to: ERASED, subject: ERASED, text: ERASED });

    const [entry] = await auditEntries("privacy.erased");
    expect(entry).toMatchObject({ actorId: admin.id, entityType: "person", entityId: String(person.id) });
    const recorded = JSON.stringify(entry);
    for (const secret of ["erase.me", "Erin", "07700"]) expect(recorded).not.toContain(secret);
    // Nothing left to find under that address.
    const again = (await privacyAction(loaderArgs(makeRequest("/admin/privacy", { cookie, form: { intent: "export", email } })))) as Response;
    const left = await again.json();
    expect(left.account).toBeNull();
    expect(left.nominations).toEqual([]);
    expect(left.emails).toEqual([]);
  });
});

describe("retention", () => {
  test("personal data of unsuccessful nominations goes after the set days; a second run changes nothing", async () => {
    const archivedAt = new Date(Date.now() - 40 * DAY);
    const due = await createCycle({ phase: "archived", archivedAt, retentionDays: 30 });
    const notYet = await createCycle({ phase: "archived", archivedAt, retentionDays: 60 });
    const running = await createCycle({ phase: "judging" });
    const { category, questions } = await createCategory(due.id);
    const make = (cycle: typeof due, categoryId: number, status: (typeof schema.nominations.$inferInsert)["status"], extra: Partial<typeof schema.nominations.$inferInsert> = {}) =>
      createNomination(cycle, categoryId, { status, nomineeEmail: "nominee@example.test", nominatorPhone: "07700 900000", guardianName: "G", ...extra }, [
        { questionId: questions[0].id, answer: "Personal story" },
      ]);
    const winner = await make(due, category.id, "winner");
    const commended = await make(due, category.id, "highly_commended");
    const shortlisted = await make(due, category.id, "shortlisted");
    const supportOfWinner = await make(due, category.id, "eligible", { mergedIntoId: winner.id });
    const unsuccessful = await Promise.all((["not_shortlisted", "ineligible", "withdrawn", "draft", "eligible", "submitted"] as const).map((s) => make(due, category.id, s)));
    const other = await createCategory(notYet.id);
    const waiting = await createNomination(notYet, other.category.id, { status: "not_shortlisted" });
    const third = await createCategory(running.id);
    const live = await createNomination(running, third.category.id, { status: "not_shortlisted" });

    const first = await applyRetention();
    expect(first.filter((r) => r.erased > 0)).toEqual([{ year: due.year, erased: unsuccessful.length }]);

    const byId = Object.fromEntries((await db.select().from(schema.nominations)).map((n) => [n.id, n]));
    for (const n of unsuccessful) {
      expect(byId[n.id]).toMatchObject({ nomineeName: ERASED, nominatorName: ERASED, nominatorEmail: ERASED, nomineeEmail: null, nominatorPhone: null, guardianName: ERASED, status: n.status, categoryId: category.id });
      expect(byId[n.id].erasedAt).not.toBeNull();
      expect(byId[n.id].submittedAt).toEqual(n.submittedAt);
    }
    for (const n of [winner, commended, shortlisted, supportOfWinner]) expect(byId[n.id]).toMatchObject({ nomineeName: n.nomineeName, erasedAt: null });
    for (const n of [waiting, live]) expect(byId[n.id]).toMatchObject({ nomineeName: n.nomineeName, erasedAt: null });
    const answers = await db.select().from(schema.nominationAnswers).where(inArray(schema.nominationAnswers.nominationId, [unsuccessful[0].id, winner.id]));
    expect(Object.fromEntries(answers.map((a) => [a.nominationId, a.answer]))).toEqual({ [unsuccessful[0].id]: ERASED, [winner.id]: "Personal story" });
    const [entry] = await auditEntries("retention.applied");
    expect(entry).toMatchObject({ actorLabel: "system", entityType: "cycle", entityId: String(due.id) });
    expect(JSON.stringify(entry)).not.toContain("Hope Street");

    const fingerprint = await databaseFingerprint();
    const audits = await auditCount();
    const second = await applyRetention();
    expect(second.every((r) => r.erased === 0)).toBe(true);
    expect(await auditCount()).toBe(audits);
    expect(await databaseFingerprint()).toEqual(fingerprint);

    // Later, the second cycle's time comes too.
    const later = await applyRetention(new Date(Date.now() + 30 * DAY));
    expect(later.find((r) => r.year === notYet.year)).toEqual({ year: notYet.year, erased: 1 });
  });
});
