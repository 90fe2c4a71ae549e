/**
 * Issue 14: a nomination remembers the language of the journey used, and every email to its
 * nominator, nominee and guardian is in it; changing it on check your answers changes the
 * emails that follow. Welsh admin text is used where written, the English (marked
 * lang="en-GB") where it is not.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Category, Cycle, Question } from "#db/schema";
import type { Language } from "~/domain/language";
import type { NominatorValues, NomineeValues } from "~/domain/nomination-forms";
import { decideEligibility } from "~/models/nomination-review.server";
import {
  confirmNomination,
  createDraft,
  saveAnswers,
  saveNominator,
  setNominationLanguage,
  submitNomination,
  withdrawNomination,
} from "~/models/nomination.server";
import { schedulePublication } from "~/models/results-publication.server";
import { action as checkAction } from "~/routes/nominate.$slug.check";
import { runScheduledWork } from "~/server/background";
import { db, schema } from "~/utils/db.server";
import { createCategory, createCycle, createNomination } from "../support/admin";
import { createPerson, uniqueEmail } from "../support/fixtures";
import { linkIn, mailTo, post } from "../support/nominations";

const WELSH_NAME = "Grŵp Noddi Cymunedol y Flwyddyn";
const WELSH_QUESTION = "Pa wahaniaeth maen nhw wedi'i wneud?";
const ENGLISH_ONLY_QUESTION = "How did they do it?";

let cycle: Cycle;
let category: Category;
let questions: Question[];

beforeAll(async () => {
  const now = Date.now();
  cycle = await createCycle({
    nominationsOpenAt: new Date(now - 86_400_000),
    nominationsCloseAt: new Date(now + 30 * 86_400_000),
  });
  const made = await createCategory(cycle.id, { name: "Community Sponsorship Group of the Year", nameCy: WELSH_NAME });
  category = made.category;
  // The first question has its Welsh; the second is still English only.
  await db.update(schema.questions).set({ labelCy: WELSH_QUESTION }).where(eq(schema.questions.id, made.questions[0].id));
  questions = await db.select().from(schema.questions).where(eq(schema.questions.categoryId, category.id)).orderBy(schema.questions.position);
});

const nominee = (email: string | null = null) =>
  ({
    nomineeType: "group",
    nomineeName: "Croeso Aberystwyth",
    nomineeOrganisation: "Capel y Morfa",
    nomineeLocalAuthority: "Ceredigion",
    nomineeKnows: "yes",
    nomineeEmail: email ?? undefined,
  }) as unknown as NomineeValues;

/** Through the journey's models, as the (English or Welsh) pages call them: a draft with every step answered. */
async function draftIn(language: Language) {
  const email = uniqueEmail(`nominator-${language}`);
  const { nomination, token } = await createDraft({ cycle, category }, nominee(), language);
  const journey = { cycle, category, questions, token, nomination };
  const saved = await saveNominator(journey, {
    nominatorName: "Nia Nominator",
    nominatorEmail: email,
    nominatorRelationship: "Rwy'n gwirfoddoli gyda nhw",
    isSelfNomination: "no",
  } as unknown as NominatorValues);
  const afterNominator = { ...journey, nomination: saved.nomination };
  await saveAnswers(afterNominator, Object.fromEntries(questions.map((q) => [`answer${q.id}`, `Ateb ${q.id}`])));
  const [row] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, nomination.id));
  return { journey: { ...journey, nomination: row }, token, email };
}

async function submitAndConfirm(draft: Awaited<ReturnType<typeof draftIn>>) {
  await submitNomination(draft.journey);
  const [confirm] = await mailTo(draft.email, "nomination-confirm");
  const link = linkIn(confirm.text, "/nominate/confirm");
  const outcome = await confirmNomination(link.searchParams.get("t")!, link.searchParams.get("c")!);
  expect(outcome.outcome).toBe("confirmed");
  const [row] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, draft.journey.nomination.id));
  return row;
}

const ENGLISH_WORDS = ["Hello", "Community Sponsorship Awards", "nomination", "Or copy this address"];

/** The plain text, which writes headings in capitals, read without regard to case. */
const says = (mail: { text: string }, words: string) => mail.text.toLowerCase().includes(words.toLowerCase());

function expectWelsh(mail: { subject: string; text: string; html: string }) {
  expect(mail.html).toMatch(/<html[^>]*lang="cy"/);
  expect(mail.text).toContain("Gwobrau Nawdd Cymunedol");
  for (const word of ENGLISH_WORDS) expect(`${mail.subject}\n${mail.text}`.toLowerCase()).not.toContain(word.toLowerCase());
}

function expectEnglish(mail: { subject: string; text: string; html: string }) {
  expect(mail.html).toMatch(/<html[^>]*lang="en-GB"/);
  expect(mail.text).toContain("Community Sponsorship Awards");
  for (const word of ["Gwobrau", "enwebiad", "Helo", WELSH_NAME]) expect(`${mail.subject}\n${mail.text}`.toLowerCase()).not.toContain(word.toLowerCase());
}

describe("a nomination made in Welsh is written to in Welsh", () => {
  test("resume link, confirmation, receipt and withdrawal", async () => {
    const draft = await draftIn("cy");
    expect(draft.journey.nomination.language).toBe("cy");

    const [resume] = await mailTo(draft.email, "nomination-resume");
    expect(resume.subject).toBe(`Eich enwebiad drafft ar gyfer ${WELSH_NAME}`);
    expect(says(resume, "Mae eich enwebiad drafft wedi'i gadw")).toBe(true);
    expect(resume.text).toMatch(/Y dyddiad cau ar gyfer enwebiadau yw Dydd \S+ \d+ \S+ \d{4} am \d{1,2}(:\d\d)?y[bh]/);
    expectWelsh(resume);

    const confirmed = await submitAndConfirm(draft);
    const [confirm] = await mailTo(draft.email, "nomination-confirm");
    expect(confirm.subject).toBe("Cadarnhewch eich enwebiad ar gyfer y Gwobrau Nawdd Cymunedol");
    expect(confirm.text).toContain("Mae'r ddolen yn gweithio am 7 diwrnod");
    expect(confirm.text).toContain(`Diolch am enwebu Croeso Aberystwyth ar gyfer ${WELSH_NAME}`);
    expectWelsh(confirm);

    const [receipt] = await mailTo(draft.email, "nomination-receipt");
    expect(receipt.subject).toBe(`Enwebiad wedi dod i law: ${confirmed.reference}`);
    expect(says(receipt, "Copi o'ch atebion")).toBe(true);
    expect(says(receipt, "Yr enwebai")).toBe(true);
    expect(receipt.text).toContain("Grŵp nawdd cymunedol");
    expect(receipt.text).toContain(WELSH_QUESTION);
    // A question with no Welsh yet: its English, marked as English.
    expect(receipt.html).toContain(`<span lang="en-GB">${ENGLISH_ONLY_QUESTION}</span>`);
    expect(says(receipt, "A copy of your answers")).toBe(false);
    expect(says(receipt, "The nominee")).toBe(false);
    expectWelsh(receipt);

    const withdrawn = await withdrawNomination({ ...draft.journey, nomination: confirmed });
    expect(withdrawn?.status).toBe("withdrawn");
    const [withdrawal] = await mailTo(draft.email, "nomination-withdrawn");
    expect(withdrawal.subject).toBe(`Enwebiad wedi'i dynnu'n ôl: ${confirmed.reference}`);
    expect(says(withdrawal, "Mae eich enwebiad wedi'i dynnu'n ôl")).toBe(true);
    expect(says(withdrawal, "has been withdrawn")).toBe(false);
    expectWelsh(withdrawal);
    // Withdrawn: the language no longer changes.
    expect(await setNominationLanguage({ ...confirmed, language: "cy" }, "en")).toEqual({ ok: false, message: "This nomination can no longer be changed" });
  });

  test("the same journey in English is written to in English", async () => {
    const draft = await draftIn("en");
    const confirmed = await submitAndConfirm(draft);
    const mails = await mailTo(draft.email);
    expect(mails.map((m) => m.template).sort()).toEqual(["nomination-confirm", "nomination-receipt", "nomination-resume"]);
    const bySubject = mails.map((m) => m.subject).sort();
    expect(bySubject).toEqual(
      [
        "Confirm your nomination for the Community Sponsorship Awards",
        `Nomination received: ${confirmed.reference}`,
        "Your draft nomination for Community Sponsorship Group of the Year",
      ].sort(),
    );
    for (const mail of mails) expectEnglish(mail);
    const receipt = mails.find((m) => m.template === "nomination-receipt")!;
    expect(receipt.text).toContain("What difference have they made?");
    expect(receipt.html).not.toContain('lang="en-GB">What difference');
  });

  test("an ineligible decision reaches a Welsh nominator in Welsh, the category in Welsh", async () => {
    const nomination = await createNomination(cycle, category.id, { confirmedAt: new Date(), language: "cy" });
    const admin = await createPerson({ isAdmin: true });
    await decideEligibility([nomination.id], "ineligible", "Y grŵp y tu allan i'r DU", admin, { shareReason: true });
    const [mail] = await mailTo(nomination.nominatorEmail, "nomination-ineligible");
    expect(mail.subject).toBe(`Nid yw eich enwebiad ${nomination.reference} yn gymwys`);
    expect(mail.text).toContain(`ar gyfer ${WELSH_NAME}`);
    expect(mail.text).toContain("Y rheswm: Y grŵp y tu allan i'r DU");
    expectWelsh(mail);
  });
});

describe("the language of the emails is chosen on check your answers", () => {
  test("changing it there makes the emails that follow Welsh, and back", async () => {
    const draft = await draftIn("en");
    const slug = category.slug;
    const [resume] = await mailTo(draft.email, "nomination-resume");
    expectEnglish(resume);

    // A language that is neither: refused, nothing changed.
    const wrong = await post(checkAction, `/nominate/${slug}/check`, slug, { intent: "email-language", emailLanguage: "fr" }, { token: draft.token });
    expect(wrong.status).toBe(400);

    const changed = await post(checkAction, `/nominate/${slug}/check`, slug, { intent: "email-language", emailLanguage: "cy" }, { token: draft.token });
    expect(changed.status).toBe(302);
    const [row] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, draft.journey.nomination.id));
    expect(row.language).toBe("cy");
    const [entry] = await db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, String(row.id))).then((rows) => rows.filter((r) => r.action === "nomination.language_changed"));
    expect(entry.before).toEqual({ language: "en" });
    expect(entry.after).toEqual({ language: "cy" });

    // Sent with the choice beside "Send nomination" (still Welsh): the confirmation is Welsh.
    const sent = await post(checkAction, `/nominate/${slug}/check`, slug, { privacyConsent: "on", emailLanguage: "cy" }, { token: draft.token });
    expect(sent.status).toBe(302);
    const [confirm] = await mailTo(draft.email, "nomination-confirm");
    expect(confirm.subject).toBe("Cadarnhewch eich enwebiad ar gyfer y Gwobrau Nawdd Cymunedol");
    expectWelsh(confirm);

    // Back to English after sending, with the small form a sent nomination has: the receipt is English.
    const back = await post(checkAction, `/nominate/${slug}/check`, slug, { intent: "email-language", emailLanguage: "en" }, { token: draft.token });
    expect(back.status).toBe(302);
    const [submitted] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, row.id));
    expect(submitted).toMatchObject({ status: "submitted", language: "en" });
    const link = linkIn(confirm.text, "/nominate/confirm");
    await confirmNomination(link.searchParams.get("t")!, link.searchParams.get("c")!);
    const [receipt] = await mailTo(draft.email, "nomination-receipt");
    expect(receipt.subject).toMatch(/^Nomination received: /);
    expectEnglish(receipt);
  });
});

// Last: its cycle is the newest, and would become the public (current) one for the journey above.
describe("results are announced in each nomination's language", () => {
  test("a Welsh winner's nominator, guardian and (an adult) nominee hear in Welsh with the Welsh citation, never the child; an English one in English", async () => {
    const decided = await createCycle({ phase: "winners_decided" });
    const { category: cat } = await createCategory(decided.id, { name: "Young Champion", nameCy: "Hyrwyddwr Ifanc", nomineeTypes: ["individual"], nomineeUnder18: true });
    const welsh = await createNomination(decided, cat.id, {
      status: "winner",
      language: "cy",
      confirmedAt: new Date(),
      nomineeType: "individual",
      nomineeName: "Megan Jones",
      nomineeEmail: uniqueEmail("nominee"),
      nomineeKnows: true,
      nomineeIsUnder18: true,
      guardianName: "Gwen Jones",
      guardianEmail: uniqueEmail("guardian"),
      guardianConsent: true,
      citation: "For a welcome that changed a school.",
      citationCy: "Am groeso a newidiodd ysgol.",
    });
    const english = await createNomination(decided, cat.id, {
      status: "shortlisted",
      confirmedAt: new Date(),
      nomineeName: "Sam Smith",
    });
    const { category: adultCategory } = await createCategory(decided.id, { name: "Volunteer", nameCy: "Gwirfoddolwr", nomineeTypes: ["individual"] });
    const adult = await createNomination(decided, adultCategory.id, {
      status: "winner",
      language: "cy",
      confirmedAt: new Date(),
      nomineeType: "individual",
      nomineeName: "Dafydd Evans",
      nomineeEmail: uniqueEmail("adult-nominee"),
      nomineeKnows: true,
    });
    const admin = await createPerson({ isAdmin: true });
    const at = new Date(Date.now() - 1000);
    await schedulePublication({ cycleId: decided.id, shortlistPublishAt: at, winnersPublishAt: at, actor: admin });
    await runScheduledWork();

    // A child hears through their parent or guardian, never directly.
    expect(await mailTo(welsh.nomineeEmail!)).toEqual([]);
    for (const to of [welsh.nominatorEmail, welsh.guardianEmail!]) {
      const mails = await mailTo(to);
      expect(mails.map((m) => m.template)).toEqual(["result-winner"]);
      const [mail] = mails;
      expect(mail.subject).toBe(`Enillydd: Hyrwyddwr Ifanc, Gwobrau Nawdd Cymunedol ${decided.year}`);
      expect(mail.text).toContain("Am groeso a newidiodd ysgol.");
      expect(mail.text).not.toContain("For a welcome");
      expect(mail.text).toContain(`/cy/winners/${decided.year}`);
      expectWelsh(mail);
    }
    const [nomineeMail] = await mailTo(adult.nomineeEmail!);
    expect(nomineeMail.text).toContain("Llongyfarchiadau: rydych wedi ennill Gwirfoddolwr");
    expectWelsh(nomineeMail);
    const [guardianMail] = await mailTo(welsh.guardianEmail!);
    expect(guardianMail.text).toContain("Annwyl Gwen Jones,");

    const [englishMail] = await mailTo(english.nominatorEmail);
    expect(englishMail.template).toBe("result-not_winner");
    expect(englishMail.subject).toBe(`The Young Champion results, Community Sponsorship Awards ${decided.year}`);
    expect(englishMail.text).toContain(`/winners/${decided.year}`);
    expect(englishMail.text).not.toContain("/cy/");
    expectEnglish(englishMail);
  });
});
