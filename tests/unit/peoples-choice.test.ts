import { describe, expect, test } from "vitest";
import {
  MIN_SECONDS_ON_PAGE,
  networkOf,
  normaliseVoterEmail,
  reportBy,
  stampProblem,
  publicationWindowProblems,
  tally,
  votingState,
  windowProblems,
  type VoteRecord,
} from "~/domain/peoples-choice";

const t = (iso: string) => new Date(iso);
const cycle = { shortlistPublishAt: t("2026-09-01T09:00:00Z"), winnersPublishAt: t("2026-10-14T19:00:00Z") };
const window = { opensAt: t("2026-09-02T09:00:00Z"), closesAt: t("2026-10-10T17:00:00Z") };
const off = { opensAt: null, closesAt: null };

describe("the voting window", () => {
  test.each([
    ["no window", off, "2026-09-05T00:00:00Z", "off"],
    ["before it opens", window, "2026-09-02T08:59:59Z", "not_open"],
    ["at its opening second", window, "2026-09-02T09:00:00Z", "open"],
    ["one second before it closes", window, "2026-10-10T16:59:59Z", "open"],
    ["at its closing second", window, "2026-10-10T17:00:00Z", "closed"],
  ] as const)("%s: %s", (_name, w, now, expected) => {
    expect(votingState(w, cycle, t(now))).toBe(expected);
  });

  test("voting stops at the winners' publication even if that moved before the close", () => {
    const earlier = { ...cycle, winnersPublishAt: t("2026-10-01T00:00:00Z") };
    expect(votingState(window, earlier, t("2026-09-30T23:59:59Z"))).toBe("open");
    expect(votingState(window, earlier, t("2026-10-01T00:00:00Z"))).toBe("closed");
  });

  test("voting never opens before the shortlist is public", () => {
    const later = { ...cycle, shortlistPublishAt: t("2026-09-10T00:00:00Z") };
    expect(votingState(window, later, t("2026-09-05T00:00:00Z"))).toBe("not_open");
  });

  const now = t("2026-08-20T00:00:00Z");
  const ask = (requested: typeof window | typeof off, over: Partial<Parameters<typeof windowProblems>[0]> = {}) =>
    windowProblems({ cycle, current: off, requested, shortlisted: 3, now, ...over });

  test.each([
    ["a window inside the publication times", window, {}, {}],
    ["opening at the shortlist's second and closing at the winners'", { opensAt: cycle.shortlistPublishAt, closesAt: cycle.winnersPublishAt }, {}, {}],
    ["opening before the shortlist", { ...window, opensAt: t("2026-08-31T09:00:00Z") }, {}, { opensAt: "Voting cannot open before the shortlist is published" }],
    ["closing after the winners", { ...window, closesAt: t("2026-10-14T19:00:01Z") }, {}, { closesAt: "Voting must close before or when the winners are published" }],
    ["closing before opening", { opensAt: window.closesAt, closesAt: window.opensAt }, {}, { closesAt: "Voting must close after it opens" }],
    ["one time only", { opensAt: window.opensAt, closesAt: null }, {}, { closesAt: "Enter when voting closes, or clear both times to turn People's Choice off" }],
  ] as const)("%s", (_name, requested, over, expected) => {
    expect(ask(requested as typeof window, over)).toEqual(expected);
  });

  test("no shortlist or no publication times", () => {
    expect(ask(window, { shortlisted: 0 })).toEqual({ form: "This category has no shortlist to vote on" });
    expect(ask(window, { cycle: { shortlistPublishAt: null, winnersPublishAt: null } })).toEqual({
      opensAt: "Set when the shortlist is published first: voting opens after it",
      closesAt: "Set when the winners are published first: voting closes before then",
    });
  });

  test("an open window can close early but not move its opening or disappear", () => {
    const during = t("2026-09-20T00:00:00Z");
    const o = { cycle, current: window, shortlisted: 3, now: during };
    expect(windowProblems({ ...o, requested: { ...window, closesAt: t("2026-09-21T00:00:00Z") } })).toEqual({});
    expect(windowProblems({ ...o, requested: { ...window, closesAt: t("2026-09-19T00:00:00Z") } })).toEqual({ closesAt: "The closing time cannot be in the past" });
    expect(windowProblems({ ...o, requested: { ...window, opensAt: t("2026-09-03T00:00:00Z") } }).opensAt).toMatch(/already opened/);
    expect(windowProblems({ ...o, requested: off }).form).toMatch(/not remove it/);
    // Turning it off before it opens is fine.
    expect(windowProblems({ ...o, now, requested: off })).toEqual({});
  });

  test("nothing changes after the window closes or the winners are public", () => {
    expect(windowProblems({ cycle, current: window, requested: off, shortlisted: 3, now: t("2026-10-11T00:00:00Z") }).form).toMatch(/closed/);
    expect(windowProblems({ cycle, current: off, requested: window, shortlisted: 3, now: t("2026-10-15T00:00:00Z") }).form).toMatch(/winners have been published/);
    // Unchanged is never a problem.
    expect(windowProblems({ cycle, current: window, requested: window, shortlisted: 3, now: t("2026-10-15T00:00:00Z") })).toEqual({});
  });
});

describe("moving the publication times around a vote", () => {
  const windows = [{ name: "Group of the Year", ...window }, { name: "Off", opensAt: null, closesAt: null }];
  test.each([
    ["the winners before voting closes", { ...cycle, winnersPublishAt: t("2026-10-10T16:59:59Z") }, { winnersPublishAt: "People's Choice voting closes after this time in: Group of the Year. Close it earlier first" }],
    ["the winners exactly when voting closes", { ...cycle, winnersPublishAt: window.closesAt }, {}],
    ["the shortlist after voting opens", { ...cycle, shortlistPublishAt: t("2026-09-02T09:00:01Z") }, { shortlistPublishAt: "People's Choice voting opens before this time in: Group of the Year. Move its window first" }],
    ["the winners' time cleared", { ...cycle, winnersPublishAt: null }, {}],
  ] as const)("%s", (_name, requested, expected) => {
    expect(publicationWindowProblems({ windows, current: cycle, requested })).toEqual(expected);
  });

  test("a time that does not change is not judged again", () => {
    const stale = { ...cycle, winnersPublishAt: t("2026-10-01T00:00:00Z") };
    expect(publicationWindowProblems({ windows, current: stale, requested: stale })).toEqual({});
  });
});

describe("one vote per email", () => {
  test.each([
    ["Ann@Example.org", "ann@example.org", "example.org"],
    ["  ann+awards@example.org ", "ann@example.org", "example.org"],
    ["A.N.N+x@GoogleMail.com", "ann@gmail.com", "gmail.com"],
    ["a.n.n@example.org", "a.n.n@example.org", "example.org"],
    ["ann@example.org.", "ann@example.org", "example.org"],
  ])("%s", (email, key, domain) => {
    expect(normaliseVoterEmail(email)).toEqual({ key, domain });
  });

  test.each(["", "ann", "@example.org", "ann@", "ann@localhost", "a b@example.org"])("refuses %j", (email) => {
    expect(normaliseVoterEmail(email)).toBeNull();
  });
});

describe("only the network of an address is kept", () => {
  test.each([
    ["203.0.113.77", "203.0.113.0/24"],
    ["010.001.002.003", "10.1.2.0/24"],
    ["::ffff:203.0.113.9", "203.0.113.0/24"],
    ["::FFFF:cb00:7109", "203.0.113.0/24"],
    ["2001:db8:5:1::1", "2001:db8:5::/48"],
    ["2001:0db8:0005:ffff:ffff:ffff:ffff:ffff", "2001:db8:5::/48"],
    ["fe80::1%eth0", "fe80:0:0::/48"],
    ["::1", "0:0:0::/48"],
    ["256.1.1.1", "unknown"],
    ["1.2.3", "unknown"],
    ["1::2::3", "unknown"],
    ["1:2:3:4:5:6:7:8:9", "unknown"],
    ["unknown", "unknown"],
    ["", "unknown"],
  ])("%s → %s", (ip, network) => {
    expect(networkOf(ip)).toBe(network);
  });
});

describe("the form's timestamp", () => {
  const shown = Date.parse("2026-09-05T12:00:00Z");
  test.each([
    [null, 0, "missing"],
    [shown, MIN_SECONDS_ON_PAGE * 1000 - 1, "too-fast"],
    [shown, MIN_SECONDS_ON_PAGE * 1000, null],
    [shown, 12 * 60 * 60 * 1000, null],
    [shown, 12 * 60 * 60 * 1000 + 1, "expired"],
  ] as const)("shown %s, sent %s ms later → %s", (issued, after, expected) => {
    expect(stampProblem(issued, shown + after)).toBe(expected);
  });
});

describe("counting", () => {
  const v = (nominationId: number, emailDomain: string, network: string, confirmed: boolean, voided = false): VoteRecord => ({
    nominationId,
    emailDomain,
    network,
    confirmedAt: confirmed ? t("2026-09-05T00:00:00Z") : null,
    voidedAt: voided ? t("2026-09-06T00:00:00Z") : null,
  });
  const votes = [
    v(1, "example.org", "203.0.113.0/24", true),
    v(1, "example.org", "203.0.113.0/24", true, true),
    v(1, "spam.test", "198.51.100.0/24", true),
    v(1, "spam.test", "198.51.100.0/24", true),
    v(1, "spam.test", "198.51.100.0/24", false),
    v(2, "example.org", "192.0.2.0/24", true),
  ];

  test("only confirmed votes that are not voided count", () => {
    expect(Object.fromEntries(tally(votes))).toEqual({ 1: 3, 2: 1 });
  });

  test("the report groups by domain and by network, largest first", () => {
    expect(reportBy(votes, "domain")).toEqual([
      { key: "example.org", votes: 3, confirmed: 3, counted: 2, voided: 1, topNominationId: 1, topShare: 0.5 },
      { key: "spam.test", votes: 3, confirmed: 2, counted: 2, voided: 0, topNominationId: 1, topShare: 1 },
    ]);
    expect(reportBy(votes, "network").map((r) => [r.key, r.votes, r.counted])).toEqual([
      ["198.51.100.0/24", 3, 2],
      ["203.0.113.0/24", 2, 1],
      ["192.0.2.0/24", 1, 1],
    ]);
  });
});
