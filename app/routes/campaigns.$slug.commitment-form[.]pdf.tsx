import type { LoaderFunctionArgs } from "@remix-run/node";
import { commitmentFormPdf } from "~/domain/commitment-form";
import { attachmentDisposition } from "~/domain/files";
import { campaignPdf, requireCampaign } from "~/models/campaign.server";
import { directoryEntry } from "~/models/mp-directory.server";
import { notFound } from "~/utils/responses.server";

/** The commitment form: the admin's PDF (or a clean one), with the MP's name and constituency when asked for. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const constituency = new URL(request.url).searchParams.get("constituency")?.slice(0, 200);
  const mp = constituency ? await directoryEntry(constituency) : null;
  if (constituency && !mp) notFound("We do not know the MP for that constituency. Find your MP by postcode first.");
  const uploaded = await campaignPdf(campaign.slug, "commitment");
  const pdf = await commitmentFormPdf({
    title: campaign.title,
    asks: campaign.asks,
    signedFormsTo: campaign.signedFormsTo,
    uploaded: uploaded?.bytes ?? null,
    mp: mp ? { name: mp.name, constituency: mp.constituency } : null,
  });
  const name = mp ? `commitment-form-${mp.constituency}.pdf` : "commitment-form.pdf";
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(name.toLowerCase().replace(/[^a-z0-9.]+/g, "-")),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
