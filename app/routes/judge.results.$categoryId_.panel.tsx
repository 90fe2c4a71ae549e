import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PanelMeetingPage } from "~/components/panel-meeting";
import { parseId } from "~/domain/ids";
import { readPanelForm } from "~/domain/panel-meeting";
import { getPanelMeeting, recordPanelEntry } from "~/models/panel-meeting.server";
import { requireJudge } from "~/utils/auth.server";
import { forbidden, invariantResponse, notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.meeting.category.name ?? "Panel"} – panel meeting – Community Sponsorship Awards` },
];

function categoryIdFrom(params: LoaderFunctionArgs["params"]) {
  return parseId(params.categoryId) ?? notFound("There is no such panel.");
}

/**
 * The panel meeting for the panel's chair, once the main round has closed: through the one
 * chair function, so nothing the chair is conflicted on is in this page or its data.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const judge = await requireJudge(request);
  const found = await getPanelMeeting({ kind: "chair", judgeId: judge.id }, categoryIdFrom(params));
  // A refusal is answered with its own status (404, 403, or 409 before the round closes).
  if (!found.ok) invariantResponse(false, found.message, { status: found.status });
  return { meeting: found.meeting, saved: parseId(new URL(request.url).searchParams.get("saved")) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const judge = await requireJudge(request);
  const categoryId = categoryIdFrom(params);
  const form = await request.formData();
  const sent = { note: String(form.get("note") ?? ""), decision: String(form.get("decision") ?? ""), reason: String(form.get("reason") ?? "") };
  const read = readPanelForm({ nominationId: form.get("nominationId"), ...sent });
  if (!read.ok) {
    if (read.nominationId === null) invariantResponse(false, read.message, { status: 400 });
    return data({ nominationId: read.nominationId, message: read.message, problems: read.problems, sent }, { status: 400 });
  }
  const outcome = await recordPanelEntry({
    viewer: { kind: "chair", judgeId: judge.id },
    actor: { id: judge.id, name: judge.name },
    categoryId,
    nominationId: read.nominationId,
    ...read.entry,
  });
  if (!outcome.ok) {
    if (outcome.status === 404) notFound(outcome.message);
    if (outcome.status === 403) forbidden(outcome.message);
    return data({ nominationId: read.nominationId, message: outcome.message, problems: outcome.problems, sent }, { status: outcome.status });
  }
  return redirect(`/judge/results/${categoryId}/panel?saved=${read.nominationId}#record-${read.nominationId}`);
}

export default function ChairPanelMeeting() {
  const { meeting, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <PanelMeetingPage
      meeting={meeting}
      saved={saved}
      actionData={actionData ?? null}
      back={<Link to={`/judge/results/${meeting.category.id}`}>Panel results</Link>}
      conflictNote="Nominations you declared a conflict on, or are suspected of one on, are not shown and are left out of every figure here."
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
