import type { LoaderFunctionArgs } from "@remix-run/node";
import { ROUND_LABELS } from "~/domain/judging";
import { exportRowsForJudge } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";

/** A cell that a spreadsheet will not run as a formula. */
function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The judge's own assignments and scores in each cycle's current round: only what they
 * can see, never anyone else's scores.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const judge = await requireJudge(request);
  const rows = await exportRowsForJudge(judge.id);
  const lines = [["Reference", "Nominee", "Organisation", "Category", "Round", "Nominated by", "Status", "Scores", "Comment"].join(",")];
  for (const row of rows) {
    lines.push(
      [row.reference, row.nomineeName, row.nomineeOrganisation, row.category, ROUND_LABELS[row.round], row.nominatorName ?? "", row.state, row.scores, row.sheet?.comment ?? ""]
        .map(cell)
        .join(","),
    );
  }
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-judging.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
