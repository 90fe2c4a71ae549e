import { describe, expect, test } from "vitest";
import { categoryWelshProblems, missingWelshInCategory, normaliseWelsh, welshProblem } from "~/domain/welsh-content";

const category = {
  name: "Group of the Year",
  nameCy: null,
  description: "",
  descriptionCy: null,
  eligibility: "Groups in the UK",
  eligibilityCy: "Grwpiau yn y DU",
  sponsor: null,
  sponsorCy: null,
};

describe("Welsh beside the English", () => {
  test("blank Welsh is no Welsh", () => {
    expect(normaliseWelsh("  ")).toBeNull();
    expect(normaliseWelsh(undefined)).toBeNull();
    expect(normaliseWelsh(" Gwobr ")).toBe("Gwobr");
  });

  test("no Welsh without its English, and no longer than its limit", () => {
    expect(welshProblem("", "Noddwr", "sponsor line", 200)).toBe("Write the English sponsor line before its Welsh");
    expect(welshProblem("Sponsor", "x".repeat(201), "sponsor line", 200)).toBe("The Welsh sponsor line must be 200 characters or fewer");
    expect(welshProblem("Sponsor", "", "sponsor line", 200)).toBeNull();
    expect(categoryWelshProblems({ ...category, descriptionCy: "Disgrifiad" })).toEqual({ descriptionCy: "Write the English description before its Welsh" });
  });

  test("what is missing: only texts that have English, and only questions still asked", () => {
    const questions = [
      { id: 1, label: "Why?", labelCy: "Pam?", help: "A line", helpCy: null },
      { id: 2, label: "Old", labelCy: null, help: "", helpCy: null, retiredAt: new Date() },
      { id: 3, label: "How?", labelCy: " ", help: "", helpCy: null },
    ];
    expect(missingWelshInCategory(category, questions)).toEqual([
      { field: "nameCy", what: "Name" },
      { field: "helpCy", what: "Question 1: help text", questionId: 1 },
      { field: "labelCy", what: "Question 2: the question", questionId: 3 },
    ]);
  });
});
