// How far the judges agree, beyond what chance would give: Krippendorff's
// alpha with the interval metric δ²(c, k) = (c − k)². It tolerates missing
// values, any number of judges and unequal numbers of scores per nomination,
// which is what a panel's score sheet looks like.

/**
 * units[i] holds each coder's value for unit i (null = not scored).
 * Returns null when alpha is undefined: fewer than two pairable values, or no
 * variation at all among them (then both disagreements are 0).
 *
 * This is the coincidence-matrix formulation (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"):
 *
 *   alpha = 1 − (n − 1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck
 *
 * where unit u with m_u ≥ 2 values adds 1/(m_u − 1) to o_ck for each ordered
 * pair of its values, and n_c = Σ_k o_ck. For the interval metric both sums
 * reduce to sums of squares, so no matrix over the distinct values is built:
 *   Σ_ck o_ck δ²_ck  = Σ_u 2 · m_u · SS_u / (m_u − 1)   (SS_u about the unit mean)
 *   Σ_ck n_c n_k δ²_ck = 2 · n · SS                       (SS over all pairable values)
 * since Σ over ordered pairs (i, k) of (v_i − v_k)² = 2 · m · Σ(v − v̄)².
 */
export function krippendorffAlphaInterval(units: Array<Array<number | null>>): number | null {
  let n = 0;
  let observed = 0; // Σ_u m_u · SS_u / (m_u − 1)
  let total = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  const pairable: number[] = [];

  for (const unit of units) {
    const values = unit.filter((v): v is number => v !== null && v !== undefined);
    for (const v of values) {
      if (!Number.isFinite(v)) throw new Error(`Reliability data contains ${v}, not a number.`);
    }
    const m = values.length;
    if (m < 2) continue; // a lone value has nothing to agree or disagree with
    let sum = 0;
    for (const v of values) sum += v;
    const mean = sum / m;
    let ss = 0;
    // Skipped when the unit agrees, so perfect agreement gives exactly 1.
    if (values.some((v) => v !== values[0])) for (const v of values) ss += (v - mean) ** 2;
    observed += (m * ss) / (m - 1);
    n += m;
    total += sum;
    for (const v of values) {
      pairable.push(v);
      lowest = Math.min(lowest, v);
      highest = Math.max(highest, v);
    }
  }

  // Compared directly, not via SS === 0: equal non-integers leave rounding dust.
  if (n < 2 || lowest === highest) return null;
  const grandMean = total / n;
  let ssAll = 0;
  for (const v of pairable) ssAll += (v - grandMean) ** 2;
  return 1 - ((n - 1) * observed) / (n * ssAll);
}
