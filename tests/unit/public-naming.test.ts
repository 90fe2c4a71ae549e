import { describe, expect, test } from "vitest";
import { consentGivenAt, namingSentence, publicNaming, publicNominee, type NamedNominee } from "~/domain/public-naming";

const child = (overrides: Partial<NamedNominee> = {}): NamedNominee => ({
  nomineeName: "Amira Okonkwo-Barr",
  nomineeOrganisation: "St Mary's Welcome Group",
  nomineeLocalAuthority: "Leeds",
  nomineeIsUnder18: true,
  guardianPublicationConsent: "first_name",
  citation: "Amira Okonkwo-Barr welcomed three families at St Mary's Welcome Group; Ms Okonkwo-Barr's school followed.",
  ...overrides,
});

describe("how a nominee may be named in public", () => {
  test.each([
    { who: "an adult", n: { nomineeIsUnder18: false, guardianPublicationConsent: null }, category: false, naming: "full" },
    { who: "a group (age not asked)", n: { nomineeIsUnder18: null, guardianPublicationConsent: null }, category: false, naming: "full" },
    { who: "a child, full name agreed", n: { nomineeIsUnder18: true, guardianPublicationConsent: "full" }, category: false, naming: "full" },
    { who: "a child, first name agreed", n: { nomineeIsUnder18: true, guardianPublicationConsent: "first_name" }, category: false, naming: "first_name" },
    { who: "a child, not to be named", n: { nomineeIsUnder18: true, guardianPublicationConsent: "not_named" }, category: false, naming: "not_named" },
    { who: "a child with no consent recorded", n: { nomineeIsUnder18: true, guardianPublicationConsent: null }, category: false, naming: "not_named" },
    { who: "an under-18 category's nominee, age unrecorded", n: { nomineeIsUnder18: null, guardianPublicationConsent: null }, category: true, naming: "not_named" },
  ] as const)("$who: $naming", ({ n, category, naming }) => {
    expect(publicNaming(n, { nomineeUnder18: category })).toBe(naming);
  });

  test("in full: everything as nominated", () => {
    const shown = publicNominee(child({ guardianPublicationConsent: "full" }));
    expect(shown).toEqual({
      name: "Amira Okonkwo-Barr",
      organisation: "St Mary's Welcome Group",
      area: "Leeds",
      citation: child().citation,
      naming: "full",
    });
  });

  test("first name only: no surname and no group anywhere, the area kept", () => {
    const shown = publicNominee(child());
    expect(shown).toMatchObject({ name: "Amira", organisation: null, area: "Leeds", naming: "first_name" });
    expect(shown.citation).toBe("Amira welcomed three families at their group; Ms Amira's school followed.");
    expect(JSON.stringify(shown)).not.toMatch(/okonkwo|barr|st mary/i);
  });

  test("not named: a young champion from her area, no name and no group", () => {
    const shown = publicNominee(child({ guardianPublicationConsent: "not_named" }));
    expect(shown).toMatchObject({ name: "A young champion from Leeds", organisation: null, area: null, naming: "not_named" });
    expect(shown.citation).toBe("the young champion welcomed three families at their group; Ms the young champion's school followed.");
    expect(JSON.stringify(shown)).not.toMatch(/amira|okonkwo|barr|st mary/i);
    expect(publicNominee(child({ guardianPublicationConsent: "not_named", nomineeLocalAuthority: null })).name).toBe("A young champion");
  });

  test("a surname that is also a word is taken out whole, in any case, and never out of longer words", () => {
    const shown = publicNominee(child({ nomineeName: "Jo Young", citation: "YOUNG Jo and the Youngsters' club: jo young leads." }));
    expect(shown.citation).toBe("Jo Jo and the Youngsters' club: Jo leads.");
  });

  test("the guardian is told how their child is named", () => {
    expect(namingSentence(child())).toContain("“Amira”");
    expect(namingSentence(child({ guardianPublicationConsent: "not_named" }))).toContain("“A young champion from Leeds”");
    expect(namingSentence(child({ guardianPublicationConsent: "full" }))).toContain("Amira Okonkwo-Barr by their full name");
  });
});

describe("when the consent was given", () => {
  const earlier = new Date("2026-01-10T10:00:00Z");
  const now = new Date("2026-01-12T10:00:00Z");
  test.each([
    { before: { consent: null, at: null }, after: "first_name", at: now },
    { before: { consent: "first_name", at: earlier }, after: "first_name", at: earlier },
    { before: { consent: "first_name", at: earlier }, after: "not_named", at: now },
    { before: { consent: "first_name", at: null }, after: "first_name", at: now },
    { before: { consent: "full", at: earlier }, after: null, at: null },
  ] as const)("$before.consent → $after", ({ before, after, at }) => {
    expect(consentGivenAt(before, after, now)).toEqual(at);
  });
});
