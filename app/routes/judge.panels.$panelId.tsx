import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, ErrorSummary, Radios, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";

import { Notice } from "~/components/notice";
import { CONFLICT_KIND_KEYS, CONFLICT_KINDS, roundCloseAt } from "~/domain/judging";
import { DeclareSchema } from "~/domain/judging-forms";
import { chairView } from "~/models/results-leaderboard.server";
import { declareConflict } from "~/models/conflicts.server";
import { getJudgePanel, listDeclarable } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";
import { parseId } from "~/domain/ids";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.panel.category ?? "Panel"} – Judging – Community Sponsorship Awards` },
];

async function loadPanel(request: Request, panelIdParam: string | undefined) {
  const judge = await requireJudge(request);
  const panelId = parseId(panelIdParam) ?? 0;
  const panel = Number.isInteger(panelId) ? await getJudgePanel(judge.id, panelId) : null;
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
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: DeclareSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (!panel.declaredAt) {
    return data(
      { result: submission.reply({ formErrors: ["Accept the confidentiality statement and declare your conflicts for all your panels first."] }) },
      { status: 400 },
    );
  }
  const declared = await declareConflict(judge, submission.value);
  if (!declared) {
    return data(
      { result: submission.reply({ fieldErrors: { nominationId: ["Choose a nomination from the list"] } }) },
      { status: 400 },
    );
  }
  return redirect(`/judge/panels/${panel.panelId}?declared=1`);
}

export default function JudgePanel() {
  const { panel, list, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "declare",
    lastResult: actionData?.result,
    constraint: getZodConstraint(DeclareSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclareSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });

  return (
    <div className="prose wide">
      <p className="caption">
        <Link to="/judge">Judging</Link>
      </p>
      <h1>
        {panel.category}
        {panel.isChair ? " (chair)" : ""}
      </h1>
      {params.get("declared") ? <Notice>Your conflict is recorded. That nomination is no longer on your list.</Notice> : null}
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
          {list.length === 0 ? (
            <p>There are no nominations in this category for you to check.</p>
          ) : (
            <div className="table-scroll" role="region" aria-label={`Nominations in ${panel.category}`} tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">Nominations in {panel.category}</caption>
                <thead>
                  <tr>
                    <th scope="col">Nominee</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">Nominated by</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((n) => (
                    <tr key={n.id}>
                      <td>{n.nomineeName}</td>
                      <td>{n.nomineeOrganisation ?? "–"}</td>
                      <td>{n.nominatorName ?? "Hidden (blind judging)"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.length > 0 ? (
            <>
              <h3>Declare a conflict</h3>
              <ErrorSummary errors={summariseErrors(form, [fields.nominationId, fields.kind, fields.note])} />
              <Form method="post" {...getFormProps(form)}>
                <input type="hidden" name="intent" value="declare" />
                <div className={`field${fields.nominationId.errors ? " field--error" : ""}`}>
                  <label className="field__label" htmlFor={fields.nominationId.id}>
                    Nomination
                  </label>
                  <ErrorList id={`${fields.nominationId.id}-error`} errors={fields.nominationId.errors} />
                  <select
                    {...getSelectProps(fields.nominationId)}
                    className="select"
                    aria-describedby={fields.nominationId.errors ? `${fields.nominationId.id}-error` : undefined}
                  >
                    <option value="">Choose a nomination</option>
                    {list.map((n) => (
                      <option key={n.id} value={n.id}>
                        {n.nomineeName}
                        {n.nomineeOrganisation ? `, ${n.nomineeOrganisation}` : ""}
                        {n.nominatorName ? ` (nominated by ${n.nominatorName})` : ""}
                      </option>
                    ))}
                  </select>
                </div>
                <Radios
                  field={fields.kind}
                  legend="What kind of conflict is it?"
                  options={CONFLICT_KIND_KEYS.map((key) => ({ value: key, label: CONFLICT_KINDS[key] }))}
                />
                <TextareaField
                  label="Note"
                  hint="Say briefly what the connection is."
                  errors={fields.note.errors}
                  textareaProps={{ ...getTextareaProps(fields.note), rows: 3 }}
                />
                <SubmitButton>Declare this conflict</SubmitButton>
              </Form>
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
