import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ConflictDeclarationForm, NominationsToCheck } from "~/components/judging";
import { Notice, withNotice } from "~/components/notice";
import { roundCloseAt } from "~/domain/judging";
import { formatLondon } from "~/domain/time";
import { declareConflict } from "~/models/conflicts.server";
import { getJudgePanel, listDeclarable } from "~/models/judging.server";
import { chairView } from "~/models/results-leaderboard.server";
import { requireJudge } from "~/utils/auth.server";
import { declareConflictAction } from "~/utils/conflict-declaration.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.panel.category ?? "Panel"} – Judging – Community Sponsorship Awards` },
];

async function loadPanel(request: Request, panelIdParam: string | undefined) {
  const judge = await requireJudge(request);
  const panel = await getJudgePanel(judge.id, requireId(panelIdParam));
  if (!panel) notFound();
  return { judge, panel };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { judge, panel } = await loadPanel(request, params.panelId);
  // The statement and the declaration are made once for all the judge's panels of the cycle
  // (judge.cycles.$year.tsx); here, once made, a conflict found later can still be declared.
  const list = panel.declaredAt ? await listDeclarable(judge.id, panel.categoryId) : [];
  const view = panel.isChair && panel.declaredAt ? await chairView(judge.id, panel.categoryId) : null;
  const results = view?.ok
    ? view.rows.map((r) => ({ id: r.nominationId, nomineeName: r.label, hidden: r.hidden, count: r.count, mean: r.mean }))
    : null;
  const deadline = roundCloseAt(panel.cycle, panel.round);
  return {
    panel: {
      id: panel.panelId,
      categoryId: panel.categoryId,
      year: panel.cycle.year,
      category: panel.category,
      isChair: panel.isChair,
      acceptedAt: panel.acceptedAt ? formatLondon(panel.acceptedAt) : null,
      declaredAt: panel.declaredAt ? formatLondon(panel.declaredAt) : null,
      round: panel.round,
      deadline: deadline ? formatLondon(deadline) : null,
    },
    list,
    results,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { judge, panel } = await loadPanel(request, params.panelId);
  return declareConflictAction(await request.formData(), {
    declare: (d) => declareConflict(judge, d),
    refusal: panel.declaredAt ? null : "Accept the confidentiality statement and declare your conflicts for all your panels first.",
    redirectTo: withNotice(`/judge/panels/${panel.panelId}`, "conflict-declared"),
  });
}

export default function JudgePanel() {
  const { panel, list, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <div className="prose wide">
      <p className="caption">
        <Link to="/judge">Judging</Link>
      </p>
      <h1>
        {panel.category}
        {panel.isChair ? " (chair)" : ""}
      </h1>
      <Notice />
      {panel.declaredAt ? (
        <>
          <p>
            You accepted the confidentiality statement on {panel.acceptedAt} and finished declaring conflicts on{" "}
            {panel.declaredAt}.
          </p>
          <h2>Conflicts of interest</h2>
          <p>
            If you find you know a nominee, belong to their organisation or know the person who nominated them, declare a
            conflict. You will not see or score that nomination. Only the awards team sees what you write.
          </p>
          <NominationsToCheck category={panel.category} nominations={list} />
          {list.length > 0 ? (
            <>
              <h3>Declare a conflict</h3>
              <ConflictDeclarationForm
                lastResult={actionData?.result}
                grouped={false}
                choices={[{ key: panel.id, category: panel.category, nominations: list }]}
              />
            </>
          ) : null}
        </>
      ) : (
        <>
          <p>
            <strong>To do:</strong> {panel.acceptedAt ? "declare any conflicts of interest" : "read and accept the confidentiality statement"}{" "}
            before you see this panel&apos;s nominations. You do this once for all your panels.
          </p>
          <p>
            <Link to={`/judge/cycles/${panel.year}`} className="button">
              {panel.acceptedAt ? "Declare your conflicts of interest" : "Read the confidentiality statement"}
            </Link>
          </p>
        </>
      )}

      {results ? (
        <>
          <h2>Panel scores</h2>
          <p>
            {panel.round === "final" ? "The final round has closed" : "Judging has closed"}. As chair you can see the
            panel&apos;s scores{panel.round === "final" ? " in the final round" : ""}.
          </p>
          <p>
            <Link to={`/judge/results/${panel.categoryId}`}>The panel&apos;s full leaderboard</Link> ·{" "}
            <Link to={`/judge/results/${panel.categoryId}/panel`}>Hold the panel meeting</Link>
          </p>
          <table className="table">
            <caption className="visually-hidden">Mean score of each nomination</caption>
            <thead>
              <tr>
                <th scope="col">Nominee</th>
                <th scope="col">Scores</th>
                <th scope="col">Mean</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.id}>
                  <td>{r.nomineeName}</td>
                  <td>{r.hidden ? "Submit your own scores first" : r.count}</td>
                  <td>{r.hidden || r.mean === null ? "–" : r.mean.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
