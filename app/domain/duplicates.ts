/**
 * Duplicate nominations: the same nominee nominated twice in one category. The key is
 * `duplicateKey` (app/domain/nomination.ts), the one the public form stores when a
 * nomination is submitted: name and organisation, normalised so that case, accents,
 * punctuation and "The …" do not hide a match.
 */
import { duplicateKey } from "./nomination";

type Candidate = {
  id: number;
  categoryId: number;
  nomineeName: string;
  nomineeOrganisation: string | null;
  duplicateKey: string | null;
  mergedIntoId: number | null;
};

/**
 * Groups of two or more live entries with one key in one category, oldest first. Entries
 * already merged away are not candidates: they belong to their primary.
 */
export function groupDuplicates<T extends Candidate>(nominations: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const n of nominations) {
    if (n.mergedIntoId !== null) continue;
    const key = n.duplicateKey || duplicateKey(n.nomineeName, n.nomineeOrganisation) || "";
    if (!key) continue;
    const k = `${n.categoryId}:${key}`;
    const list = groups.get(k) ?? [];
    list.push(n);
    groups.set(k, list);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((a, b) => a.id - b.id));
}

export type MergeCheck = { ok: true } | { ok: false; message: string };

/** Merging needs one category, live entries and a primary that is one of them. */
export function checkMerge(
  primaryId: number,
  entries: Array<{ id: number; categoryId: number; status: string; mergedIntoId: number | null; reference: string }>,
): MergeCheck {
  if (entries.length < 2) return { ok: false, message: "Choose at least two nominations to merge" };
  if (!entries.some((e) => e.id === primaryId)) return { ok: false, message: "Choose which entry to keep from the group" };
  if (new Set(entries.map((e) => e.categoryId)).size > 1) return { ok: false, message: "Only nominations in the same category can be merged" };
  for (const e of entries) {
    if (e.mergedIntoId !== null) return { ok: false, message: `${e.reference} has already been merged` };
    if (e.status === "draft" || e.status === "withdrawn") return { ok: false, message: `${e.reference} is ${e.status === "draft" ? "a draft" : "withdrawn"} and cannot be merged` };
  }
  return { ok: true };
}
