import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, ErrorSummary, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";
import { Notice, RadioGroup } from "~/components/judging";
import { CONFLICT_KIND_KEYS, CONFLICT_KINDS, roundCloseAt } from "~/domain/judging";
import { chairView } from "~/models/results.server";
import { declareConflict } from "~/models/conflicts.server";
import { acceptConfidentiality, finishDeclaring, getJudgePanel, listDeclarable } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";
import { MAX_ID, parseId } from "~/domain/ids";

export const DeclareSchema = z.object({
  intent: z.literal("declare"),
  nominationId: z.number({ error: "Choose the nomination you have a conflict with" }).int().max(MAX_ID).positive(),
  kind: z.enum(CONFLICT_KIND_KEYS, { error: "Choose the kind of conflict" }),
  note: z
    .string({ error: "Say briefly what the connection is" })
    .trim()
    .min(1, "Say briefly what the connection is")
    .max(1000, "Keep the note to 1000 characters or fewer"),
});

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
  const list = panel.acceptedAt ? await listDeclarable(judge.id, panel.categoryId) : [];
  const view = panel.isChair && panel.declaredAt ? await chairView(judge.id, panel.categoryId) : null;
  const results = view?.ok
    ? view.rows.map((r) => ({ id: r.nominationId, nomineeName: r.label, hidden: r.hidden, count: r.count, mean: r.mean }))
    : null;
  const deadline = roundCloseAt(panel.cycle, panel.round);
  return {
    panel: {
      id: panel.panelId,
      categoryId: panel.categoryId,
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
  const intent = formData.get("intent");
  if (intent === "accept") {
    await acceptConfidentiality(judge, panel.panelId);
    return redirect(`/judge/panels/${panel.panelId}`);
  }
  if (intent === "done") {
    await finishDeclaring(judge, panel.panelId);
    return redirect(`/judge/panels/${panel.panelId}?done=1`);
  }
  const submission = parseWithZod(formData, { schema: DeclareSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (!panel.acceptedAt) {
    return data({ result: submission.reply({ formErrors: ["Accept the confidentiality statement first."] }) }, { status: 400 });
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
      {params.get("done") ? (
        <Notice>
          Thank you. <Link to="/judge">Go to your nominations</Link>.
        </Notice>
      ) : null}

      <h2>1. Confidentiality statement</h2>
      <div className="panel-box prose">
        <p>As a judge of the Community Sponsorship Awards I will:</p>
        <ul>
          <li>keep every nomination, supporting statement and file confidential, and not copy or share them;</li>
          <li>keep the scores and discussions of the panel confidential, before and after the winners are announced;</li>
          <li>declare any connection with a nominee, their organisation or the person who nominated them, as soon as I know of it;</li>
          <li>judge each nomination on what it says, against the published criteria.</li>
        </ul>
      </div>
      {panel.acceptedAt ? (
        <p>You accepted this statement on {panel.acceptedAt}.</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <SubmitButton>I accept the confidentiality statement</SubmitButton>
        </Form>
      )}

      {panel.acceptedAt ? (
        <>
          <h2>2. Conflicts of interest</h2>
          <p>
            Look through the nominations in this category. If you know a nominee, belong to their organisation or know the
            person who nominated them, declare a conflict. You will not see or score that nomination. Only the awards team
            sees what you write.
          </p>
          {list.length === 0 ? (
            <p>There are no nominations in this category for you to check.</p>
          ) : (
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
          )}
          {list.length > 0 ? (
            <>
              <h3>Declare a conflict</h3>
              <ErrorSummary errors={summariseErrors(form.errors, [fields.nominationId, fields.kind, fields.note])} />
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
                <RadioGroup
                  id={fields.kind.id}
                  name={fields.kind.name}
                  legend="What kind of conflict is it?"
                  errors={fields.kind.errors}
                  defaultValue={fields.kind.initialValue as string | undefined}
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
          {panel.declaredAt ? (
            <p>
              You finished declaring on {panel.declaredAt}. If you find a conflict later, declare it here or from the
              nomination&apos;s page.
            </p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="done" />
              <p>When you have declared every conflict you know of, tell us, and you will see the nominations assigned to you.</p>
              <SubmitButton secondary>I have no more conflicts to declare</SubmitButton>
            </Form>
          )}
        </>
      ) : null}

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
