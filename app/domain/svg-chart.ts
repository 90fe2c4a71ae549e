// Data for a small inline SVG dot plot of one nomination's judge scores on the
// rubric scale. It returns numbers and strings, not markup, so the component
// that renders it stays trivial and this stays testable.

import type { Scale } from "./scoring";

export type DotPlot = {
  viewBox: string;
  width: number;
  height: number;
  axis: { x1: number; y1: number; x2: number; y2: number };
  ticks: { x: number; label: string }[]; // the scale's two ends
  circles: { cx: number; cy: number; r: number; title: string }[]; // lowest score first
  label: string; // for <title> and aria-label, e.g. "Scores: 3.2, 4.0, 4.5"
};

export type DotPlotOptions = { width?: number; height?: number; radius?: number };

export function scoreDotPlot(scores: number[], scale: Scale, options: DotPlotOptions = {}): DotPlot {
  const { width = 120, height = 24, radius = 4 } = options;
  if (!(scale.max > scale.min)) throw new Error(`The scale ${scale.min}–${scale.max} is empty.`);
  for (const s of scores) if (!Number.isFinite(s)) throw new Error(`Cannot plot the score ${s}.`);

  const pad = radius + 1;
  const axisY = height / 2;
  const x = (v: number) => {
    // A score off the scale is drawn at the nearer end; the label keeps its true value.
    const t = (Math.min(Math.max(v, scale.min), scale.max) - scale.min) / (scale.max - scale.min);
    return round2(pad + t * (width - 2 * pad));
  };

  const sorted = [...scores].sort((a, b) => a - b);
  const formatted = sorted.map(formatScore);
  // Dots that would overlap are nudged alternately above and below the axis,
  // so three judges giving 4.0 show as three dots, not one.
  const circles: DotPlot["circles"] = [];
  let stack = 0;
  sorted.forEach((score, i) => {
    const cx = x(score);
    stack = i > 0 && cx - circles[i - 1].cx < radius ? stack + 1 : 0;
    const offset = Math.ceil(stack / 2) * radius * (stack % 2 === 1 ? -1 : 1);
    const cy = round2(Math.min(Math.max(axisY + offset, radius), height - radius));
    circles.push({ cx, cy, r: radius, title: formatted[i] });
  });

  return {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    axis: { x1: pad, y1: axisY, x2: width - pad, y2: axisY },
    ticks: [
      { x: pad, label: String(scale.min) },
      { x: width - pad, label: String(scale.max) },
    ],
    circles,
    label: scores.length === 0 ? "No scores" : `Scores: ${formatted.join(", ")}`,
  };
}

const formatScore = (v: number) => v.toFixed(1);
const round2 = (v: number) => Math.round(v * 100) / 100;

export type IntervalBar = {
  viewBox: string;
  width: number;
  height: number;
  axis: { x1: number; y1: number; x2: number; y2: number };
  /** The interval as a bar, clipped to the scale; `clipped` when it runs past an end. */
  bar: { x: number; y: number; width: number; height: number; clipped: boolean };
  point: { cx: number; cy: number; r: number };
  label: string; // e.g. "Calibrated 3.8, 95% interval 3.1 to 4.5"
};

/**
 * A calibrated score and its interval on the rubric scale, drawn to the same
 * width as the dot plot so the two line up beside each other.
 */
export function intervalBar(
  value: number,
  interval: { low: number; high: number },
  scale: Scale,
  options: DotPlotOptions & { confidence?: number } = {},
): IntervalBar {
  const { width = 120, height = 24, radius = 4, confidence = 0.95 } = options;
  if (!(scale.max > scale.min)) throw new Error(`The scale ${scale.min}–${scale.max} is empty.`);
  for (const v of [value, interval.low, interval.high]) if (!Number.isFinite(v)) throw new Error(`Cannot plot ${v}.`);
  const pad = radius + 1;
  const axisY = height / 2;
  const x = (v: number) => {
    const t = (Math.min(Math.max(v, scale.min), scale.max) - scale.min) / (scale.max - scale.min);
    return round2(pad + t * (width - 2 * pad));
  };
  const low = x(interval.low);
  const high = x(interval.high);
  const barHeight = 6;
  return {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    axis: { x1: pad, y1: axisY, x2: width - pad, y2: axisY },
    bar: {
      x: low,
      y: axisY - barHeight / 2,
      width: round2(Math.max(high - low, 1)),
      height: barHeight,
      clipped: interval.low < scale.min || interval.high > scale.max,
    },
    point: { cx: x(value), cy: axisY, r: radius - 1 },
    label: `Calibrated ${value.toFixed(2)}, ${Math.round(confidence * 100)}% interval ${interval.low.toFixed(2)} to ${interval.high.toFixed(2)}`,
  };
}
