import { describe, expect, test } from "vitest";
import { parseForm } from "~/components/schema-form";
import { readScale, scalePoints, scaleSchema } from "~/components/category-forms";

const current = { min: 1, max: 5 };
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

describe("the scale form", () => {
  test("a valid range asks for a description of each of its points", () => {
    expect(scalePoints({ scaleMin: "0", scaleMax: "3" }, current)).toEqual([0, 1, 2, 3]);
    const { scale, problems } = readScale({ scaleMin: "0", scaleMax: "2", "anchor-0": " None ", "anchor-1": "Some", "anchor-2": "Much" }, current);
    expect(problems).toEqual([]);
    expect(scale).toEqual({ scaleMin: 0, scaleMax: 2, anchors: [{ value: 0, description: "None" }, { value: 1, description: "Some" }, { value: 2, description: "Much" }] });
  });

  test("a wrong range is refused at the end that is wrong, and the current points are still asked for", () => {
    const submission = parseForm(form({ scaleMin: "3", scaleMax: "2", "anchor-1": "a" }), scaleSchema(current));
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors.scaleMax).toEqual(["The highest point must be above the lowest"]);
    expect(errors["anchor-2"]).toEqual(["Describe what a 2 means"]);
    expect(errors["anchor-1"]).toBeUndefined();
    // A blank end is not 0.
    expect(readScale({ scaleMin: " ", scaleMax: "4" }, current).problems[0]).toEqual({ field: "scaleMin", message: "The scale's ends must be whole numbers" });
  });

  test("a description longer than 300 characters is refused", () => {
    const values = { scaleMin: "1", scaleMax: "2", "anchor-1": "x".repeat(301), "anchor-2": "ok" };
    expect(readScale(values, current).problems).toEqual([{ field: "anchor-1", message: "The description of 1 must be 300 characters or fewer" }]);
  });
});
