import { describe, expect, test } from "vitest";
import { feedbackProblem, feedbackSettingProblem, releasedText, type FeedbackNomination, type JudgeComment } from "~/domain/feedback";
import { outcomeRecipients } from "~/domain/recipients";

const NOW = new Date("2026-10-15T18:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

describe("feedbackProblem", () => {
  test.each([
    ["off", { feedbackToNominees: false, shortlistPublishAt: at(-2), winnersPublishAt: at(-1) }, /not turned on/],
    ["no winners' time", { feedbackToNominees: true, shortlistPublishAt: at(-2), winnersPublishAt: null }, /not set yet/],
    ["winners due later", { feedbackToNominees: true, shortlistPublishAt: at(-2), winnersPublishAt: at(1) }, /once the winners are published, on/],
    ["winners public", { feedbackToNominees: true, shortlistPublishAt: at(-2), winnersPublishAt: at(-1) }, null],
    ["winners public this very second", { feedbackToNominees: true, shortlistPublishAt: at(-2), winnersPublishAt: at(0) }, null],
  ])("%s", (_, cycle, expected) => {
    const problem = feedbackProblem(cycle, NOW);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

test.each([
  [{ before: false, after: true, released: 0 }, null],
  [{ before: true, after: false, released: 0 }, null],
  [{ before: true, after: true, released: 3 }, null],
  [{ before: true, after: false, released: 1 }, /released for 1 nomination,/],
  [{ before: true, after: false, released: 2 }, /released for 2 nominations,/],
])("feedbackSettingProblem %o", (input, expected) => {
  const problem = feedbackSettingProblem(input);
  if (expected === null) expect(problem).toBeNull();
  else expect(problem).toMatch(expected);
});

test("releasedText keeps only shared, submitted, counted comments, as the admin left them", () => {
  const base: JudgeComment = { scoreId: 1, comment: "Kind words", commentPrivate: false, submitted: true, voided: false, edit: null };
  expect(
    releasedText([
      base,
      { ...base, scoreId: 2, comment: "Private", commentPrivate: true },
      { ...base, scoreId: 3, comment: "Draft", submitted: false },
      { ...base, scoreId: 4, comment: "Voided", voided: true },
      { ...base, scoreId: 5, comment: "   " },
      { ...base, scoreId: 6, comment: "Edited away", edit: { text: " Edited in ", excluded: false } },
      { ...base, scoreId: 7, comment: "Left out", edit: { text: "Left out", excluded: true } },
      // An edit never makes a private comment shareable.
      { ...base, scoreId: 8, comment: "Private again", commentPrivate: true, edit: { text: "Edited private", excluded: false } },
    ]),
  ).toEqual(["Kind words", "Edited in"]);
});

describe("outcomeRecipients", () => {
  const adult: FeedbackNomination = {
    nominatorName: "Nia",
    nominatorEmail: "nia@example.test",
    confirmedAt: NOW,
    nomineeName: "Riverside Welcome",
    nomineeEmail: "team@riverside.example",
    nomineeKnows: true,
    nomineeIsUnder18: false,
    guardianName: null,
    guardianEmail: null,
  };
  test.each([
    ["nominator and nominee", adult, false, [["nia@example.test", "nominator"], ["team@riverside.example", "nominee"]]],
    ["a nominee who does not know hears nothing", { ...adult, nomineeKnows: false }, false, [["nia@example.test", "nominator"]]],
    ["no nominee contact", { ...adult, nomineeEmail: null }, false, [["nia@example.test", "nominator"]]],
    ["a self-nomination hears once", { ...adult, nomineeEmail: "NIA@example.test" }, false, [["nia@example.test", "nominator"]]],
    [
      "an under-18 nominee: the guardian instead of the child",
      { ...adult, nomineeIsUnder18: true, guardianName: "Gwen", guardianEmail: "gwen@example.test" },
      false,
      [["nia@example.test", "nominator"], ["gwen@example.test", "guardian"]],
    ],
    ["an under-18 category, however the box was ticked", { ...adult, guardianEmail: "gwen@example.test" }, true, [["nia@example.test", "nominator"], ["gwen@example.test", "guardian"]]],
    ["a child with no guardian's contact: never the child", { ...adult, nomineeIsUnder18: true }, false, [["nia@example.test", "nominator"]]],
  ])("%s", (_, nomination, under18Category, expected) => {
    expect(outcomeRecipients(nomination, { under18Category }).map((r) => [r.to, r.audience])).toEqual(expected);
  });

  test("confirmed nominators of merged nominations hear too, each address once", () => {
    const merged = [
      { ...adult, nominatorName: "Owen", nominatorEmail: "owen@example.test" },
      { ...adult, nominatorName: "Unconfirmed", nominatorEmail: "draft@example.test", confirmedAt: null },
      { ...adult, nominatorEmail: "nia@example.test" },
    ];
    expect(outcomeRecipients(adult, { under18Category: false, merged }).map((r) => r.to)).toEqual([
      "nia@example.test",
      "team@riverside.example",
      "owen@example.test",
    ]);
  });

  test("a merged nominator reads the public name, in their own language; an erased one hears nothing", () => {
    const merged = [
      { ...adult, nominatorName: "Owen", nominatorEmail: "owen@example.test", language: "cy" as const },
      { ...adult, nominatorName: "Gone", nominatorEmail: "gone@example.test", erasedAt: NOW },
    ];
    const list = outcomeRecipients({ ...adult, language: "en" }, { under18Category: false, merged });
    expect(list.map((r) => [r.to, r.named, r.language])).toEqual([
      ["nia@example.test", true, "en"],
      ["team@riverside.example", true, "en"],
      ["owen@example.test", false, "cy"],
    ]);
  });
});
