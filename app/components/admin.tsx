/** Pieces shared by the administration pages. */
import type { NominationStatus } from "~/domain/vocabulary";
import { SelectField } from "./forms";

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

/** Chooses the cycle a page shows: `?year=<year>`, as every admin page reads it. */
export function CycleSwitcher({ cycles, current, path }: { cycles: Array<{ year: number }>; current: number; path: string }) {
  if (cycles.length < 2) return null;
  return (
    <form method="get" action={path} className="cycle-switcher">
      <SelectField
        field={{ id: "cycle-switcher", name: "year", initialValue: String(current) }}
        label="Cycle"
        options={cycles.map((c) => ({ value: c.year, label: c.year }))}
      />
      <button type="submit" className="button button--secondary">
        Show
      </button>
    </form>
  );
}
