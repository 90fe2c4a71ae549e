import { describe, expect, test } from "vitest";
import { cacheSecondsUntilChange, checkAwards, disagreementThreshold, publicStage } from "~/domain/results";

const t = (iso: string) => new Date(iso);
const times = { shortlistPublishAt: t("2026-09-01T09:00:00Z"), winnersPublishAt: t("2026-10-14T19:00:00Z") };

describe("what the public may see", () => {
  test.each([
    ["no times set", { shortlistPublishAt: null, winnersPublishAt: null }, "2030-01-01T00:00:00Z", "none"],
    ["one second before the shortlist", times, "2026-09-01T08:59:59Z", "none"],
    ["at the shortlist's second", times, "2026-09-01T09:00:00Z", "shortlist"],
    ["one second before the winners", times, "2026-10-14T18:59:59Z", "shortlist"],
    ["at the winners' second", times, "2026-10-14T19:00:00Z", "winners"],
    ["winners scheduled without a shortlist time", { shortlistPublishAt: null, winnersPublishAt: t("2026-10-14T19:00:00Z") }, "2026-10-14T19:00:00Z", "winners"],
  ] as const)("%s", (_name, pub, now, expected) => {
    expect(publicStage(pub, t(now))).toBe(expected);
  });

  test("shared caches never hold a page past the next publication", () => {
    expect(cacheSecondsUntilChange(times, t("2026-09-01T08:59:00Z"))).toBe(60);
    expect(cacheSecondsUntilChange(times, t("2026-09-01T08:00:00Z"))).toBe(300);
    expect(cacheSecondsUntilChange(times, t("2026-12-01T00:00:00Z"))).toBe(300);
    expect(cacheSecondsUntilChange(times, t("2026-10-14T18:59:59.500Z"))).toBe(0);
  });
});

test("disagreement is half the scale", () => {
  expect(disagreementThreshold({ min: 1, max: 5 })).toBe(2);
  expect(disagreementThreshold({ min: 0, max: 10 })).toBe(5);
});

test("awards need citations", () => {
  expect(
    checkAwards([
      { nominationId: 1, award: "winner", citation: "For a welcome that changed a town." },
      { nominationId: 2, award: "highly_commended", citation: "   " },
      { nominationId: 3, award: "none", citation: "" },
    ]),
  ).toEqual({ 2: "Write a citation for each winner and highly commended nomination" });
});
