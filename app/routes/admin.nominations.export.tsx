import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvFilename } from "~/domain/csv";
import { nominationsCsv } from "~/domain/nomination-export";
import { getCategory } from "~/models/category-setup.server";
import { cycleByYearOrCurrent } from "~/models/cycle-setup.server";
import { nominationsForExport } from "~/models/nomination-review.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId, yearParam } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

/** The nominations of a cycle, or of one category, as a CSV file that opens cleanly in Excel. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await cycleByYearOrCurrent(yearParam(request));
  if (!cycle) notFound("There is no cycle to export.");
  const categoryParam = new URL(request.url).searchParams.get("category");
  const category = categoryParam ? await getCategory(requireId(categoryParam, "There is no such category in this cycle.")) : null;
  if (categoryParam && (!category || category.cycleId !== cycle.id)) notFound("There is no such category in this cycle.");
  const exported = await nominationsForExport(cycle.id, category?.id);
  const csv = nominationsCsv({ ...exported, singleCategory: Boolean(category) });
  const filename = csvFilename(["nominations", cycle.year, category?.slug ?? "all"]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
