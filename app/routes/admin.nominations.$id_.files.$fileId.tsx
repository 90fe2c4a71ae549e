import type { LoaderFunctionArgs } from "@remix-run/node";
import { getNominationFile } from "~/models/nomination-review.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

/** A supporting file, always as a download: it was uploaded by the public. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const file = await getNominationFile(requireId(params.id, "There is no such file."), requireId(params.fileId, "There is no such file."));
  if (!file) notFound("There is no such file.");
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
