import { describe, expect, test } from "vitest";
import {
  cycleMoments,
  finalCacheControl,
  hasPersonalCookie,
  PRIVATE_NO_STORE,
  publicCacheControlFor,
  secondsUntilNextMoment,
  sharedMaxAge,
} from "~/domain/public-cache";

const now = new Date("2026-11-21T12:00:00Z");
const inSeconds = (s: number) => new Date(now.getTime() + s * 1000);

describe("secondsUntilNextMoment", () => {
  test.each([
    { moments: [], expected: 300, why: "nothing ahead: the ceiling" },
    { moments: [null, undefined], expected: 300, why: "unset dates are ignored" },
    { moments: [inSeconds(-10)], expected: 300, why: "moments past are ignored" },
    { moments: [inSeconds(90)], expected: 90, why: "a moment inside the ceiling bounds it" },
    { moments: [inSeconds(5000), inSeconds(42.9)], expected: 42, why: "the first moment ahead, in whole seconds" },
    { moments: [inSeconds(0.5)], expected: 0, why: "under a second: not cached" },
  ])("$why", ({ moments, expected }) => {
    expect(secondsUntilNextMoment(moments, now)).toBe(expected);
  });
});

describe("publicCacheControlFor", () => {
  test.each([
    { moments: [], expected: "public, max-age=0, s-maxage=300, stale-while-revalidate=300" },
    { moments: [inSeconds(450)], expected: "public, max-age=0, s-maxage=300, stale-while-revalidate=150", why: "stale copies end at the moment" },
    { moments: [inSeconds(120)], expected: "public, max-age=0, s-maxage=120" },
    { moments: [inSeconds(30)], expected: "public, max-age=0, s-maxage=30" },
    { moments: [inSeconds(0.2)], expected: "no-store" },
  ])("$expected", ({ moments, expected }) => {
    expect(publicCacheControlFor(moments, now)).toBe(expected);
  });

  test("a cycle's every date counts", () => {
    const cycle = {
      nominationsOpenAt: inSeconds(-1000),
      nominationsCloseAt: inSeconds(10_000),
      judgingOpenAt: null,
      judgingCloseAt: null,
      shortlistPublishAt: null,
      winnersPublishAt: inSeconds(200),
    };
    expect(secondsUntilNextMoment(cycleMoments(cycle), now)).toBe(200);
  });
});

describe("hasPersonalCookie", () => {
  test.each([
    { cookie: undefined, expected: false },
    { cookie: "", expected: false },
    { cookie: "theme=dark", expected: false },
    { cookie: "csa_session=abc", expected: true },
    { cookie: "theme=dark; csa_session=abc", expected: true },
    { cookie: "csa_nomination_group-of-the-year=abc", expected: true },
    { cookie: "csa_session=", expected: false, why: "a blanked cookie carries nothing" },
    { cookie: "not_csa_session=abc", expected: false },
  ])("$cookie → $expected", ({ cookie, expected }) => {
    expect(hasPersonalCookie(cookie)).toBe(expected);
  });
});

describe("sharedMaxAge", () => {
  test.each([
    { header: null, expected: 0 },
    { header: "no-store", expected: 0 },
    { header: "public, max-age=60", expected: 0 },
    { header: "public, max-age=60, s-maxage=300", expected: 300 },
    { header: "Public, S-MaxAge=120", expected: 120 },
    { header: "private, s-maxage=300", expected: 0 },
    { header: "public, s-maxage=300, no-store", expected: 0 },
    { header: "s-maxage=300", expected: 0, why: "only what says public" },
    { header: "public, s-maxage=abc", expected: 0 },
  ])("$header → $expected", ({ header, expected }) => {
    expect(sharedMaxAge(header)).toBe(expected);
  });
});

describe("finalCacheControl", () => {
  const shared = "public, max-age=60, s-maxage=300";
  test.each([
    { input: { cacheControl: shared, setsCookie: false, personalRequest: false }, expected: shared },
    { input: { cacheControl: null, setsCookie: false, personalRequest: false }, expected: null },
    { input: { cacheControl: shared, setsCookie: true, personalRequest: false }, expected: PRIVATE_NO_STORE },
    { input: { cacheControl: shared, setsCookie: false, personalRequest: true }, expected: PRIVATE_NO_STORE },
    { input: { cacheControl: null, setsCookie: false, personalRequest: true }, expected: PRIVATE_NO_STORE },
  ])("%#", ({ input, expected }) => {
    expect(finalCacheControl(input)).toBe(expected);
  });
});
