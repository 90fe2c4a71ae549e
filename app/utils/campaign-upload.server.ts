/**
 * The admin's campaign form arrives as multipart (it carries PDFs). The body gate
 * (app/server/body-gate.ts) has read it within its limits, like the nomination's files;
 * each file is accepted only when its content is a PDF (app/domain/files.ts), whatever its
 * name says.
 */
import { parseForm } from "~/components/schema-form";
import { campaignSchema, parseAsks } from "~/domain/campaign-admin-forms";
import { MAX_FILE_BYTES, sanitiseFilename, sniffFileType } from "~/domain/files";
import { parseLondonDateTime } from "~/domain/time";
import { normaliseWelsh } from "~/domain/welsh-content";

const TOO_LARGE = "Each PDF must be 10 MB or smaller";

export type CheckedPdf = { bytes: Uint8Array; name: string };

/** The named file as a PDF; null when none was chosen; a message when it is not a PDF. */
export async function readPdf(formData: FormData, field: string): Promise<CheckedPdf | null | { problem: string }> {
  const file = formData.get(field);
  if (!(file instanceof File) || file.size === 0) return null;
  if (file.size > MAX_FILE_BYTES) return { problem: TOO_LARGE };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffFileType(bytes);
  if (type?.extension !== "pdf") return { problem: `The file must be a PDF. "${file.name.slice(0, 80)}" is not one, whatever its name says` };
  return { bytes, name: sanitiseFilename(file.name, type) };
}



/** The admin's campaign form, read and checked: the field values, the PDFs, and any problems by field. */
export async function readCampaignForm(request: Request) {
  const formData = await request.formData();
  const tooLarge = ["commitmentForm", "briefingPdf"].some((field) => {
    const file = formData.get(field);
    return file instanceof File && file.size > MAX_FILE_BYTES;
  });
  const submission = parseForm(formData, campaignSchema);
  const fileErrors: Record<string, string[]> = {};
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
          titleCy: normaliseWelsh(submission.value.titleCy),
          summaryCy: normaliseWelsh(submission.value.summaryCy),
          asksCy: normaliseWelsh(submission.value.asksCy) ? parseAsks(submission.value.asksCy!) : null,
          letterGuidanceCy: normaliseWelsh(submission.value.letterGuidanceCy),
          briefingCy: normaliseWelsh(submission.value.briefingCy),
        }
      : null;
  return {
    submission,
    values,
    tooLarge,
    fileErrors,
    files: {
      commitmentForm: commitmentForm && !("problem" in commitmentForm) ? commitmentForm : null,
      briefingPdf: briefingPdf && !("problem" in briefingPdf) ? briefingPdf : null,
      removeBriefingPdf: formData.get("removeBriefingPdf") === "yes",
    },
  };
}
