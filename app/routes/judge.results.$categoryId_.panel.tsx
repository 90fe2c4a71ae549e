import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PanelMeetingPage } from "~/components/panel-meeting";
import { getPanelMeeting, recordPanelEntry } from "~/models/panel-meeting.server";
import { requireJudge } from "~/utils/auth.server";
import { panelRecordAction } from "~/utils/panel-meeting.server";
import { requireId } from "~/utils/params.server";
import { invariantResponse } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.meeting.category.name ?? "Panel"} – panel meeting – Community Sponsorship Awards` },
];

const categoryIdFrom = (params: LoaderFunctionArgs["params"]) => requireId(params.categoryId, "There is no such panel.");

/**
 * The panel meeting for the panel's chair, once the main round has closed: through the one
 * chair function, so nothing the chair is conflicted on is in this page or its data.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const judge = await requireJudge(request);
  const found = await getPanelMeeting({ kind: "chair", judgeId: judge.id }, categoryIdFrom(params));
  // A refusal is answered with its own status (404, 403, or 409 before the round closes).
  if (!found.ok) invariantResponse(false, found.message, { status: found.status });
  return { meeting: found.meeting };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const judge = await requireJudge(request);
  const categoryId = categoryIdFrom(params);
  return panelRecordAction(await request.formData(), {
    record: (nominationId, entry) =>
      recordPanelEntry({ viewer: { kind: "chair", judgeId: judge.id }, actor: { id: judge.id, name: judge.name }, categoryId, nominationId, ...entry }),
    path: `/judge/results/${categoryId}/panel`,
  });
}

export default function ChairPanelMeeting() {
  const { meeting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <PanelMeetingPage
      meeting={meeting}
      actionData={actionData ?? null}
      back={<Link to={`/judge/results/${meeting.category.id}`}>Panel results</Link>}
      conflictNote="Nominations you declared a conflict on, or are suspected of one on, are not shown and are left out of every figure here."
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
