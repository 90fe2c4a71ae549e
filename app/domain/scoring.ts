// A judge scores each rubric criterion on an integer scale; the nomination's
// score from that judge is the weighted mean of those criterion values.

export type Criterion = { id: number; weight: number }; // weight > 0
export type Scale = { min: number; max: number }; // integer scale, e.g. 1..5 or 0..10

/**
 * Weighted mean of the criterion values: Σ w·v / Σ w.
 *
 * Throws rather than guessing when a value is missing, because a partial score
 * silently averaged over the criteria present would not be the rubric the
 * judges agreed to. Check with `isCompleteScore` first when the input comes
 * from a form. Pass `scale` to also reject values outside it.
 */
export function weightedScore(
  criteria: Criterion[],
  values: Record<number, number | null | undefined>,
  scale?: Scale,
): number {
  assertRubric(criteria);
  if (scale) assertScale(scale);
  let weighted = 0;
  let totalWeight = 0;
  for (const { id, weight } of criteria) {
    const value = values[id];
    if (value === null || value === undefined) {
      throw new Error(`Criterion ${id} has no value, so the score is incomplete.`);
    }
    if (!Number.isFinite(value)) {
      throw new Error(`Criterion ${id} has a value that is not a number.`);
    }
    if (scale && !isOnScale(value, scale)) {
      throw new Error(
        `Criterion ${id} is ${value}, outside the scale ${scale.min}–${scale.max}.`,
      );
    }
    weighted += weight * value;
    totalWeight += weight;
  }
  return weighted / totalWeight;
}

/**
 * True when every criterion has a whole-number value on the scale. Values for
 * criteria not in the rubric are ignored: they cannot change the score.
 */
export function isCompleteScore(
  criteria: Criterion[],
  values: Record<number, number | null | undefined>,
  scale: Scale,
): boolean {
  assertScale(scale);
  if (criteria.length === 0) return false;
  return criteria.every(({ id }) => {
    const value = values[id];
    return typeof value === "number" && isOnScale(value, scale);
  });
}

function isOnScale(value: number, { min, max }: Scale): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function assertRubric(criteria: Criterion[]): void {
  if (criteria.length === 0) throw new Error("The rubric has no criteria.");
  const seen = new Set<number>();
  for (const { id, weight } of criteria) {
    if (seen.has(id)) throw new Error(`Criterion ${id} appears twice in the rubric.`);
    seen.add(id);
    if (!(Number.isFinite(weight) && weight > 0)) {
      throw new Error(`Criterion ${id} has weight ${weight}; weights must be positive.`);
    }
  }
}

function assertScale({ min, max }: Scale): void {
  if (!(Number.isInteger(min) && Number.isInteger(max) && min < max)) {
    throw new Error(`The scale ${min}–${max} must be two whole numbers, lowest first.`);
  }
}
