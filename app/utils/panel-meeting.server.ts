/**
 * THE action that records one nomination's panel meeting entry, for the chair's page and the
 * admin's: the posted fields read, the record saved through the page's `record` (which calls
 * recordPanelEntry in app/models/panel-meeting.server.ts with the page's viewer), and the
 * answer: back to the entry saved, the form filled again with its problems, or the refusal's
 * own status (404, 403) as the page's.
 */
import { data, redirect } from "@remix-run/node";
import { readPanelForm, type PanelEntryInput, type PanelEntryProblems } from "~/domain/panel-meeting";
import { forbidden, invariantResponse, notFound } from "./responses.server";

type Recorded = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; message: string; problems: PanelEntryProblems };

export async function panelRecordAction(
  form: FormData,
  { record, path }: { record: (nominationId: number, entry: PanelEntryInput) => Promise<Recorded>; path: string },
) {
  const sent = { note: String(form.get("note") ?? ""), decision: String(form.get("decision") ?? ""), reason: String(form.get("reason") ?? "") };
  const read = readPanelForm({ nominationId: form.get("nominationId"), ...sent });
  if (!read.ok) {
    if (read.nominationId === null) invariantResponse(false, read.message, { status: 400 });
    return data({ intent: "record" as const, nominationId: read.nominationId, message: read.message, problems: read.problems, sent }, { status: 400 });
  }
  const outcome = await record(read.nominationId, read.entry);
  if (!outcome.ok) {
    if (outcome.status === 404) notFound(outcome.message);
    if (outcome.status === 403) forbidden(outcome.message);
    return data({ intent: "record" as const, nominationId: read.nominationId, message: outcome.message, problems: outcome.problems, sent }, { status: outcome.status });
  }
  // The entry saved is named by the page's notice, and the page opens at it.
  return redirect(`${path}?saved=${read.nominationId}#record-${read.nominationId}`);
}
