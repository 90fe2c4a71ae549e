/**
 * The admin's campaign form arrives as multipart (it carries PDFs). It is read through
 * Remix's upload helpers with a cap per part, like the nomination's files, and each file
 * is accepted only when its content is a PDF (app/domain/files.ts), whatever its name says.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { campaignSchema, parseAsks } from "~/domain/campaign-forms";
import { MAX_FILE_BYTES, sanitiseFilename, sniffFileType } from "~/domain/files";
import { parseLondonDateTime } from "~/domain/time";

export async function readMultipartForm(request: Request): Promise<FormData | "too-large"> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "too-large";
    throw error;
  }
}

export type CheckedPdf = { bytes: Uint8Array; name: string };

/** The named file as a PDF; null when none was chosen; a message when it is not a PDF. */
export async function readPdf(formData: FormData, field: string): Promise<CheckedPdf | null | { problem: string }> {
  const file = formData.get(field);
  if (!(file instanceof File) || file.size === 0) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffFileType(bytes);
  if (type?.extension !== "pdf") return { problem: `The file must be a PDF. "${file.name.slice(0, 80)}" is not one, whatever its name says` };
  return { bytes, name: sanitiseFilename(file.name, type) };
}


const TOO_LARGE = "Each PDF must be 10 MB or smaller";

/** The admin's campaign form, read and checked: the field values, the PDFs, and any problems by field. */
export async function readCampaignForm(request: Request) {
  const form = await readMultipartForm(request);
  const formData = form === "too-large" ? new FormData() : form;
  const submission = parseWithZod(formData, { schema: campaignSchema });
  const fileErrors: Record<string, string[]> = {};
  if (form === "too-large") fileErrors.commitmentForm = [TOO_LARGE];
  const commitmentForm = await readPdf(formData, "commitmentForm");
  const briefingPdf = await readPdf(formData, "briefingPdf");
  if (commitmentForm && "problem" in commitmentForm) fileErrors.commitmentForm = [commitmentForm.problem];
  if (briefingPdf && "problem" in briefingPdf) fileErrors.briefingPdf = [briefingPdf.problem];
  const values =
    submission.status === "success"
      ? {
          title: submission.value.title,
          slug: submission.value.slug,
          summary: submission.value.summary,
          asks: parseAsks(submission.value.asks),
          letterGuidance: submission.value.letterGuidance ?? "",
          briefing: submission.value.briefing ?? "",
          signedFormsTo: submission.value.signedFormsTo ?? "",
          opensAt: submission.value.opensAt ? parseLondonDateTime(submission.value.opensAt) : null,
          closesAt: submission.value.closesAt ? parseLondonDateTime(submission.value.closesAt) : null,
        }
      : null;
  return {
    submission,
    values,
    tooLarge: form === "too-large",
    fileErrors,
    files: {
      commitmentForm: commitmentForm && !("problem" in commitmentForm) ? commitmentForm : null,
      briefingPdf: briefingPdf && !("problem" in briefingPdf) ? briefingPdf : null,
      removeBriefingPdf: formData.get("removeBriefingPdf") === "yes",
    },
  };
}
