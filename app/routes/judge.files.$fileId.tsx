import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFileForJudge } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { requireId } from "~/utils/params.server";

/** A supporting file, for a judge who can see its nomination; otherwise 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const judge = await requireJudge(request);
  const file = await getFileForJudge(judge.id, requireId(params.fileId));
  if (!file) notFound();
  const filename = file.filename.replace(/["\\\r\n]/g, "_");
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
