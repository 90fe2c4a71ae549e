/**
 * Everyone a nomination concerns hears what happened to it, once per moment: the nominator
 * of a merged duplicate, of an ineligible nomination (with the reason when shared), an
 * under-18 nominee's guardian at the outcome, and one email when shortlist and winners
 * are published together.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { decideEligibility, mergeNominations } from "~/models/nomination-review.server";
import { schedulePublication } from "~/models/results-publication.server";
import { jobHandlers, runScheduledWork } from "~/server/background";
import { saveAnswers, UPDATED_RECEIPT_DELAY_MS } from "~/models/nomination.server";
import { runDueJobs } from "~/utils/jobs.server";
import { db, schema } from "~/utils/db.server";
import { createPerson } from "../support/fixtures";
import { createCategory, createCycle, createNomination } from "../support/admin";

const mailTo = (to: string) => db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, to));

describe("nominators hear about merges and eligibility", () => {
  test("a merge tells the nominator of each merged-away nomination, once, and not the primary's", async () => {
    const cycle = await createCycle();
    const { category } = await createCategory(cycle.id);
    const confirmedAt = new Date();
    const primary = await createNomination(cycle, category.id, { confirmedAt });
    const duplicate = await createNomination(cycle, category.id, { confirmedAt, nomineeName: "hope street welcome group" });
    const admin = await createPerson({ isAdmin: true });
    expect(await mergeNominations(primary.id, [duplicate.id], admin)).toEqual({ ok: true });
    const mails = await mailTo(duplicate.nominatorEmail);
    expect(mails.map((m) => m.template)).toEqual(["nomination-merged"]);
    expect(mails[0].text).toContain(primary.reference);
    expect(await mailTo(primary.nominatorEmail)).toEqual([]);
  });

  test.each([
    { shareReason: true, shows: "The reason: The group formed outside the UK" },
    { shareReason: false, shows: "reply to this email" },
  ])("an ineligible decision emails the nominator (reason shared: $shareReason)", async ({ shareReason, shows }) => {
    const cycle = await createCycle();
    const { category } = await createCategory(cycle.id);
    const nomination = await createNomination(cycle, category.id, { confirmedAt: new Date() });
    const admin = await createPerson({ isAdmin: true });
    await decideEligibility([nomination.id], "ineligible", "The group formed outside the UK", admin, { shareReason });
    const mails = await mailTo(nomination.nominatorEmail);
    expect(mails.map((m) => m.template)).toEqual(["nomination-ineligible"]);
    expect(mails[0].text).toContain(shows);
    if (!shareReason) expect(mails[0].text).not.toContain("outside the UK");
    // The same decision again is no new moment: no second email.
    await decideEligibility([nomination.id], "ineligible", "The group formed outside the UK", admin, { shareReason });
    expect(await mailTo(nomination.nominatorEmail)).toHaveLength(1);
  });
});

describe("publication", () => {
  test("shortlist and winners published together: one email per person, guardians and merged nominators included", async () => {
    const cycle = await createCycle({ phase: "winners_decided" });
    const { category } = await createCategory(cycle.id, { nomineeTypes: ["individual"], nomineeUnder18: true });
    const winner = await createNomination(cycle, category.id, {
      status: "winner",
      confirmedAt: new Date(),
      nomineeType: "individual",
      nomineeName: "Amira Young",
      nomineeIsUnder18: true,
      guardianName: "Gina Guardian",
      guardianEmail: `guardian-${cycle.year}@example.test`,
      guardianConsent: true,
      citation: "For a welcome that changed a school.",
    });
    const merged = await createNomination(cycle, category.id, {
      status: "submitted",
      confirmedAt: new Date(),
      nomineeName: "Amira Young",
      mergedIntoId: winner.id,
    });
    const shortlisted = await createNomination(cycle, category.id, { status: "shortlisted", confirmedAt: new Date() });
    const admin = await createPerson({ isAdmin: true });
    const at = new Date(Date.now() - 1000);
    await schedulePublication({ cycleId: cycle.id, shortlistPublishAt: at, winnersPublishAt: at, actor: admin });
    await runScheduledWork();

    expect((await mailTo(winner.nominatorEmail)).map((m) => m.template)).toEqual(["result-winner"]);
    expect((await mailTo(winner.guardianEmail!)).map((m) => m.template)).toEqual(["result-winner"]);
    expect((await mailTo(merged.nominatorEmail)).map((m) => m.template)).toEqual(["result-winner"]);
    // Shortlisted, not the winner: one email that says both.
    expect((await mailTo(shortlisted.nominatorEmail)).map((m) => m.template)).toEqual(["result-not_winner"]);
  });
});

describe("an edit after confirming", () => {
  test("several saves bring one updated receipt, once the changes have settled", async () => {
    const cycle = await createCycle();
    const { category, questions } = await createCategory(cycle.id);
    const nomination = await createNomination(cycle, category.id, { confirmedAt: new Date() });
    const journey = { cycle, category, questions, token: "a-secret-token", nomination };
    await saveAnswers(journey, { [`answer${questions[0].id}`]: "First change" });
    await saveAnswers(journey, { [`answer${questions[0].id}`]: "Second change, the one that stays" });
    await runDueJobs(jobHandlers);
    expect(await mailTo(nomination.nominatorEmail)).toEqual([]);

    await runDueJobs(jobHandlers, () => new Date(Date.now() + UPDATED_RECEIPT_DELAY_MS + 1000));
    const mails = await mailTo(nomination.nominatorEmail);
    expect(mails.map((m) => m.template)).toEqual(["nomination-receipt-updated"]);
    expect(mails[0].subject).toBe(`Nomination updated: ${nomination.reference}`);
    expect(mails[0].text).toContain("Second change, the one that stays");
    expect(mails[0].text).toContain("/nominate/resume?t=a-secret-token");
  });
});
