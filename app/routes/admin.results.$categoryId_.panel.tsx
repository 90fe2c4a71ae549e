import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { withNotice } from "~/components/notice";
import { PanelMeetingPage } from "~/components/panel-meeting";
import { applyPanelShortlist, getPanelMeeting, recordPanelEntry } from "~/models/panel-meeting.server";
import { requireAdmin } from "~/utils/auth.server";
import { panelRecordAction } from "~/utils/panel-meeting.server";
import { requireId } from "~/utils/params.server";
import { invariantResponse } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.meeting.category.name ?? "Panel"} – panel meeting – Community Sponsorship Awards` },
];

const categoryIdFrom = (params: LoaderFunctionArgs["params"]) => requireId(params.categoryId, "There is no such category.");

/** The panel meeting as an admin holds it: the whole category, once the main round has closed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const found = await getPanelMeeting({ kind: "admin" }, categoryIdFrom(params));
  // A refusal is answered with its own status (404, 403, or 409 before the round closes).
  if (!found.ok) invariantResponse(false, found.message, { status: found.status });
  return { meeting: found.meeting };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const categoryId = categoryIdFrom(params);
  const actor = { id: admin.id, name: admin.name };
  const form = await request.formData();
  if (form.get("intent") === "apply") return applyShortlist(categoryId, actor);
  return panelRecordAction(form, {
    record: (nominationId, entry) => recordPanelEntry({ viewer: { kind: "admin" }, actor, categoryId, nominationId, ...entry }),
    path: `/admin/results/${categoryId}/panel`,
  });
}

async function applyShortlist(categoryId: number, actor: { id: number; name: string }) {
  const outcome = await applyPanelShortlist({ categoryId, actor });
  if (!outcome.ok) return data({ intent: "apply" as const, message: outcome.message }, { status: outcome.status });
  return redirect(`${withNotice(`/admin/results/${categoryId}`, "shortlist-saved")}#shortlist`);
}

export default function AdminPanelMeeting() {
  const { meeting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <PanelMeetingPage
      meeting={meeting}
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
