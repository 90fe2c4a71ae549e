import { describe, expect, test } from "vitest";
import { formatLondon, formatLondonDate } from "~/domain/time";

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

import { parseLondonDateTime, toLondonInputValue } from "~/domain/time";

describe("London wall-clock input", () => {
  test.each([
    ["2026-01-15T19:00", "2026-01-15T19:00:00.000Z"],
    ["2026-07-15T19:00", "2026-07-15T18:00:00.000Z"],
    // 01:30 on 25 October 2026 happens twice; the first (BST) is meant.
    ["2026-10-25T01:30", "2026-10-25T00:30:00.000Z"],
    // 01:30 on 29 March 2026 never happens; read as 02:30 BST.
    ["2026-03-29T01:30", "2026-03-29T01:30:00.000Z"],
  ])("%s → %s", (input, expected) => {
    expect(parseLondonDateTime(input)?.toISOString()).toBe(expected);
    expect(parseLondonDateTime("2000-01-01T00:00")?.toISOString()).toBe("2000-01-01T00:00:00.000Z");
    expect(parseLondonDateTime("2199-12-31T23:59")?.getUTCFullYear()).toBe(2199);
  });

  test.each([
    "",
    "tomorrow",
    "2026-02-30T10:00",
    "2026-13-01T10:00",
    "2026-01-01T24:00",
    "2026-01-01 10:00",
    // Outside this century and the next: 0050 would otherwise be read as 1950.
    "0050-06-01T10:00",
    "1999-12-31T23:59",
    "2200-01-01T00:00",
    "9999-01-01T00:00",
  ])(
    "refuses %j",
    (input) => {
      expect(parseLondonDateTime(input)).toBeNull();
    },
  );

  test("round-trips through the input value", () => {
    for (const iso of ["2026-01-15T19:00:00Z", "2026-07-15T18:05:00Z"]) {
      expect(parseLondonDateTime(toLondonInputValue(new Date(iso)))?.toISOString()).toBe(new Date(iso).toISOString());
    }
  });
});

describe("dates in Welsh", () => {
  test("a winter evening and a summer morning, in London time, the Welsh way", () => {
    expect(formatLondon(new Date("2027-01-27T17:00:00Z"), "cy")).toBe("Dydd Mercher 27 Ionawr 2027 am 5yh");
    expect(formatLondon(new Date("2026-07-01T08:30:00Z"), "cy")).toBe("Dydd Mercher 1 Gorffennaf 2026 am 9:30yb");
    expect(formatLondon(new Date("2026-07-01T11:00:00Z"), "cy")).toBe("Dydd Mercher 1 Gorffennaf 2026 am 12yh");
    expect(formatLondonDate(new Date("2026-03-01T12:00:00Z"), "cy")).toBe("1 Mawrth 2026");
    expect(formatLondon(null, "cy")).toBe("heb ei osod");
  });
});
