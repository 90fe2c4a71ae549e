/**
 * A child named as her guardian agreed, everywhere the public can look: the results pages,
 * the archive, the sitemap, the share preview, the data a client-side visit loads, and the
 * emails to anyone who did not nominate her. One rule (app/domain/public-naming.ts); this
 * test fails if any public path reads the name past it.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { NomineeValues } from "~/domain/nomination-forms";
import { createDraft, saveNominee } from "~/models/nomination.server";
import { mergeNominations } from "~/models/nomination-review.server";
import { schedulePublication, underEighteenOnPublicLists } from "~/models/results-publication.server";
import { runScheduledWork } from "~/server/background";
import { db, schema } from "~/utils/db.server";
import { createPerson } from "../support/fixtures";
import { createCategory, createCycle, createNomination } from "../support/admin";
import { fetchPublic, PUBLIC_PAGE_PATHS } from "../support/public-pages";

// The latest year in this file's database, so /winners shows it.
const YEAR = 2090;
const SURNAMES = /Okonkwo|Whitlock|Penhaligon|Larkspur Youth Choir|Tennyson Academy/i;
const mailTo = (to: string) => db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, to));

let cycle: Awaited<ReturnType<typeof createCycle>>;
let firstNameWinner: Awaited<ReturnType<typeof createNomination>>;
let mergedAway: Awaited<ReturnType<typeof createNomination>>;

beforeAll(async () => {
  cycle = await createCycle({ year: YEAR, phase: "winners_decided" });
  const { category: young } = await createCategory(cycle.id, { name: "Young Champion", nomineeTypes: ["individual"], nomineeUnder18: true });
  const { category: volunteers } = await createCategory(cycle.id, { name: "Volunteer of the Year", nomineeTypes: ["individual"] });
  const child = { nomineeType: "individual" as const, nomineeIsUnder18: true, guardianConsent: true, confirmedAt: new Date() };
  firstNameWinner = await createNomination(cycle, young.id, {
    ...child,
    status: "winner",
    nomineeName: "Amira Okonkwo",
    nomineeOrganisation: "Larkspur Youth Choir",
    nomineeLocalAuthority: "Leeds",
    nomineeEmail: "amira@example.test",
    guardianName: "Gina Okonkwo",
    guardianEmail: "gina@example.test",
    guardianPublicationConsent: "first_name",
    guardianPublicationConsentAt: new Date("2090-01-05T10:00:00Z"),
    citation: "Amira Okonkwo sang every family into Larkspur Youth Choir; Miss Okonkwo's welcome is known across Leeds.",
    citationCy: "Canodd Amira Okonkwo gyda phob teulu yn Larkspur Youth Choir; mae croeso Miss Okonkwo yn adnabyddus ar draws Leeds.",
  });
  await createNomination(cycle, young.id, {
    ...child,
    status: "shortlisted",
    nomineeName: "Toby Whitlock",
    nomineeOrganisation: "Tennyson Academy",
    nomineeLocalAuthority: "Cardiff",
    guardianEmail: "whitlock-guardian@example.test",
    guardianPublicationConsent: "not_named",
  });
  // Made before the consent was asked: no consent recorded, so not named.
  await createNomination(cycle, volunteers.id, {
    ...child,
    status: "winner",
    nomineeName: "Rosa Penhaligon",
    nomineeOrganisation: null,
    nomineeLocalAuthority: null,
    citation: "Rosa Penhaligon ran the welcome rota.",
    citationCy: "Rosa Penhaligon oedd yn trefnu'r rota groeso.",
  });
  mergedAway = await createNomination(cycle, young.id, { ...child, nomineeName: "Amira Okonkwo", nominatorEmail: "second-nominator@example.test" });
  const admin = await createPerson({ isAdmin: true });
  expect(await mergeNominations(firstNameWinner.id, [mergedAway.id], admin)).toEqual({ ok: true });
  const past = new Date(Date.now() - 1000);
  expect(await schedulePublication({ cycleId: cycle.id, shortlistPublishAt: past, winnersPublishAt: past, actor: admin })).toEqual({ ok: true });
  await runScheduledWork();
});

describe("every public page follows the guardian's consent", () => {
  // The Welsh pages too: the Welsh citation is cleaned by the same rule as the English.
  const welsh = ["/cy", "/cy/winners", `/cy/winners/${YEAR}`, "/cy/archive"];
  test.each([...PUBLIC_PAGE_PATHS(YEAR), ...welsh].flatMap((path) => (path === "/sitemap.xml" ? [path] : [path, `${path === "/" ? "/_root" : path}.data`])))(
    "%s never shows a surname, group or school",
    async (path) => {
      const { status, body } = await fetchPublic(path);
      expect(status).toBe(200);
      expect(body).not.toMatch(SURNAMES);
    },
  );

  test("the year's page and its share preview name her by first name, the others as young champions", async () => {
    const { body } = await fetchPublic(`/winners/${YEAR}`);
    expect(body).toContain('class="result__name">Amira<');
    expect(body).toContain("A young champion from Cardiff");
    expect(body).toContain('class="result__name">A young champion<');
    expect(body).toContain("Amira sang every family into their group");
    const description = /<meta property="og:description" content="([^"]*)"/.exec(body)?.[1];
    expect(description).toContain("Young Champion: Amira");
    expect(/<meta name="twitter:description" content="([^"]*)"/.exec(body)?.[1]).toBe(description);
    expect((await fetchPublic("/archive")).body).toContain("Amira");
    // The data request is the loader's own answer: it carries the names, so the check above could fail.
    expect((await fetchPublic(`/winners/${YEAR}.data`)).body).toContain("A young champion from Cardiff");
  });

  test("the Welsh page names her by first name and cleans her Welsh citation the same way", async () => {
    const { body } = await fetchPublic(`/cy/winners/${YEAR}`);
    expect(body).toContain('class="result__name">Amira<');
    expect(body).toContain("Pencampwr ifanc o ardal Cardiff");
    expect(body).toContain("Canodd Amira gyda phob teulu yn eu grŵp; mae croeso Miss Amira yn adnabyddus ar draws Leeds.");
    expect(body).toContain("y pencampwr ifanc oedd yn trefnu&#x27;r rota groeso.");
    expect((await fetchPublic(`/cy/winners/${YEAR}.data`)).body).toContain("Canodd Amira gyda phob teulu");
    expect((await fetchPublic("/cy/archive")).body).toContain("Amira");
  });

  test("the administrator sees each under-18 entry's consent before publishing", async () => {
    const list = await underEighteenOnPublicLists(cycle.id);
    expect(list.map((e) => [e.nomineeName, e.consent, e.shownAs])).toEqual([
      ["Amira Okonkwo", "First name only", "Amira"],
      ["Toby Whitlock", "Not named", "A young champion from Cardiff"],
      ["Rosa Penhaligon", "None recorded, so not named", "A young champion"],
    ]);
    expect(list[0].consentAt).toMatch(/2090/);
  });
});

describe("emails at publication", () => {
  test("the guardian is told how the public results name their child", async () => {
    const mails = await mailTo("gina@example.test");
    expect(mails.map((m) => m.template)).toEqual(["result-winner"]);
    expect(mails[0].text).toContain("only their first name, “Amira”");
    expect((await mailTo("whitlock-guardian@example.test"))[0].text).toContain("they appear as “A young champion from Cardiff”");
  });

  test("the nominator of a merged duplicate reads the public name, not the surname", async () => {
    const mails = await mailTo("second-nominator@example.test");
    expect(mails.map((m) => m.template)).toEqual(["nomination-merged", "result-winner"]);
    expect(mails[1].text).not.toMatch(SURNAMES);
    expect(mails[1].text).toContain("Amira has won");
    expect(mails[1].text).not.toContain("only their first name");
  });

  test("the child's own nominator, who gave her name, reads it in full", async () => {
    const [mail] = await mailTo(firstNameWinner.nominatorEmail);
    expect(mail.text).toContain("Amira Okonkwo has won");
  });
});

describe("the guardian's consent, as the nominee step writes it", () => {
  test("recorded with the time it was given, kept while unchanged, renewed when changed, dropped for an adult", async () => {
    const open = await createCycle({ phase: "nominations_open" });
    const { category, questions } = await createCategory(open.id, { nomineeTypes: ["individual"] });
    const child: NomineeValues = {
      nomineeType: "individual",
      nomineeName: "Sami Young",
      nomineeKnows: "yes",
      nomineeIsUnder18: "yes",
      guardianName: "Rana Young",
      guardianEmail: "rana@example.test",
      guardianConsent: true,
      guardianPublicationConsent: "first_name",
    };
    const journey = { cycle: open, category, questions };
    const { nomination, token } = await createDraft(journey, child);
    expect(nomination.guardianPublicationConsent).toBe("first_name");
    const given = nomination.guardianPublicationConsentAt!;
    expect(given).toBeInstanceOf(Date);

    const same = await saveNominee({ ...journey, token, nomination }, child);
    expect(same.guardianPublicationConsentAt).toEqual(given);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await saveNominee({ ...journey, token, nomination: same }, { ...child, guardianPublicationConsent: "not_named" });
    expect(changed.guardianPublicationConsent).toBe("not_named");
    expect(changed.guardianPublicationConsentAt!.getTime()).toBeGreaterThan(given.getTime());

    const adult = await saveNominee({ ...journey, token, nomination: changed }, { ...child, nomineeIsUnder18: "no" });
    expect([adult.guardianPublicationConsent, adult.guardianPublicationConsentAt]).toEqual([null, null]);
  });
});
