import { describe, expect, test } from "vitest";
import { intervalBar, scoreDotPlot } from "~/domain/svg-chart";

const oneToFive = { min: 1, max: 5 };

describe("scoreDotPlot", () => {
  test("places each score on the scale and summarises them for screen readers", () => {
    const plot = scoreDotPlot([4.5, 3.2, 4], oneToFive, { width: 110, height: 20, radius: 5 });
    // The axis runs from 6 to 104 (radius + 1 padding), so 1 → 6 and 5 → 104.
    expect(plot).toEqual({
      viewBox: "0 0 110 20",
      width: 110,
      height: 20,
      axis: { x1: 6, y1: 10, x2: 104, y2: 10 },
      ticks: [
        { x: 6, label: "1" },
        { x: 104, label: "5" },
      ],
      circles: [
        { cx: 59.9, cy: 10, r: 5, title: "3.2" },
        { cx: 79.5, cy: 10, r: 5, title: "4.0" },
        { cx: 91.75, cy: 10, r: 5, title: "4.5" },
      ],
      label: "Scores: 3.2, 4.0, 4.5",
    });
  });

  test("equal scores are stacked so every judge's dot is visible", () => {
    const plot = scoreDotPlot([4, 4, 4], oneToFive, { height: 24, radius: 4 });
    expect(plot.circles.map((c) => c.cy)).toEqual([12, 8, 16]);
    expect(new Set(plot.circles.map((c) => c.cx)).size).toBe(1);
  });

  test("a score off the scale is drawn at the end but labelled truly", () => {
    const plot = scoreDotPlot([0, 11], { min: 0, max: 10 });
    expect(plot.circles.map((c) => c.cx)).toEqual([plot.axis.x1, plot.axis.x2]);
    expect(scoreDotPlot([12], { min: 0, max: 10 }).label).toBe("Scores: 12.0");
  });

  test("no scores", () => {
    const plot = scoreDotPlot([], oneToFive);
    expect(plot.circles).toEqual([]);
    expect(plot.label).toBe("No scores");
  });

  test("rejects an empty scale or a non-number", () => {
    expect(() => scoreDotPlot([3], { min: 5, max: 5 })).toThrow(/empty/);
    expect(() => scoreDotPlot([NaN], oneToFive)).toThrow(/Cannot plot/);
  });
});

describe("the interval bar beside the dot plot", () => {
  test.each([
    // width 120, pad 5: the scale 1–5 maps onto x 5–115, 27.5 per point
    { name: "inside the scale", value: 3, low: 2, high: 4, bar: { x: 32.5, width: 55, clipped: false }, cx: 60 },
    { name: "running past both ends is clipped", value: 3, low: -1, high: 7, bar: { x: 5, width: 110, clipped: true }, cx: 60 },
    { name: "a zero-width interval still shows", value: 5, low: 5, high: 5, bar: { x: 115, width: 1, clipped: false }, cx: 115 },
  ])("$name", ({ value, low, high, bar, cx }) => {
    const plot = intervalBar(value, { low, high }, { min: 1, max: 5 });
    expect(plot.bar).toMatchObject(bar);
    expect(plot.point.cx).toBe(cx);
    expect(plot.label).toBe(`Calibrated ${value.toFixed(2)}, 95% interval ${low.toFixed(2)} to ${high.toFixed(2)}`);
  });
});
