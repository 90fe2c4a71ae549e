import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvFilename, toCsv } from "~/domain/csv";
import { getCampaign, lettersForExport } from "~/models/campaign.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

const yesNo = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");

/** The campaign's letters as a CSV that opens cleanly in Excel (app/domain/csv.ts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const campaign = await getCampaign(requireId(params.id, "There is no such campaign."));
  if (!campaign) notFound("There is no such campaign.");
  const letters = await lettersForExport(campaign.id);
  const csv = toCsv(
    ["Letter", "Constituency", "MP", "Status", "Sender", "Written", "Sent", "MP replied", "MP signed", "Answered"],
    letters.map((l) => [l.id, l.constituency, l.mpName, l.status === "sent" ? "sent" : "awaiting confirmation", l.senderName, l.createdAt, l.sentAt, yesNo(l.mpReplied), yesNo(l.mpSigned), l.answeredAt]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFilename(["campaign", campaign.slug, "letters"])}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
