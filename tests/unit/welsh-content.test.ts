import { describe, expect, test } from "vitest";
import { localisedAsks } from "~/domain/campaign";
import { campaignWelshProblems, categoryWelshProblems, missingWelshInCampaign, missingWelshInCategory, normaliseWelsh, welshProblem } from "~/domain/welsh-content";

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

describe("a campaign's Welsh", () => {
  const campaign = {
    title: "Protect sponsorship",
    titleCy: "Diogelu nawdd",
    summary: "Write to your MP.",
    summaryCy: null,
    asks: "Meet us\nA meeting.",
    asksCy: null,
    letterGuidance: "",
    letterGuidanceCy: null,
    briefing: "Bring a story.",
    briefingCy: "Dewch â stori.",
  };

  test("what is missing: only texts that have English, in the order of the form", () => {
    expect(missingWelshInCampaign(campaign).map((m) => m.field)).toEqual(["summaryCy", "asksCy"]);
    expect(missingWelshInCampaign({ ...campaign, summaryCy: "Ysgrifennwch at eich AS.", asksCy: "Cyfarfod" })).toEqual([]);
  });

  test("no Welsh without its English, and no longer than its limit", () => {
    expect(campaignWelshProblems(campaign)).toEqual({});
    expect(campaignWelshProblems({ ...campaign, letterGuidanceCy: "Eich geiriau" })).toEqual({ letterGuidanceCy: "Write the English guidance before its Welsh" });
    expect(campaignWelshProblems({ ...campaign, titleCy: "x".repeat(241) })).toEqual({ titleCy: "The Welsh title must be 240 characters or fewer" });
  });

  test("the asks: Welsh on a Welsh page once written, else the English, said to be English", () => {
    const asks = [{ title: "Meet us", body: "" }];
    const asksCy = [{ title: "Cyfarfod", body: "" }];
    expect(localisedAsks(asks, asksCy, "cy")).toEqual({ asks: asksCy, language: "cy" });
    expect(localisedAsks(asks, null, "cy")).toEqual({ asks, language: "en" });
    expect(localisedAsks(asks, [], "cy")).toEqual({ asks, language: "en" });
    expect(localisedAsks(asks, asksCy, "en")).toEqual({ asks, language: "en" });
  });
});
