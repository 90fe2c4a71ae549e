// The leaderboard suggests a shortlist; an admin confirms or changes it, and
// any change carries a written reason for the record.

import type { Leaderboard } from "./leaderboard";

export type ShortlistSuggestion = {
  suggested: number[]; // nomination ids, in leaderboard order
  tiedAtCutoff: number[]; // the tied group that straddles the cutoff, if any
  note: string | null; // plain-English explanation when the suggestion is not simply the top `size`
};

/**
 * The top `size` ranked nominations. When a tie straddles the cutoff, every
 * nomination in the tied group is suggested (so the list is longer than
 * `size`) and the note says so: dropping some of them would be an arbitrary
 * choice the code has no grounds to make, and an admin must decide instead.
 * Unscored nominations are never suggested.
 */
export function suggestShortlist(board: Leaderboard, size: number): ShortlistSuggestion {
  if (!(Number.isInteger(size) && size >= 0)) {
    throw new Error(`The shortlist size must be a whole number ≥ 0, got ${size}.`);
  }
  const ranked = board.rows.filter((r) => r.rank !== null);
  // Competition ranking: a tied group takes the rank of its first place, so
  // "rank ≤ size" includes whole groups, including one that straddles the cutoff.
  const suggestedRows = ranked.filter((r) => r.rank! <= size);
  const suggested = suggestedRows.map((r) => r.nominationId);

  if (suggested.length > size) {
    const cutoffRank = suggestedRows[suggestedRows.length - 1].rank!;
    const tiedAtCutoff = suggestedRows.filter((r) => r.rank === cutoffRank).map((r) => r.nominationId);
    const placesLeft = size - (cutoffRank - 1);
    return {
      suggested,
      tiedAtCutoff,
      note:
        `${tiedAtCutoff.length} nominations tie at rank ${cutoffRank} for the last ` +
        `${plural(placesLeft, "place")}. All of them are suggested, so the list has ` +
        `${suggested.length} instead of ${size}; remove ` +
        `${tiedAtCutoff.length - placesLeft} with a reason to keep to ${size}.`,
    };
  }
  if (suggested.length < size) {
    const unscored = board.rows.length - ranked.length;
    return {
      suggested,
      tiedAtCutoff: [],
      note:
        (ranked.length === 0
          ? `No nomination has scores yet, so none of the ${size} places can be filled`
          : `Only ${plural(ranked.length, "nomination")} ${ranked.length === 1 ? "has" : "have"} scores, ` +
            `fewer than the ${size} places`) +
        (unscored > 0 ? `; ${unscored} without scores cannot be suggested.` : "."),
    };
  }
  return { suggested, tiedAtCutoff: [], note: null };
}

export type ShortlistAdjustment = { add: number[]; remove: number[]; reason: string };

/** Thrown for an adjustment the admin must correct; `field` says which input to mark. */
export class ShortlistAdjustmentError extends Error {
  constructor(
    readonly field: "add" | "remove" | "reason",
    message: string,
  ) {
    super(message);
    this.name = "ShortlistAdjustmentError";
  }
}

/**
 * The suggestion with the admin's changes: removals dropped, additions
 * appended in the order given. A change without a reason is refused, because
 * the results record must explain every departure from the ranking.
 */
export function applyAdjustment(suggested: number[], adj: ShortlistAdjustment): { shortlist: number[] } {
  const add = [...new Set(adj.add)];
  const remove = new Set(adj.remove);
  const current = new Set(suggested);

  if ((add.length > 0 || remove.size > 0) && adj.reason.trim() === "") {
    throw new ShortlistAdjustmentError("reason", "Give a reason for changing the suggested shortlist.");
  }
  const both = add.filter((id) => remove.has(id));
  if (both.length > 0) {
    throw new ShortlistAdjustmentError("add", `${listed(both)} both added and removed.`);
  }
  const alreadyIn = add.filter((id) => current.has(id));
  if (alreadyIn.length > 0) {
    throw new ShortlistAdjustmentError("add", `${listed(alreadyIn)} already on the shortlist.`);
  }
  const notIn = [...remove].filter((id) => !current.has(id));
  if (notIn.length > 0) {
    throw new ShortlistAdjustmentError("remove", `${listed(notIn)} not on the shortlist.`);
  }

  return { shortlist: [...suggested.filter((id) => !remove.has(id)), ...add] };
}

function listed(ids: number[]): string {
  return ids.length === 1 ? `Nomination ${ids[0]} is` : `Nominations ${ids.join(", ")} are`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
