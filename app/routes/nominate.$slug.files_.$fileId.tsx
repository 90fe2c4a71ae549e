import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition } from "~/domain/files";
import { getFile, loadJourney } from "~/models/nomination.server";
import { journeyKey } from "~/utils/nomination-access.server";
import { getUser } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { requireId } from "~/utils/params.server";

/**
 * A supporting file, for its nominator (by the journey's cookie) or an administrator.
 * Always an attachment, with the type found from its content, so a browser never runs it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // The category and the nominator's own link are settled before any file is looked up, so
  // someone else's file answers exactly as a missing one does, in message and in time.
  const journey = user?.isAdmin ? null : await loadJourney(...journeyKey(request, params));
  const fileId = requireId(params.fileId, "There is no such file.");
  if (journey && !journey.nomination) notFound("There is no such file.");
  const file = await getFile(fileId, journey?.nomination?.id);
  if (!file) notFound("There is no such file.");
  return new Response(file.content as unknown as BodyInit, {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Disposition": attachmentDisposition(file.filename),
      "Content-Length": String(file.size),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
