import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition } from "~/domain/files";
import { campaignPdf, requireCampaign } from "~/models/campaign.server";
import { notFound } from "~/utils/responses.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const pdf = await campaignPdf(campaign.slug, "briefing");
  if (!pdf?.bytes) notFound("This campaign has no briefing to download.");
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(pdf.name ?? "briefing.pdf"),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
