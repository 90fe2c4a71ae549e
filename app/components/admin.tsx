/** Pieces shared by the administration pages. */
import type { NominationStatus } from "~/domain/vocabulary";

export const STATUS_LABELS: Record<NominationStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  withdrawn: "Withdrawn",
  ineligible: "Ineligible",
  eligible: "Eligible",
  shortlisted: "Shortlisted",
  not_shortlisted: "Not shortlisted",
  highly_commended: "Highly commended",
  winner: "Winner",
};

export function CycleSwitcher({ cycles, current, path }: { cycles: Array<{ year: number }>; current: number; path: string }) {
  if (cycles.length < 2) return null;
  return (
    <form method="get" action={path} className="cycle-switcher">
      <label htmlFor="cycle-switcher" className="field__label">
        Cycle
      </label>
      <select id="cycle-switcher" name="cycle" defaultValue={String(current)}>
        {cycles.map((c) => (
          <option key={c.year} value={c.year}>
            {c.year}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary">
        Show
      </button>
    </form>
  );
}
