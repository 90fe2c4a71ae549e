/**
 * Rules for editing a category's questions and rubric. Once a question has answers or a
 * criterion has scores, a change to its meaning retires it and adds a new one, so no
 * answer or score is silently re-read against words it was not given for.
 */
export type QuestionMeaning = { label: string; wordLimit: number };
export type CriterionMeaning = { name: string; guidance: string; weight: number };

export function questionMeaningChanged(before: QuestionMeaning, after: QuestionMeaning): boolean {
  return before.label.trim() !== after.label.trim() || before.wordLimit !== after.wordLimit;
}

export function criterionMeaningChanged(before: CriterionMeaning, after: CriterionMeaning): boolean {
  return (
    before.name.trim() !== after.name.trim() ||
    before.guidance.trim() !== after.guidance.trim() ||
    before.weight !== after.weight
  );
}

export type EditPlan = "update" | "replace";

/** In place when nothing depends on it or its meaning holds; otherwise retire and replace. */
export function planEdit(inUse: boolean, meaningChanged: boolean): EditPlan {
  return inUse && meaningChanged ? "replace" : "update";
}

/** Removing something that is in use retires it; otherwise it is deleted. */
export function planRemoval(inUse: boolean): "delete" | "retire" {
  return inUse ? "retire" : "delete";
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

/**
 * Swaps an item with its neighbour in display order and returns the new positions
 * (0, 1, 2 …) for every item, or null when it cannot move that way.
 */
export function moveInOrder<T extends { id: number }>(items: T[], id: number, direction: "up" | "down"): Array<{ id: number; position: number }> | null {
  const i = items.findIndex((item) => item.id === id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= items.length) return null;
  const ordered = [...items];
  [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
  return ordered.map((item, position) => ({ id: item.id, position }));
}

/** A scale needs at least two points and at most eleven (0–10). */
export function checkScale(min: number, max: number): string | null {
  if (!Number.isInteger(min) || !Number.isInteger(max)) return "The scale's ends must be whole numbers";
  if (min < 0) return "The lowest point must be 0 or more";
  if (max <= min) return "The highest point must be above the lowest";
  if (max - min > 10) return "The scale can have at most 11 points";
  return null;
}
