import { describe, expect, test } from "vitest";
import { parseForm } from "~/components/schema-form";
import {
  checkPanelEntry,
  crossesEdge,
  panelFlags,
  panelMeetingProblem,
  panelRecordProblem,
  panelShortlist,
  RANK_GAP,
  ranksDiffer,
  panelEntrySchema,
  shortlistCut,
  sideBySideRanks,
} from "~/domain/panel-meeting";

const HOUR = 3_600_000;
const now = new Date("2026-06-01T12:00:00Z");
const cycle = (over: Record<string, unknown> = {}) => ({
  phase: "judging" as const,
  nominationsOpenAt: null,
  nominationsCloseAt: null,
  judgingCloseAt: new Date(now.getTime() - HOUR),
  shortlistPublishAt: null,
  winnersPublishAt: null,
  ...over,
});

describe("side-by-side ranks", () => {
  test("raw and calibrated ranked separately, ties shared, unscored unranked", () => {
    const ranks = sideBySideRanks([
      { nominationId: 1, mean: 4.5, calibrated: 3.9 },
      { nominationId: 2, mean: 4.0, calibrated: 4.2 },
      { nominationId: 3, mean: 4.0, calibrated: 3.1 },
      { nominationId: 4, mean: null, calibrated: null },
    ]);
    expect(ranks.get(1)).toEqual({ raw: { rank: 1, tied: false }, calibrated: { rank: 2, tied: false } });
    expect(ranks.get(2)).toEqual({ raw: { rank: 2, tied: true }, calibrated: { rank: 1, tied: false } });
    expect(ranks.get(3)).toEqual({ raw: { rank: 2, tied: true }, calibrated: { rank: 3, tied: false } });
    expect(ranks.get(4)).toEqual({ raw: null, calibrated: null });
  });
});

describe("flags", () => {
  test("ranks differ only by more than the gap", () => {
    expect(RANK_GAP).toBe(2);
    expect(ranksDiffer({ rank: 1, tied: false }, { rank: 3, tied: false })).toBe(false);
    expect(ranksDiffer({ rank: 1, tied: false }, { rank: 4, tied: false })).toBe(true);
    expect(ranksDiffer({ rank: 6, tied: false }, { rank: 2, tied: false })).toBe(true);
    expect(ranksDiffer({ rank: 1, tied: false }, { rank: 4, tied: false }, 3)).toBe(false);
    expect(ranksDiffer(null, { rank: 9, tied: false })).toBe(false);
  });

  test("the shortlist's cut lies halfway between the last in and the first out", () => {
    expect(shortlistCut([4.6, 3.0, 4.0, 2.0], 2)).toBe(3.5);
    expect(shortlistCut([4, 3], 2)).toBeNull();
    expect(shortlistCut([4, 3], 0)).toBeNull();
  });

  test("an interval crosses the edge when the cut lies within it, ends included", () => {
    expect(crossesEdge({ low: 3.2, high: 3.8 }, 3.5)).toBe(true);
    expect(crossesEdge({ low: 3.5, high: 4.1 }, 3.5)).toBe(true);
    expect(crossesEdge({ low: 3.6, high: 4.1 }, 3.5)).toBe(false);
    expect(crossesEdge(null, 3.5)).toBe(false);
    expect(crossesEdge({ low: 1, high: 5 }, null)).toBe(false);
  });

  test("every flag together, in a fixed order; none for a clear entry", () => {
    expect(
      panelFlags({
        raw: { rank: 1, tied: false },
        calibrated: { rank: 5, tied: false },
        disagreement: true,
        interval: { low: 2, high: 4 },
        cut: 3,
      }),
    ).toEqual(["ranks-differ", "judges-disagree", "crosses-edge"]);
    expect(
      panelFlags({ raw: { rank: 1, tied: false }, calibrated: { rank: 1, tied: false }, disagreement: false, interval: { low: 4, high: 4.8 }, cut: 3 }),
    ).toEqual([]);
  });
});

describe("when the meeting is open", () => {
  test("not before judging has closed; readable after; recordable until the shortlist is published", () => {
    const open = cycle({ judgingCloseAt: new Date(now.getTime() + HOUR) });
    expect(panelMeetingProblem(open, now)).toMatch(/once judging has closed/);
    expect(panelRecordProblem(open, now)).toMatch(/once judging has closed/);
    expect(panelMeetingProblem(cycle(), now)).toBeNull();
    expect(panelRecordProblem(cycle(), now)).toBeNull();
    const published = cycle({ phase: "shortlist_published", shortlistPublishAt: new Date(now.getTime() - 1000) });
    expect(panelMeetingProblem(published, now)).toBeNull();
    expect(panelRecordProblem(published, now)).toMatch(/can no longer change/);
    expect(panelMeetingProblem(cycle({ phase: "nominations_closed", judgingCloseAt: null }), now)).not.toBeNull();
  });
});

describe("a record", () => {
  test("a decision needs its reason", () => {
    expect(checkPanelEntry({ note: "", decision: "shortlist", reason: "  " })).toEqual({ reason: "Give the panel's reason for its decision" });
    expect(checkPanelEntry({ note: "", decision: "reserve", reason: "Close behind the shortlist" })).toEqual({});
    expect(checkPanelEntry({ note: "Discussed at length", decision: null, reason: "" })).toEqual({});
  });

  test("an empty record and text too long are refused", () => {
    expect(checkPanelEntry({ note: " ", decision: null, reason: "" }).note).toMatch(/note or record a decision/);
    expect(checkPanelEntry({ note: "x".repeat(4001), decision: null, reason: "" }).note).toMatch(/4,000/);
    expect(checkPanelEntry({ note: "", decision: "shortlist", reason: "x".repeat(2001) }).reason).toMatch(/2,000/);
  });

  test("a posted form is read, or refused with its field", () => {
    const read = (values: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(values)) form.append(k, v);
      return parseForm(form, panelEntrySchema);
    };
    expect(read({ nominationId: "12", note: "n", decision: "", reason: "" })).toMatchObject({
      status: "success",
      value: { nominationId: 12, note: "n", decision: null, reason: "" },
    });
    expect(read({ nominationId: "99999999999", note: "", decision: "shortlist", reason: "r" }).reply().error).toEqual({ nominationId: ["Choose a nomination from this panel"] });
    expect(read({ note: "", decision: "shortlist", reason: "r" }).reply().error).toEqual({ nominationId: ["Choose a nomination from this panel"] });
    expect(read({ nominationId: "3", note: "", decision: "winner", reason: "r" }).reply().error).toEqual({ decision: ["Choose shortlist, reserve or not shortlisted"] });
  });
});

describe("the agreed shortlist", () => {
  const entries = [
    { nominationId: 1, label: "Ash", decision: "shortlist" as const, reason: "Top on both ranks" },
    { nominationId: 2, label: "Birch", decision: "reserve" as const, reason: "Judges split" },
    { nominationId: 3, label: "Cedar", decision: "shortlist" as const, reason: "Its interval reaches the top" },
    { nominationId: 4, label: "Damson", decision: null, reason: "" },
  ];

  test("shortlist decisions are chosen; reserves stay off; departures from the suggestion carry the panel's reasons", () => {
    expect(panelShortlist(entries, [1, 2])).toEqual({
      chosen: [1, 3],
      undecided: [4],
      reason: "Agreed at the panel meeting. Birch: reserve (Judges split); Cedar: shortlist (Its interval reaches the top).",
    });
  });

  test("no departure, no reason", () => {
    expect(panelShortlist(entries, [1, 3]).reason).toBe("");
  });
});
