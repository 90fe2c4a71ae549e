import { describe, expect, test } from "vitest";
import type { NomineeType } from "#db/schema";
import {
  nomineeNameLabel,
  canChangeNominations,
  canWithdraw,
  countWords,
  duplicateKey,
  furthestStep,
  previousStep,
  isReference,
  isUnconfirmedExpired,
  makeReference,
  needsGuardian,
  nomineeTypeProblem,
  normaliseForMatch,
  selfNominationProblem,
  wordLimitMessage,
} from "~/domain/nomination";
import { caseSchema, nominatorSchema, nomineeSchema } from "~/domain/nomination-forms";
import { validationIn } from "~/i18n";
import { NOMINEE_TYPE_LABELS, NOMINEE_TYPES } from "~/domain/vocabulary";
import englishNomination from "~/locales/en/nomination.json";
// Loads every catalogue into i18next, as the server does at start-up.
import "~/i18n.server";

const en = () => validationIn("en");

const DAY = 86_400_000;
const now = new Date("2026-03-01T12:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);

describe("countWords", () => {
  test.each([
    ["", 0],
    ["   ", 0],
    ["one", 1],
    ["two  words", 2],
    ["line\nbreaks\tand tabs", 4],
    ["a lone - dash is not a word", 7],
    ["café naïve", 2],
    ["١٢ عربي", 2],
  ])("%j has %i words", (text, words) => expect(countWords(text)).toBe(words));

  test("the limit message names how many words are too many", () => {
    expect(wordLimitMessage(5, 5)).toBeNull();
    expect(wordLimitMessage(5, 6)).toBe("must be 5 words or fewer (you have 1 word too many)");
    expect(wordLimitMessage(5, 8)).toMatch(/3 words too many/);
  });
});

describe("references", () => {
  test("CSA-year-five characters from an alphabet without 0, O, 1 or I", () => {
    for (let i = 0; i < 200; i++) {
      const ref = makeReference(2026, crypto.getRandomValues(new Uint8Array(5)));
      expect(ref).toMatch(/^CSA-2026-[2-9A-HJ-NP-Z]{5}$/);
      expect(isReference(ref)).toBe(true);
    }
    expect(makeReference(2026, new Uint8Array([0, 1, 31, 32, 255]))).toBe("CSA-2026-23Z2Z");
    expect(isReference("CSA-2026-7KQ4M")).toBe(true);
    expect(isReference("CSA-2026-7KQ0M")).toBe(false);
  });
});

describe("duplicates", () => {
  test.each([
    ["Riverside Sponsors", "St Mary's", "The riverside  sponsors", "St. Marys"],
    ["Café Welcome", "A & B Trust", "cafe welcome", "A and B trust"],
    ["ONE GROUP", null, "one group", ""],
  ])("%s / %s matches %s / %s", (a, ao, b, bo) => expect(duplicateKey(a, ao)).toBe(duplicateKey(b, bo)));

  test("different names or organisations do not match; an empty name has no key", () => {
    expect(duplicateKey("Riverside Sponsors", "St Mary's")).not.toBe(duplicateKey("Riverside Sponsors", "St John's"));
    expect(duplicateKey("  ", "x")).toBeNull();
    expect(normaliseForMatch("The Ø-Group!")).toBe("ø group");
  });
});

describe("who a category accepts", () => {
  const group = { nomineeTypes: ["group"] as const, selfNominationAllowed: false, nomineeUnder18: false };
  const young = { nomineeTypes: ["individual"] as const, selfNominationAllowed: false, nomineeUnder18: true };
  const volunteer = { nomineeTypes: ["individual"] as const, selfNominationAllowed: false, nomineeUnder18: false };
  const international = { nomineeTypes: ["group", "individual", "international"] as const, selfNominationAllowed: true, nomineeUnder18: false };

  test.each([
    [group, "group", null],
    [group, "council", /sponsor groups/],
    [group, undefined, /sponsor groups/],
    [international, "international", null],
    [international, "council", /sponsor groups, individual people or groups or people outside the UK/],
  ])("type %#", (category, type, expected) => {
    const problem = nomineeTypeProblem(category, type);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  test.each([
    [young, { type: "individual", isUnder18: null }, true],
    [volunteer, { type: "individual", isUnder18: true }, true],
    [volunteer, { type: "individual", isUnder18: false }, false],
    [group, { type: "group", isUnder18: true }, false],
  ])("guardian %#", (category, nominee, expected) => expect(needsGuardian(category, nominee)).toBe(expected));

  test.each([
    [group, { isSelfNomination: true }, /cannot nominate yourself/],
    [group, { isSelfNomination: false, nominatorEmail: "a@x.org", nomineeEmail: " A@X.org" }, /same as yours/],
    [group, { isSelfNomination: false, nominatorEmail: "a@x.org", nomineeEmail: "b@x.org" }, null],
    [international, { isSelfNomination: true, nominatorEmail: "a@x.org", nomineeEmail: "a@x.org" }, null],
  ])("self-nomination %#", (category, nomination, expected) => {
    const problem = selfNominationProblem(category, nomination);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe("when nominations can change", () => {
  const cycle = {
    phase: "nominations_open" as const,
    nominationsOpenAt: at(-10),
    nominationsCloseAt: at(10),
    judgingOpenAt: at(20),
    judgingCloseAt: at(40),
  };
  test.each([
    [at(-11), false, false],
    [at(0), true, true],
    [at(10), false, true],
    [at(19), false, true],
    [at(20), false, false],
  ])("at %s: change %s, withdraw %s", (when, change, withdraw) => {
    expect(canChangeNominations(cycle, when)).toBe(change);
    expect(canWithdraw(cycle, when)).toBe(withdraw);
  });
  test("once an admin moves the cycle to judging, withdrawal ends whatever the dates say", () => {
    expect(canWithdraw({ ...cycle, phase: "judging" }, at(0))).toBe(false);
  });
});

describe("expiry of unconfirmed submissions", () => {
  test.each([
    [{ status: "submitted", submittedAt: at(-7), confirmedAt: null }, true],
    [{ status: "submitted", submittedAt: at(-6.9), confirmedAt: null }, false],
    [{ status: "submitted", submittedAt: at(-30), confirmedAt: at(-29) }, false],
    [{ status: "draft", submittedAt: null, confirmedAt: null }, false],
    [{ status: "withdrawn", submittedAt: at(-30), confirmedAt: null }, false],
  ])("%o expired: %s", (nomination, expired) => expect(isUnconfirmedExpired(nomination, now)).toBe(expired));

  test("the furthest step reached never goes back", () => {
    expect(furthestStep("case", "nominator")).toBe("case");
    expect(furthestStep("nominator", "files")).toBe("files");
    expect(furthestStep("nonsense", "case")).toBe("case");
  });

  test("each step's back link goes to the step before; the first's to the category's page", () => {
    expect(previousStep("nominee")).toBeNull();
    expect(previousStep("nominator")).toBe("nominee");
    expect(previousStep("case")).toBe("nominator");
    expect(previousStep("files")).toBe("case");
    expect(previousStep("check")).toBe("files");
  });
});

describe("step schemas", () => {
  test("a word limit is checked by words, with the question named", () => {
    const schema = caseSchema([{ id: 7, label: "What changed?", wordLimit: 3, required: true }], en());
    expect(schema.safeParse({ answer7: "one two three" }).success).toBe(true);
    const over = schema.safeParse({ answer7: "one two three four" });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0].message).toBe('Your answer to "What changed?" must be 3 words or fewer (you have 1 word too many)');
    expect(schema.safeParse({}).error?.issues[0].message).toBe('Answer "What changed?"');
  });

  test("an individual in an adult category must say whether they are under 18", () => {
    const schema = nomineeSchema({ nomineeTypes: ["individual"], selfNominationAllowed: false, nomineeUnder18: false }, en(), "individual people");
    const result = schema.safeParse({ nomineeType: "individual", nomineeName: "A", nomineeKnows: "yes" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["nomineeIsUnder18"]);
  });

  test("a draft keeps an answer over its word limit; only the complete check refuses it", () => {
    const questions = [{ id: 7, label: "What changed?", wordLimit: 3, required: true }];
    expect(caseSchema(questions, en(), "draft").safeParse({ answer7: "one two three four five" }).success).toBe(true);
    expect(caseSchema(questions, en(), "draft").safeParse({}).success).toBe(true);
    expect(caseSchema(questions, en()).safeParse({ answer7: "one two three four five" }).success).toBe(false);
  });

  test.each([
    {
      name: "an empty form names every required field",
      category: { nomineeTypes: ["individual"] as NomineeType[], selfNominationAllowed: false, nomineeUnder18: false },
      values: {},
      paths: ["nomineeType", "nomineeName", "nomineeKnows"],
    },
    {
      name: "an individual without a name is also asked their age",
      category: { nomineeTypes: ["individual"] as NomineeType[], selfNominationAllowed: false, nomineeUnder18: false },
      values: { nomineeType: "individual" },
      paths: ["nomineeName", "nomineeKnows", "nomineeIsUnder18"],
    },
    {
      name: "a missing name does not hide the guardian's missing fields",
      category: { nomineeTypes: ["individual"] as NomineeType[], selfNominationAllowed: false, nomineeUnder18: true },
      values: { nomineeType: "individual" },
      paths: ["nomineeName", "nomineeKnows", "guardianName", "guardianEmail", "guardianConsent", "guardianPublicationConsent"],
    },
    {
      name: "an under-18 answer brings the guardian's fields into the same pass",
      category: { nomineeTypes: ["individual", "group"] as NomineeType[], selfNominationAllowed: false, nomineeUnder18: false },
      values: { nomineeType: "individual", nomineeIsUnder18: "yes", guardianEmail: "not-an-email" },
      paths: ["nomineeName", "nomineeKnows", "guardianEmail", "guardianName", "guardianConsent", "guardianPublicationConsent"],
    },
  ])("every error of the nominee step at once: $name", ({ category, values, paths }) => {
    const result = nomineeSchema(category, en(), "people").safeParse(values);
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([...paths].sort());
  });

  test("the nominator step reports self-nomination with its other errors", () => {
    const result = nominatorSchema({ nomineeTypes: ["individual"], selfNominationAllowed: false, nomineeUnder18: false }, en()).safeParse({
      isSelfNomination: "yes",
    });
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(
      ["isSelfNomination", "nominatorEmail", "nominatorName", "nominatorRelationship"].sort(),
    );
  });
});

describe("the same schemas speak Welsh on a Welsh page", () => {
  test("a word limit in Welsh, with the Welsh plural forms", () => {
    const schema = caseSchema([{ id: 7, label: "Beth newidiodd?", wordLimit: 3, required: true }], validationIn("cy"));
    const message = (text: string) => schema.safeParse({ answer7: text }).error?.issues[0].message;
    expect(message("un dau tri pedwar")).toBe('Rhaid i\'ch ateb i "Beth newidiodd?" fod yn 3 gair neu lai (mae gennych 1 gair yn ormod)');
    expect(message("un dau tri pedwar pump")).toBe('Rhaid i\'ch ateb i "Beth newidiodd?" fod yn 3 gair neu lai (mae gennych 2 air yn ormod)');
    expect(message("un dau tri pedwar pump chwech")).toBe('Rhaid i\'ch ateb i "Beth newidiodd?" fod yn 3 gair neu lai (mae gennych 3 gair yn ormod)');
    expect(schema.safeParse({}).error?.issues[0].message).toBe('Atebwch "Beth newidiodd?"');
  });

  test("the nominee step's messages", () => {
    const schema = nomineeSchema({ nomineeTypes: ["individual"], selfNominationAllowed: false, nomineeUnder18: false }, validationIn("cy"), "unigolion");
    const issues = schema.safeParse({ nomineeType: "individual", nomineeKnows: "yes", nomineeIsUnder18: "no" }).error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual(["Rhowch enw'r un rydych yn ei enwebu"]);
  });
});

describe("nomineeNameLabel", () => {
  test.each([
    { chosen: undefined, allowed: ["council"], label: "Name of the council" },
    { chosen: undefined, allowed: ["group"], label: "Name of the group" },
    { chosen: "individual", allowed: ["group", "individual"], label: "Their full name" },
    { chosen: undefined, allowed: ["group", "individual"], label: "Name of who you are nominating" },
    { chosen: "international", allowed: ["international"], label: "Name of the group or person" },
  ] as Array<{ chosen?: string; allowed: NomineeType[]; label: string }>)("$allowed, chosen $chosen: $label", ({ chosen, allowed, label }) => {
    expect(nomineeNameLabel(chosen, allowed)).toBe(label);
  });
});

describe("the kinds of nominee in words", () => {
  test("the admin's English words are the public catalogue's English words", () => {
    expect(NOMINEE_TYPE_LABELS).toEqual(englishNomination.nomineeTypes);
    expect(Object.keys(NOMINEE_TYPE_LABELS)).toEqual([...NOMINEE_TYPES]);
  });
});
