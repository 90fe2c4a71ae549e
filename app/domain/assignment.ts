/**
 * Judge assignment for one category panel.
 *
 * The problem is a min-cost max-flow: source → nomination (capacity k minus the
 * pairs it keeps), nomination → judge (capacity 1 when the pair is allowed),
 * judge → sink as unit arcs whose cost is the judge's load at that level. The
 * costs are convex, so among all maximum assignments we get the one with the
 * smallest sum of squared loads; whenever a set of loads differing by at most 1
 * is reachable, that is it.
 *
 * The graph is bipartite with a small judge side and every cost sits on the
 * judge → sink arcs, so a shortest augmenting path from a nomination ends at
 * the least-loaded judge with spare cap that it can reach. Reaching a judge
 * either directly or through a chain of "move nomination m from judge a to
 * judge b" swaps costs nothing, so each augmentation is a breadth-first search
 * over judges only, using a judge × judge table of how many nominations could
 * make each swap. Augmenting from one nomination at a time is still successive
 * shortest paths (each path is shortest from its own start), so the result is
 * a minimum-cost maximum flow.
 */

export type AssignmentPair = { judgeId: number; nominationId: number };
export type AssignmentInput = {
  nominations: number[];
  judges: { id: number; cap?: number | null }[];
  k: number;
  conflicts: AssignmentPair[];
  existing: AssignmentPair[];
};
export type Shortfall = { nominationId: number; wanted: number; assigned: number; reason: string };
export type AssignmentResult = {
  assignments: AssignmentPair[];
  kept: AssignmentPair[];
  added: AssignmentPair[];
  dropped: { pair: AssignmentPair; reason: string }[];
  shortfalls: Shortfall[];
  loads: Record<number, number>;
};

export const DROP_REASONS = {
  nominationIneligible: "the nomination is no longer eligible",
  judgeOffPanel: "the judge is no longer on this panel",
  conflict: "the judge has a conflict of interest with this nomination",
} as const;

// State of one (nomination, judge) cell.
const BLOCKED = 0; // conflict of interest
const FREE = 1; // allowed, not assigned
const KEPT = 2; // existing pair that stands; never moved
const ADDED = 3; // new pair; may be moved to another judge while solving

export function solveAssignments(input: AssignmentInput): AssignmentResult {
  const { k } = input;
  if (!Number.isInteger(k) || k < 0) {
    throw new RangeError(`k must be a whole number of judges, 0 or more (got ${k})`);
  }

  const nominationIds = [...new Set(input.nominations)].sort(byNumber);
  const capById = new Map<number, number>();
  for (const judge of input.judges) {
    const cap = judge.cap ?? Infinity;
    if (cap !== Infinity && (!Number.isInteger(cap) || cap < 0)) {
      throw new RangeError(`judge ${judge.id} has cap ${cap}; a cap must be a whole number, 0 or more`);
    }
    // A judge listed twice keeps the tighter cap, so the outcome does not depend on input order.
    capById.set(judge.id, Math.min(cap, capById.get(judge.id) ?? Infinity));
  }
  const judgeIds = [...capById.keys()].sort(byNumber);

  const N = nominationIds.length;
  const J = judgeIds.length;
  const nominationIndex = new Map(nominationIds.map((id, i) => [id, i]));
  const judgeIndex = new Map(judgeIds.map((id, i) => [id, i]));
  const cap = Float64Array.from(judgeIds, (id) => capById.get(id)!);

  const cell = new Uint8Array(N * J).fill(FREE);
  const conflictFree = new Int32Array(N).fill(J);
  for (const { judgeId, nominationId } of input.conflicts) {
    const n = nominationIndex.get(nominationId);
    const j = judgeIndex.get(judgeId);
    if (n === undefined || j === undefined || cell[n * J + j] === BLOCKED) continue;
    cell[n * J + j] = BLOCKED;
    conflictFree[n]--;
  }

  const load = new Int32Array(J);
  const assigned = new Int32Array(N);
  const droppedByKey = new Map<string, { pair: AssignmentPair; reason: string }>();
  for (const { judgeId, nominationId } of input.existing) {
    const n = nominationIndex.get(nominationId);
    const j = judgeIndex.get(judgeId);
    const reason =
      n === undefined
        ? DROP_REASONS.nominationIneligible
        : j === undefined
          ? DROP_REASONS.judgeOffPanel
          : cell[n * J + j] === BLOCKED
            ? DROP_REASONS.conflict
            : null;
    if (reason) {
      droppedByKey.set(`${nominationId}:${judgeId}`, { pair: { judgeId, nominationId }, reason });
      continue;
    }
    if (cell[n! * J + j!] === KEPT) continue;
    // Kept even if it takes the judge past their cap: a standing pair is never removed.
    cell[n! * J + j!] = KEPT;
    load[j!]++;
    assigned[n!]++;
  }

  // swaps[a * J + b] = how many nominations hold an added pair with judge a and could move it to judge b.
  const swaps = new Int32Array(J * J);
  // Added pairs per judge, so a nomination that can make a given swap is found without scanning all of them.
  const holders = new Int32Array(J * N);
  const holderCount = new Int32Array(J);
  const holderSlot = new Int32Array(N * J);

  const addPair = (n: number, j: number) => {
    const row = n * J;
    cell[row + j] = ADDED;
    for (let b = 0; b < J; b++) {
      if (b === j) continue;
      const state = cell[row + b];
      if (state === FREE) swaps[j * J + b]++;
      else if (state === ADDED) swaps[b * J + j]--;
    }
    load[j]++;
    const slot = holderCount[j]++;
    holders[j * N + slot] = n;
    holderSlot[row + j] = slot;
  };

  const removePair = (n: number, j: number) => {
    const row = n * J;
    cell[row + j] = FREE;
    for (let b = 0; b < J; b++) {
      if (b === j) continue;
      const state = cell[row + b];
      if (state === FREE) swaps[j * J + b]--;
      else if (state === ADDED) swaps[b * J + j]++;
    }
    load[j]--;
    const slot = holderSlot[row + j];
    const last = holders[j * N + --holderCount[j]];
    holders[j * N + slot] = last;
    holderSlot[last * J + j] = slot;
  };

  const parent = new Int32Array(J);
  const queue = new Int32Array(J);
  const witness = new Int32Array(J);
  const moveTo = new Int32Array(J);
  const UNSEEN = -2;
  const ROOT = -1;

  // One more judge for nomination n along a cheapest path; false when no judge can be reached.
  const augment = (n: number): boolean => {
    let cheapest = Infinity;
    for (let j = 0; j < J; j++) if (load[j] < cap[j] && load[j] < cheapest) cheapest = load[j];
    if (cheapest === Infinity) return false;

    parent.fill(UNSEEN);
    let tail = 0;
    const row = n * J;
    for (let j = 0; j < J; j++) {
      if (cell[row + j] === FREE) {
        parent[j] = ROOT;
        queue[tail++] = j;
      }
    }
    // Level by level, so ties go to the shortest chain of swaps, then the lowest judge id.
    let best = -1;
    let bestCost = Infinity;
    let head = 0;
    while (head < tail) {
      const levelEnd = tail;
      for (let i = head; i < levelEnd; i++) {
        const j = queue[i];
        if (load[j] < cap[j] && load[j] < bestCost) {
          best = j;
          bestCost = load[j];
        }
      }
      if (bestCost === cheapest) break;
      for (; head < levelEnd; head++) {
        const a = queue[head];
        for (let b = 0; b < J; b++) {
          if (parent[b] === UNSEEN && swaps[a * J + b] > 0) {
            parent[b] = a;
            queue[tail++] = b;
          }
        }
      }
    }
    if (best < 0) return false;

    // Pick every swap's nomination before moving any, so each choice is made on the same state.
    let steps = 0;
    let j = best;
    while (parent[j] !== ROOT) {
      const a = parent[j];
      witness[steps] = findHolderThatCanMove(a, j);
      moveTo[steps++] = j;
      j = a;
    }
    const first = j;
    for (let s = 0; s < steps; s++) {
      const to = moveTo[s];
      const from = parent[to];
      removePair(witness[s], from);
      addPair(witness[s], to);
    }
    addPair(n, first);
    return true;
  };

  const findHolderThatCanMove = (from: number, to: number): number => {
    const base = from * N;
    for (let i = 0; i < holderCount[from]; i++) {
      const m = holders[base + i];
      if (cell[m * J + to] === FREE) return m;
    }
    throw new Error("assignment solver: swap table out of step with the assigned pairs");
  };

  for (let n = 0; n < N; n++) {
    for (let need = k - assigned[n]; need > 0; need--) {
      if (!augment(n)) break;
      assigned[n]++;
    }
  }

  const assignments: AssignmentPair[] = [];
  const kept: AssignmentPair[] = [];
  const added: AssignmentPair[] = [];
  const shortfalls: Shortfall[] = [];
  for (let n = 0; n < N; n++) {
    const nominationId = nominationIds[n];
    for (let j = 0; j < J; j++) {
      const state = cell[n * J + j];
      if (state !== KEPT && state !== ADDED) continue;
      const pair = { judgeId: judgeIds[j], nominationId };
      assignments.push(pair);
      (state === KEPT ? kept : added).push(pair);
    }
    if (assigned[n] < k) {
      shortfalls.push({
        nominationId,
        wanted: k,
        assigned: assigned[n],
        reason: shortfallReason(k, J, conflictFree[n], assigned[n]),
      });
    }
  }

  const loads: Record<number, number> = {};
  judgeIds.forEach((id, j) => (loads[id] = load[j]));

  const dropped = [...droppedByKey.values()].sort(
    (a, b) => a.pair.nominationId - b.pair.nominationId || a.pair.judgeId - b.pair.judgeId,
  );

  return { assignments, kept, added, dropped, shortfalls, loads };
}

/**
 * Why a nomination has fewer than k judges. When the solver stops short, every
 * conflict-free judge not already on the nomination is at their cap (otherwise
 * it would have found a path), so these statements are exact.
 */
function shortfallReason(k: number, panelSize: number, conflictFree: number, assigned: number): string {
  if (panelSize === 0) return "the panel has no judges";
  const capped = conflictFree - assigned;
  const cappedClause =
    capped === 1 ? "1 of them has reached their cap" : `${capped} of them have reached their cap`;
  if (conflictFree === panelSize && panelSize < k) {
    const base = `the panel has only ${plural(panelSize, "judge")}, fewer than the ${k} wanted`;
    return capped > 0 ? `${base}, and ${cappedClause}` : base;
  }
  if (conflictFree < k) {
    const base =
      conflictFree === 0
        ? `none of the ${plural(panelSize, "judge")} on the panel is free of conflicts with this nomination`
        : `only ${conflictFree} of the ${plural(panelSize, "judge")} on the panel ${conflictFree === 1 ? "is" : "are"} free of conflicts with this nomination`;
    return capped > 0 ? `${base}, and ${cappedClause}` : base;
  }
  return capped === 1
    ? "the remaining conflict-free judge has reached their cap"
    : `the remaining ${capped} conflict-free judges have reached their cap`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function byNumber(a: number, b: number): number {
  return a - b;
}
