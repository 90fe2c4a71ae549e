/**
 * THE action that records one nomination's panel meeting entry, for the chair's page and the
 * admin's: the posted fields read, the record saved through the page's `record` (which calls
 * recordPanelEntry in app/models/panel-meeting.server.ts with the page's viewer), and the
 * answer: back to the entry saved, the form filled again with its problems, or the refusal's
 * own status (404, 403) as the page's.
 */
import { data, redirect } from "@remix-run/node";
import { parseForm } from "~/components/schema-form";
import { withNotice } from "~/components/notice";
import { parseId } from "~/domain/ids";
import { panelEntrySchema, type PanelEntryInput, type PanelEntryProblems } from "~/domain/panel-meeting";
import { forbidden, invariantResponse, notFound } from "./responses.server";

type Recorded = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; message: string; problems: PanelEntryProblems };

export async function panelRecordAction(
  form: FormData,
  { record, path }: { record: (nominationId: number, entry: PanelEntryInput) => Promise<Recorded>; path: string },
) {
  const sent = { note: String(form.get("note") ?? ""), decision: String(form.get("decision") ?? ""), reason: String(form.get("reason") ?? "") };
  const submission = parseForm(form, panelEntrySchema);
  if (submission.status !== "success") {
    const errors = submission.error ?? {};
    // A record for no nomination of this panel is refused outright; a wrong decision comes back to its form.
    const nominationId = parseId(form.get("nominationId"));
    invariantResponse(nominationId !== null && !errors.nominationId, errors.nominationId?.[0] ?? "", { status: 400 });
    const problems: PanelEntryProblems = {};
    for (const field of ["note", "decision", "reason"] as const) if (errors[field]?.[0]) problems[field] = errors[field][0];
    const message = Object.values(problems)[0] ?? "";
    return data({ intent: "record" as const, nominationId, message, problems, sent }, { status: 400 });
  }
  const { nominationId, ...entry } = submission.value;
  const outcome = await record(nominationId, entry);
  if (!outcome.ok) {
    if (outcome.status === 404) notFound(outcome.message);
    if (outcome.status === 403) forbidden(outcome.message);
    return data({ intent: "record" as const, nominationId, message: outcome.message, problems: outcome.problems, sent }, { status: outcome.status });
  }
  // The entry saved is named by the page's notice, and the page opens at it.
  return redirect(withNotice(`${path}#record-${nominationId}`, "record-saved", { id: nominationId }));
}
