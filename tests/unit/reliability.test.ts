import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { krippendorffAlphaInterval } from "~/domain/reliability";

const _ = null;

/** Published tables list one row per observer; the function takes one row per unit. */
function byUnit(observers: Array<Array<number | null>>): Array<Array<number | null>> {
  return observers[0].map((_, unit) => observers.map((row) => row[unit]));
}

describe("krippendorffAlphaInterval: published values", () => {
  test.each([
    {
      // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E:
      // 4 observers × 12 units with missing values. Published: interval alpha = 0.849
      // (nominal 0.743, ordinal 0.815, ratio 0.797).
      source: "Krippendorff 2011, §E, 4 observers, missing data",
      observers: [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
        [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
      ],
      expected: 0.849,
      digits: 3,
    },
    {
      // Krippendorff (2011), section A: binary data, two observers, no missing data.
      // Published alpha = 0.095. With only the values 0 and 1 the interval metric
      // (c − k)² equals the nominal one, so the interval alpha is the same number.
      source: "Krippendorff 2011, §A, binary data",
      observers: [
        [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
        [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
      ],
      expected: 0.095,
      digits: 3,
    },
    {
      // Wikipedia, "Krippendorff's alpha", § A computational example (3 coders × 15
      // units, missing data; the article works the nominal alpha, 0.691). The interval
      // value 0.810845 is the one asserted for this data in the test suite of the
      // `krippendorff` Python package (pln-fing-udelar/fast-krippendorff,
      // tests/test_krippendorff.py, test_interval_metric): a cross-implementation check.
      source: "Wikipedia computational example, interval value from fast-krippendorff",
      observers: [
        [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
        [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
        [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
      ],
      expected: 0.810845,
      digits: 6,
    },
  ])("$source", ({ observers, expected, digits }) => {
    expect(krippendorffAlphaInterval(byUnit(observers))).toBeCloseTo(expected, digits);
  });
});

describe("krippendorffAlphaInterval: edge cases", () => {
  test.each([
    { name: "perfect agreement", units: [[1, 1, 1], [3, 3, _], [5, 5, 5]], expected: 1 },
    { name: "perfect agreement on fractional scores", units: [[3.2, 3.2], [4.1, 4.1, 4.1]], expected: 1 },
    { name: "no units", units: [], expected: null },
    { name: "only lone values (nothing pairable)", units: [[1, _], [_, 4]], expected: null },
    { name: "one pairable unit without variation", units: [[2, 2], [5, _]], expected: null },
    { name: "no variation anywhere", units: [[0.1, 0.1, 0.1], [0.1, 0.1]], expected: null },
  ])("$name → $expected", ({ units, expected }) => {
    expect(krippendorffAlphaInterval(units)).toBe(expected);
  });

  test("systematic disagreement gives a negative alpha", () => {
    // Two units, values swapped between coders: observed disagreement exceeds chance.
    expect(krippendorffAlphaInterval([[1, 5], [5, 1]])).toBeLessThan(0);
  });

  test("units with a single value do not change alpha", () => {
    const units = [[1, 2], [3, 3], [4, 5]];
    expect(krippendorffAlphaInterval([...units, [5, _, _], [_, 1]])).toBe(krippendorffAlphaInterval(units));
  });

  test("rejects values that are not numbers", () => {
    expect(() => krippendorffAlphaInterval([[1, NaN]])).toThrow(/not a number/);
  });
});

/** The textbook computation: build the coincidence matrix over distinct values, then sum. */
function alphaFromCoincidenceMatrix(units: Array<Array<number | null>>): number | null {
  const pairable = units.map((u) => u.filter((v): v is number => v !== null)).filter((u) => u.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  for (const unit of pairable) {
    for (let i = 0; i < unit.length; i++) {
      for (let k = 0; k < unit.length; k++) {
        if (i !== k) o[index.get(unit[i])!][index.get(unit[k])!] += 1 / (unit.length - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  let observed = 0;
  let expected = 0;
  values.forEach((c, ci) =>
    values.forEach((k, ki) => {
      observed += o[ci][ki] * (c - k) ** 2;
      expected += nc[ci] * nc[ki] * (c - k) ** 2;
    }),
  );
  if (n < 2 || expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

describe("krippendorffAlphaInterval: property", () => {
  test("equals the coincidence-matrix computation on random score sheets", () => {
    const cell = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 3 });
    const sheet = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 20 });
    fc.assert(
      fc.property(sheet, (units) => {
        const expected = alphaFromCoincidenceMatrix(units);
        const actual = krippendorffAlphaInterval(units);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 9);
      }),
    );
  });
});
