import { describe, expect, test } from "vitest";
import { formatLondon, formatLondonDate } from "~/utils/time";

describe("times are shown in Europe/London", () => {
  test.each([
    // Winter: London is UTC.
    ["2026-01-30T17:00:00Z", "Friday 30 January 2026 at 5pm"],
    // Summer: London is UTC+1, so 16:30 UTC is 5:30pm.
    ["2026-06-30T16:30:00Z", "Tuesday 30 June 2026 at 5:30pm"],
    // The clocks change on 29 March 2026 at 01:00 UTC.
    ["2026-03-29T00:59:00Z", "Sunday 29 March 2026 at 12:59am"],
    ["2026-03-29T01:00:00Z", "Sunday 29 March 2026 at 2am"],
    ["2026-10-25T11:05:00Z", "Sunday 25 October 2026 at 11:05am"],
  ])("%s → %s", (iso, expected) => {
    expect(formatLondon(new Date(iso))).toBe(expected);
  });

  test("a date late on 31 December UTC in summer time would roll over; in winter it does not", () => {
    expect(formatLondonDate("2026-12-31T23:30:00Z")).toBe("31 December 2026");
    expect(formatLondonDate("2026-07-31T23:30:00Z")).toBe("1 August 2026");
  });

  test("missing dates say so", () => {
    expect(formatLondon(null)).toBe("not set");
  });
});
