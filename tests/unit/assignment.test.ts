import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  DROP_REASONS,
  solveAssignments,
  type AssignmentInput,
  type AssignmentPair,
  type AssignmentResult,
} from "~/domain/assignment";

const pair = (judgeId: number, nominationId: number): AssignmentPair => ({ judgeId, nominationId });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const judges = (...ids: number[]) => ids.map((id) => ({ id }));

function input(partial: Partial<AssignmentInput>): AssignmentInput {
  return { nominations: [], judges: [], k: 3, conflicts: [], existing: [], ...partial };
}

function judgesOf(result: AssignmentResult, nominationId: number): number[] {
  return result.assignments.filter((p) => p.nominationId === nominationId).map((p) => p.judgeId);
}

function spread(result: AssignmentResult): number {
  const loads = Object.values(result.loads);
  return Math.max(...loads) - Math.min(...loads);
}

function seededShuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("solveAssignments: balanced loads", () => {
  test.each([
    { name: "10 nominations, 4 judges", nominations: range(1, 10), panel: range(1, 4), k: 3, conflicts: [] },
    { name: "7 nominations, 3 judges (everyone on everything)", nominations: range(1, 7), panel: range(1, 3), k: 3, conflicts: [] },
    { name: "25 nominations, 6 judges, k=2", nominations: range(1, 25), panel: range(11, 16), k: 2, conflicts: [] },
    {
      name: "scattered conflicts",
      nominations: range(1, 12),
      panel: range(1, 5),
      k: 3,
      conflicts: [pair(1, 1), pair(2, 1), pair(1, 2), pair(3, 5), pair(4, 5), pair(5, 9), pair(1, 12)],
    },
    {
      // Nominations 7–12 can only go to judges 1–3; by then 1–6 are spread over everyone and must move to 4–6.
      name: "clustered conflicts that need swaps to level out",
      nominations: range(1, 12),
      panel: range(1, 6),
      k: 3,
      conflicts: range(7, 12).flatMap((n) => [pair(4, n), pair(5, n), pair(6, n)]),
    },
  ])("$name: every nomination gets k judges and loads differ by at most 1", ({ nominations, panel, k, conflicts }) => {
    const result = solveAssignments(input({ nominations, judges: judges(...panel), k, conflicts }));
    for (const n of nominations) expect(judgesOf(result, n)).toHaveLength(k);
    expect(result.shortfalls).toEqual([]);
    expect(spread(result)).toBeLessThanOrEqual(1);
    expect(Object.values(result.loads).reduce((a, b) => a + b, 0)).toBe(nominations.length * k);
  });
});

describe("solveAssignments: conflicts and caps", () => {
  test("a conflicted pair is never assigned", () => {
    const result = solveAssignments(
      input({ nominations: [1, 2], judges: judges(1, 2, 3, 4), k: 2, conflicts: [pair(1, 1), pair(2, 1)] }),
    );
    expect(judgesOf(result, 1)).toEqual([3, 4]);
    expect(result.assignments).not.toContainEqual(pair(1, 1));
    expect(result.assignments).not.toContainEqual(pair(2, 1));
  });

  test.each([
    { cap: 0, expected: 0 },
    { cap: 1, expected: 1 },
    { cap: 2, expected: 2 },
  ])("a judge with cap $cap gets at most $expected", ({ cap, expected }) => {
    const result = solveAssignments(
      input({ nominations: range(1, 6), judges: [{ id: 1, cap }, { id: 2 }, { id: 3 }, { id: 4 }], k: 2 }),
    );
    expect(result.loads[1]).toBe(expected);
    expect(result.shortfalls).toEqual([]);
  });

  test("existing pairs count toward the cap", () => {
    const result = solveAssignments(
      input({
        nominations: [1, 2, 3],
        judges: [{ id: 1, cap: 2 }, { id: 2 }, { id: 3 }],
        k: 2,
        existing: [pair(1, 1), pair(1, 2)],
      }),
    );
    expect(result.loads[1]).toBe(2);
    expect(judgesOf(result, 3)).toEqual([2, 3]);
  });

  test("an existing pair beyond the cap still stands, and the judge gets nothing new", () => {
    const result = solveAssignments(
      input({
        nominations: [1, 2, 3],
        judges: [{ id: 1, cap: 1 }, { id: 2 }, { id: 3 }],
        k: 1,
        existing: [pair(1, 1), pair(1, 2)],
      }),
    );
    expect(result.kept).toEqual([pair(1, 1), pair(1, 2)]);
    expect(result.added).toEqual([pair(2, 3)]);
    expect(result.loads).toEqual({ 1: 2, 2: 1, 3: 0 });
  });

  test("balance holds around caps where it can", () => {
    // Judge 1 is capped at 2; the other three share the remaining 16 as 5/5/6.
    const result = solveAssignments(
      input({ nominations: range(1, 9), judges: [{ id: 1, cap: 2 }, { id: 2 }, { id: 3 }, { id: 4 }], k: 2 }),
    );
    expect(result.loads[1]).toBe(2);
    expect([result.loads[2], result.loads[3], result.loads[4]].sort()).toEqual([5, 5, 6]);
  });
});

describe("solveAssignments: shortfalls are reported with a reason", () => {
  test.each([
    {
      name: "panel smaller than k",
      input: input({ nominations: [1], judges: judges(1, 2), k: 3 }),
      shortfalls: [{ nominationId: 1, wanted: 3, assigned: 2, reason: "the panel has only 2 judges, fewer than the 3 wanted" }],
    },
    {
      name: "no judges",
      input: input({ nominations: [1, 2], judges: [], k: 3 }),
      shortfalls: [
        { nominationId: 1, wanted: 3, assigned: 0, reason: "the panel has no judges" },
        { nominationId: 2, wanted: 3, assigned: 0, reason: "the panel has no judges" },
      ],
    },
    {
      name: "too few conflict-free judges",
      input: input({ nominations: [1, 2], judges: judges(1, 2, 3, 4), k: 3, conflicts: [pair(1, 1), pair(2, 1)] }),
      shortfalls: [
        {
          nominationId: 1,
          wanted: 3,
          assigned: 2,
          reason: "only 2 of the 4 judges on the panel are free of conflicts with this nomination",
        },
      ],
    },
    {
      name: "every judge conflicted",
      input: input({ nominations: [7], judges: judges(1, 2, 3), k: 3, conflicts: [pair(1, 7), pair(2, 7), pair(3, 7)] }),
      shortfalls: [
        {
          nominationId: 7,
          wanted: 3,
          assigned: 0,
          reason: "none of the 3 judges on the panel is free of conflicts with this nomination",
        },
      ],
    },
    {
      name: "caps exhausted",
      input: input({ nominations: [1, 2], judges: [{ id: 1, cap: 1 }, { id: 2, cap: 1 }, { id: 3, cap: 1 }], k: 2 }),
      shortfalls: [
        { nominationId: 2, wanted: 2, assigned: 1, reason: "the remaining 2 conflict-free judges have reached their cap" },
      ],
    },
    {
      name: "conflicts and a cap together",
      input: input({
        nominations: [1, 2],
        // Judge 3's one slot is taken by a standing pair, so nomination 2 can only have judge 4.
        judges: [{ id: 1 }, { id: 2 }, { id: 3, cap: 1 }, { id: 4 }],
        k: 3,
        conflicts: [pair(1, 2), pair(2, 2)],
        existing: [pair(3, 1)],
      }),
      shortfalls: [
        {
          nominationId: 2,
          wanted: 3,
          assigned: 1,
          reason:
            "only 2 of the 4 judges on the panel are free of conflicts with this nomination, and 1 of them has reached their cap",
        },
      ],
    },
  ])("$name", ({ input, shortfalls }) => {
    const result = solveAssignments(input);
    expect(result.shortfalls).toEqual(shortfalls);
    for (const s of result.shortfalls) expect(judgesOf(result, s.nominationId)).toHaveLength(s.assigned);
  });

  test("a new pair is moved to another judge when that is the only way to serve a later nomination", () => {
    // Nomination 1 first takes judge 3 (the least loaded); nomination 2 can only have judge 3, whose cap is 1.
    const result = solveAssignments(
      input({
        nominations: [1, 2, 10, 11],
        judges: [{ id: 1 }, { id: 2 }, { id: 3, cap: 1 }],
        k: 1,
        conflicts: [pair(1, 2), pair(2, 2)],
        existing: [pair(1, 10), pair(2, 11)],
      }),
    );
    expect(judgesOf(result, 2)).toEqual([3]);
    expect(judgesOf(result, 1)).toEqual([1]);
    expect(result.shortfalls).toEqual([]);
  });

  test("k larger than the panel: everyone on the panel is assigned and every nomination is reported", () => {
    const result = solveAssignments(input({ nominations: [1, 2, 3], judges: judges(1, 2, 3), k: 5 }));
    expect(result.assignments).toHaveLength(9);
    expect(result.shortfalls.map((s) => [s.nominationId, s.assigned, s.reason])).toEqual([
      [1, 3, "the panel has only 3 judges, fewer than the 5 wanted"],
      [2, 3, "the panel has only 3 judges, fewer than the 5 wanted"],
      [3, 3, "the panel has only 3 judges, fewer than the 5 wanted"],
    ]);
  });
});

describe("solveAssignments: re-runs", () => {
  const base = input({
    nominations: range(1, 8),
    judges: judges(1, 2, 3, 4, 5),
    k: 3,
    conflicts: [pair(2, 3), pair(5, 6)],
  });

  test("re-running on its own output keeps everything and adds nothing", () => {
    const first = solveAssignments(base);
    const second = solveAssignments({ ...base, existing: first.assignments });
    expect(second.kept).toEqual(first.assignments);
    expect(second.added).toEqual([]);
    expect(second.dropped).toEqual([]);
    expect(second.assignments).toEqual(first.assignments);
  });

  test("existing pairs that unbalance the loads are kept; new work goes to the others", () => {
    const existing = range(1, 4).map((n) => pair(1, n));
    const result = solveAssignments(input({ nominations: range(1, 6), judges: judges(1, 2), k: 1, existing }));
    expect(result.kept).toEqual(existing);
    expect(result.added).toEqual([pair(2, 5), pair(2, 6)]);
    expect(result.loads).toEqual({ 1: 4, 2: 2 });
    expect(result.dropped).toEqual([]);
  });

  test("a new conflict drops that pair, finds a replacement and keeps the rest", () => {
    const first = solveAssignments(base);
    const victim = first.assignments[0];
    const second = solveAssignments({
      ...base,
      conflicts: [...base.conflicts, victim],
      existing: first.assignments,
    });
    expect(second.dropped).toEqual([{ pair: victim, reason: DROP_REASONS.conflict }]);
    expect(second.kept).toEqual(first.assignments.filter((p) => p !== victim));
    expect(second.added).toHaveLength(1);
    expect(second.added[0].nominationId).toBe(victim.nominationId);
    expect(second.added[0].judgeId).not.toBe(victim.judgeId);
    expect(second.shortfalls).toEqual([]);
  });

  test("pairs for judges off the panel and ineligible nominations are dropped with reasons", () => {
    const result = solveAssignments(
      input({
        nominations: [1, 2],
        judges: judges(1, 2),
        k: 1,
        existing: [pair(1, 1), pair(3, 2), pair(2, 9), pair(2, 9)],
      }),
    );
    expect(result.kept).toEqual([pair(1, 1)]);
    expect(result.dropped).toEqual([
      { pair: pair(3, 2), reason: DROP_REASONS.judgeOffPanel },
      { pair: pair(2, 9), reason: DROP_REASONS.nominationIneligible },
    ]);
    expect(result.added).toEqual([pair(2, 2)]);
  });
});

describe("solveAssignments: determinism and edge cases", () => {
  test("the same input in any order gives the same result", () => {
    const base = input({
      nominations: range(1, 30),
      judges: range(1, 9).map((id) => ({ id, cap: id === 4 ? 5 : null })),
      k: 3,
      conflicts: [pair(1, 1), pair(2, 2), pair(3, 3), pair(9, 10), pair(8, 10), pair(5, 20)],
      existing: [pair(1, 5), pair(2, 5), pair(7, 29), pair(9, 10)],
    });
    const expected = solveAssignments(base);
    for (const seed of [1, 2, 3, 4, 5]) {
      const shuffled = {
        ...base,
        nominations: seededShuffle(base.nominations, seed),
        judges: seededShuffle(base.judges, seed + 10),
        conflicts: seededShuffle(base.conflicts, seed + 20),
        existing: seededShuffle(base.existing, seed + 30),
      };
      expect(solveAssignments(shuffled)).toEqual(expected);
    }
  });

  test("output lists are sorted by nomination then judge", () => {
    const result = solveAssignments(input({ nominations: [30, 10, 20], judges: judges(9, 3, 5, 1), k: 2 }));
    const sorted = [...result.assignments].sort((a, b) => a.nominationId - b.nominationId || a.judgeId - b.judgeId);
    expect(result.assignments).toEqual(sorted);
  });

  test.each([
    { name: "nothing at all", input: input({}), loads: {} },
    { name: "judges but no nominations", input: input({ judges: judges(1, 2) }), loads: { 1: 0, 2: 0 } },
    { name: "k = 0", input: input({ nominations: [1, 2], judges: judges(1), k: 0 }), loads: { 1: 0 } },
  ])("empty: $name", ({ input, loads }) => {
    expect(solveAssignments(input)).toEqual({ assignments: [], kept: [], added: [], dropped: [], shortfalls: [], loads });
  });

  test.each([{ k: -1 }, { k: 1.5 }, { k: Number.NaN }])("rejects k = $k", ({ k }) => {
    expect(() => solveAssignments(input({ nominations: [1], judges: judges(1), k }))).toThrow(RangeError);
  });

  test("rejects a negative cap", () => {
    expect(() => solveAssignments(input({ nominations: [1], judges: [{ id: 1, cap: -1 }] }))).toThrow(RangeError);
  });
});

/**
 * Reference: textbook successive shortest paths (Bellman–Ford) on the full
 * graph. Used to check that the solver finds a maximum assignment and the
 * minimum load cost, not just some valid assignment.
 */
function referenceMinCostMaxFlow(inp: AssignmentInput): { flow: number; cost: number } {
  const noms = [...new Set(inp.nominations)].sort((a, b) => a - b);
  const capById = new Map<number, number>();
  for (const j of inp.judges) capById.set(j.id, Math.min(j.cap ?? Infinity, capById.get(j.id) ?? Infinity));
  const js = [...capById.keys()].sort((a, b) => a - b);
  const conflicted = new Set(inp.conflicts.map((p) => `${p.judgeId}:${p.nominationId}`));
  const keptSet = new Set(
    inp.existing
      .filter((p) => noms.includes(p.nominationId) && capById.has(p.judgeId) && !conflicted.has(`${p.judgeId}:${p.nominationId}`))
      .map((p) => `${p.judgeId}:${p.nominationId}`),
  );
  const keptPerNom = (n: number) => js.filter((j) => keptSet.has(`${j}:${n}`)).length;
  const keptPerJudge = (j: number) => noms.filter((n) => keptSet.has(`${j}:${n}`)).length;

  const S = 0;
  const T = noms.length + js.length + 1;
  const to: number[] = [];
  const capacity: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = Array.from({ length: T + 1 }, () => []);
  const arc = (u: number, v: number, c: number, w: number) => {
    adj[u].push(to.length);
    to.push(v);
    capacity.push(c);
    cost.push(w);
    adj[v].push(to.length);
    to.push(u);
    capacity.push(0);
    cost.push(-w);
  };
  noms.forEach((n, i) => {
    arc(S, 1 + i, Math.max(0, inp.k - keptPerNom(n)), 0);
    js.forEach((j, x) => {
      const key = `${j}:${n}`;
      if (!conflicted.has(key) && !keptSet.has(key)) arc(1 + i, 1 + noms.length + x, 1, 0);
    });
  });
  js.forEach((j, x) => {
    const start = keptPerJudge(j);
    const end = Math.min(capById.get(j)!, start + noms.length);
    for (let level = start; level < end; level++) arc(1 + noms.length + x, T, 1, level);
  });

  let flow = 0;
  let total = 0;
  for (;;) {
    const dist = new Array<number>(T + 1).fill(Infinity);
    const via = new Array<number>(T + 1).fill(-1);
    dist[S] = 0;
    for (let round = 0; round <= T; round++) {
      let changed = false;
      for (let u = 0; u <= T; u++) {
        if (dist[u] === Infinity) continue;
        for (const e of adj[u]) {
          if (capacity[e] > 0 && dist[u] + cost[e] < dist[to[e]]) {
            dist[to[e]] = dist[u] + cost[e];
            via[to[e]] = e;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[T] === Infinity) return { flow, cost: total };
    for (let v = T; v !== S; v = to[via[v] ^ 1]) {
      capacity[via[v]]--;
      capacity[via[v] ^ 1]++;
    }
    flow++;
    total += dist[T];
  }
}

describe("solveAssignments: properties over random panels", () => {
  const judgeId = fc.integer({ min: 100, max: 110 });
  const nominationId = fc.integer({ min: 1, max: 16 });
  const somePair = fc.record({ judgeId, nominationId });
  const panel = fc.record({
    nominations: fc.uniqueArray(nominationId, { maxLength: 12 }),
    judges: fc.uniqueArray(
      fc.record({ id: judgeId, cap: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }) }),
      { selector: (j) => j.id, maxLength: 7 },
    ),
    k: fc.integer({ min: 0, max: 5 }),
    conflicts: fc.array(somePair, { maxLength: 30 }),
    existing: fc.array(somePair, { maxLength: 20 }),
  });

  test("invariants: no conflict, no duplicate, caps, kept pairs, shortfalls, optimality", () => {
    fc.assert(
      fc.property(panel, (inp) => {
        const result = solveAssignments(inp);
        const key = (p: AssignmentPair) => `${p.judgeId}:${p.nominationId}`;
        const conflicted = new Set(inp.conflicts.map(key));
        const onPanel = new Map(inp.judges.map((j) => [j.id, j.cap ?? Infinity]));
        const eligible = new Set(inp.nominations);

        const keys = result.assignments.map(key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const p of result.assignments) {
          expect(conflicted.has(key(p))).toBe(false);
          expect(onPanel.has(p.judgeId)).toBe(true);
          expect(eligible.has(p.nominationId)).toBe(true);
        }

        const standing = inp.existing.filter(
          (p) => eligible.has(p.nominationId) && onPanel.has(p.judgeId) && !conflicted.has(key(p)),
        );
        expect(new Set(result.kept.map(key))).toEqual(new Set(standing.map(key)));
        expect(result.assignments.length).toBe(result.kept.length + result.added.length);
        for (const p of inp.existing) {
          const stands = standing.includes(p);
          expect(result.dropped.some((d) => key(d.pair) === key(p))).toBe(!stands);
        }

        for (const [id, cap] of onPanel) {
          const keptLoad = result.kept.filter((p) => p.judgeId === id).length;
          const addedLoad = result.added.filter((p) => p.judgeId === id).length;
          expect(result.loads[id]).toBe(keptLoad + addedLoad);
          if (addedLoad > 0) expect(keptLoad + addedLoad).toBeLessThanOrEqual(cap);
        }

        for (const n of eligible) {
          const count = result.assignments.filter((p) => p.nominationId === n).length;
          const shortfall = result.shortfalls.find((s) => s.nominationId === n);
          if (count < inp.k) {
            expect(shortfall).toMatchObject({ wanted: inp.k, assigned: count });
            expect(shortfall!.reason).not.toBe("");
          } else {
            expect(shortfall).toBeUndefined();
          }
          // Without caps, only conflicts can limit a nomination.
          if (inp.judges.every((j) => j.cap == null)) {
            const free = inp.judges.filter((j) => !conflicted.has(key({ judgeId: j.id, nominationId: n }))).length;
            expect(count).toBeGreaterThanOrEqual(Math.min(inp.k, free));
          }
        }

        // As many new pairs as any assignment could make, at the least load cost.
        const reference = referenceMinCostMaxFlow(inp);
        expect(result.added.length).toBe(reference.flow);
        let loadCost = 0;
        for (const [id] of onPanel) {
          const keptLoad = result.kept.filter((p) => p.judgeId === id).length;
          for (let level = keptLoad; level < result.loads[id]; level++) loadCost += level;
        }
        expect(loadCost).toBe(reference.cost);
      }),
      { numRuns: 400 },
    );
  });

  test("with no caps, conflicts or existing pairs, loads differ by at most 1", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(nominationId, { maxLength: 16 }),
        fc.uniqueArray(judgeId, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 6 }),
        (nominations, ids, k) => {
          const result = solveAssignments(input({ nominations, judges: judges(...ids), k }));
          expect(spread(result)).toBeLessThanOrEqual(1);
          expect(result.assignments.length).toBe(nominations.length * Math.min(k, ids.length));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("reversing every input array changes nothing", () => {
    fc.assert(
      fc.property(panel, (inp) => {
        const reversed = {
          ...inp,
          nominations: [...inp.nominations].reverse(),
          judges: [...inp.judges].reverse(),
          conflicts: [...inp.conflicts].reverse(),
          existing: [...inp.existing].reverse(),
        };
        expect(solveAssignments(reversed)).toEqual(solveAssignments(inp));
      }),
      { numRuns: 200 },
    );
  });
});
