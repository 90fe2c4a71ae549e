import { describe, expect, test } from "vitest";
import { isCompleteScore, weightedScore, type Criterion } from "~/domain/scoring";

const rubric: Criterion[] = [
  { id: 1, weight: 3 }, // impact
  { id: 2, weight: 1 }, // innovation
  { id: 3, weight: 1 }, // community
];
const oneToFive = { min: 1, max: 5 };

describe("weightedScore", () => {
  test.each([
    { name: "all equal", values: { 1: 4, 2: 4, 3: 4 }, expected: 4 },
    { name: "weights pull toward the heavy criterion", values: { 1: 5, 2: 1, 3: 1 }, expected: 17 / 5 },
    { name: "light criteria", values: { 1: 1, 2: 5, 3: 5 }, expected: 13 / 5 },
    { name: "values for retired criteria are ignored", values: { 1: 2, 2: 2, 3: 2, 9: 5 }, expected: 2 },
  ])("$name", ({ values, expected }) => {
    expect(weightedScore(rubric, values)).toBeCloseTo(expected, 12);
  });

  test("works on a 0..10 scale with unequal fractional weights", () => {
    const criteria = [
      { id: 10, weight: 0.5 },
      { id: 11, weight: 1.5 },
    ];
    expect(weightedScore(criteria, { 10: 0, 11: 10 }, { min: 0, max: 10 })).toBe(7.5);
  });

  test.each([
    { name: "a missing value", criteria: rubric, values: { 1: 4, 2: 4 }, error: /Criterion 3 has no value/ },
    { name: "a null value", criteria: rubric, values: { 1: 4, 2: null, 3: 4 }, error: /Criterion 2 has no value/ },
    { name: "a NaN value", criteria: rubric, values: { 1: 4, 2: NaN, 3: 4 }, error: /not a number/ },
    { name: "no criteria", criteria: [], values: {}, error: /no criteria/ },
    { name: "a zero weight", criteria: [{ id: 1, weight: 0 }], values: { 1: 3 }, error: /weights must be positive/ },
    {
      name: "a criterion listed twice",
      criteria: [
        { id: 1, weight: 1 },
        { id: 1, weight: 2 },
      ],
      values: { 1: 3 },
      error: /appears twice/,
    },
  ])("throws on $name", ({ criteria, values, error }) => {
    expect(() => weightedScore(criteria, values)).toThrow(error);
  });

  test("throws on a value outside the scale when the scale is given", () => {
    expect(() => weightedScore(rubric, { 1: 6, 2: 4, 3: 4 }, oneToFive)).toThrow(/outside the scale 1–5/);
    expect(weightedScore(rubric, { 1: 5, 2: 1, 3: 1 }, oneToFive)).toBeCloseTo(3.4, 12);
  });
});

describe("isCompleteScore", () => {
  test.each([
    { name: "every criterion on the scale", values: { 1: 1, 2: 5, 3: 3 }, expected: true },
    { name: "a missing criterion", values: { 1: 1, 2: 5 }, expected: false },
    { name: "an undefined value", values: { 1: 1, 2: 5, 3: undefined }, expected: false },
    { name: "a null value", values: { 1: 1, 2: null, 3: 3 }, expected: false },
    { name: "below the scale", values: { 1: 0, 2: 5, 3: 3 }, expected: false },
    { name: "above the scale", values: { 1: 1, 2: 6, 3: 3 }, expected: false },
    { name: "not a whole number", values: { 1: 1, 2: 4.5, 3: 3 }, expected: false },
    { name: "NaN", values: { 1: 1, 2: NaN, 3: 3 }, expected: false },
    { name: "extra values for other criteria", values: { 1: 1, 2: 2, 3: 3, 4: 99 }, expected: true },
  ])("$name → $expected", ({ values, expected }) => {
    expect(isCompleteScore(rubric, values, oneToFive)).toBe(expected);
  });

  test("0 is a valid value on a 0..10 scale", () => {
    expect(isCompleteScore([{ id: 1, weight: 1 }], { 1: 0 }, { min: 0, max: 10 })).toBe(true);
  });

  test("an empty rubric is never complete", () => {
    expect(isCompleteScore([], {}, oneToFive)).toBe(false);
  });

  test("a malformed scale is a programming error", () => {
    expect(() => isCompleteScore(rubric, {}, { min: 5, max: 1 })).toThrow(/lowest first/);
    expect(() => isCompleteScore(rubric, {}, { min: 1, max: 4.5 })).toThrow(/whole numbers/);
  });
});
