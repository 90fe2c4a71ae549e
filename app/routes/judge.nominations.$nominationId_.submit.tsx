import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { withNotice } from "~/components/notice";
import { isCompleteScore, weightedScore } from "~/domain/scoring";
import { getNominationForJudge, saveScores } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { requireId } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Check and submit your scores – Community Sponsorship Awards" }];

async function load(request: Request, param: string | undefined) {
  const judge = await requireJudge(request);
  const view = (await getNominationForJudge(judge.id, requireId(param))) ?? notFound();
  const back = `/judge/nominations/${view.nomination.id}`;
  const scale = { min: view.category.scaleMin, max: view.category.scaleMax };
  if (!view.sheet || view.sheet.submittedAt || !isCompleteScore(view.criteria, view.sheet.values, scale)) throw redirect(back);
  return { judge, view, sheet: view.sheet, back };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { view, sheet, back } = await load(request, params.nominationId);
  const anchor = (v: number) => view.anchors.find((a) => a.value === v)?.description ?? "";
  return {
    back,
    nomineeName: view.nomination.nomineeName,
    rows: view.criteria.map((c) => ({ name: c.name, value: sheet.values[c.id], anchor: anchor(sheet.values[c.id]) })),
    weighted: Math.round(weightedScore(view.criteria, sheet.values) * 100) / 100,
    comment: sheet.comment,
    /** Null where the cycle shares no feedback. */
    shared: view.cycle.feedbackToNominees ? !sheet.commentPrivate : null,
    version: sheet.version,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { judge, view, back } = await load(request, params.nominationId);
  const version = (await request.formData()).get("version");
  const saved = await saveScores(judge, view.nomination.id, { final: true, version: typeof version === "string" && version ? version : undefined });
  if (!saved.ok) return data({ error: saved.message }, { status: saved.status });
  return redirect(withNotice(back, "scores-submitted"));
}

export default function ConfirmScores() {
  const { back, nomineeName, rows, weighted, comment, shared, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose">
      <p className="caption">
        <Link to="/judge">Judging</Link>
      </p>
      <h1>Check your scores for {nomineeName}</h1>
      <ErrorSummary errors={actionData?.error ? [{ message: actionData.error }] : []} />
      <dl className="summary-list">
        {rows.map((r) => (
          <div className="summary-list__row" key={r.name}>
            <dt>{r.name}</dt>
            <dd>
              {r.value}
              {r.anchor ? ` – ${r.anchor}` : ""}
            </dd>
          </div>
        ))}
        <div className="summary-list__row">
          <dt>Weighted score</dt>
          <dd>{weighted}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Comment</dt>
          <dd>{comment || "No comment"}</dd>
        </div>
        {shared !== null && comment ? (
          <div className="summary-list__row">
            <dt>Feedback to nominees</dt>
            <dd>{shared ? "May be shared without your name, after review by the awards team" : "Private: never shared"}</dd>
          </div>
        ) : null}
      </dl>
      <p>Once you submit, your scores are final. Only the awards team can reopen them.</p>
      <Form method="post">
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="button">
          Confirm and submit
        </button>
        <Link to={back} className="button button--secondary">
          Go back and change them
        </Link>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
