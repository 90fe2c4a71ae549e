import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { PanelMeetingPage } from "~/components/panel-meeting";
import { parseId } from "~/domain/ids";
import { readPanelForm } from "~/domain/panel-meeting";
import { applyPanelShortlist, getPanelMeeting, recordPanelEntry } from "~/models/panel-meeting.server";
import { requireAdmin } from "~/utils/auth.server";
import { invariantResponse, notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.meeting.category.name ?? "Panel"} – panel meeting – Community Sponsorship Awards` },
];

function categoryIdFrom(params: LoaderFunctionArgs["params"]) {
  return parseId(params.categoryId) ?? notFound("There is no such category.");
}

/** The panel meeting as an admin holds it: the whole category, once the main round has closed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const found = await getPanelMeeting({ kind: "admin" }, categoryIdFrom(params));
  // A refusal is answered with its own status (404, 403, or 409 before the round closes).
  if (!found.ok) invariantResponse(false, found.message, { status: found.status });
  return { meeting: found.meeting, saved: parseId(new URL(request.url).searchParams.get("saved")) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const categoryId = categoryIdFrom(params);
  const actor = { id: admin.id, name: admin.name };
  const form = await request.formData();
  if (form.get("intent") === "apply") {
    const outcome = await applyPanelShortlist({ categoryId, actor });
    if (!outcome.ok) return data({ intent: "apply" as const, message: outcome.message }, { status: outcome.message.includes("published") ? 409 : 400 });
    return redirect(`/admin/results/${categoryId}?saved=shortlist#shortlist`);
  }
  const sent = { note: String(form.get("note") ?? ""), decision: String(form.get("decision") ?? ""), reason: String(form.get("reason") ?? "") };
  const read = readPanelForm({ nominationId: form.get("nominationId"), ...sent });
  if (!read.ok) {
    if (read.nominationId === null) invariantResponse(false, read.message, { status: 400 });
    return data({ intent: "record" as const, nominationId: read.nominationId, message: read.message, problems: read.problems, sent }, { status: 400 });
  }
  const outcome = await recordPanelEntry({ viewer: { kind: "admin" }, actor, categoryId, nominationId: read.nominationId, ...read.entry });
  if (!outcome.ok) {
    if (outcome.status === 404) notFound(outcome.message);
    return data(
      { intent: "record" as const, nominationId: read.nominationId, message: outcome.message, problems: outcome.problems, sent },
      { status: outcome.status },
    );
  }
  return redirect(`/admin/results/${categoryId}/panel?saved=${read.nominationId}#record-${read.nominationId}`);
}

export default function AdminPanelMeeting() {
  const { meeting, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <PanelMeetingPage
      meeting={meeting}
      saved={saved}
      actionData={actionData?.intent === "record" ? actionData : null}
      back={<Link to={`/admin/results/${meeting.category.id}`}>Results and shortlist</Link>}
    >
      {actionData?.intent === "apply" ? <ErrorSummary errors={[{ message: actionData.message }]} /> : null}
      {meeting.agreed.chosen.length && !meeting.recordProblem ? (
        <Form method="post">
          <input type="hidden" name="intent" value="apply" />
          <p>
            Applying saves this as the category&apos;s shortlist through the shortlist step: nominations without a
            &ldquo;shortlist&rdquo; decision are not shortlisted, and the panel&apos;s reasons are kept as the reason for any
            change from the suggestion.
          </p>
          <button type="submit" className="button">
            Apply the panel&apos;s shortlist
          </button>
        </Form>
      ) : null}
    </PanelMeetingPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
