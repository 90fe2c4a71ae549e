/**
 * One confidentiality statement and one conflict declaration for all of a judge's panels in
 * a cycle. The statement lists the panels it covers (those not yet accepted, so a panel
 * joined later is asked for alone); the declaration lists the nominations of every panel
 * still to declare, grouped by category. Both are recorded per panel membership.
 */
import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, ErrorSummary, Radios, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";
import { ConfidentialityStatement } from "~/components/judging";
import { Notice } from "~/components/notice";
import { pageTitle } from "~/content/site";
import { parseId } from "~/domain/ids";
import { CONFLICT_KIND_KEYS, CONFLICT_KINDS, judgeProgressLead } from "~/domain/judging";
import { formatLondon } from "~/domain/time";
import { declareConflict } from "~/models/conflicts.server";
import { acceptConfidentiality, finishDeclaring, getJudgeCycleSteps } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { DeclareSchema } from "~/domain/judging-forms";

export const HEADING = "Confidentiality and conflicts of interest";

export const meta: MetaFunction = () => [{ title: pageTitle(HEADING, { context: "Judging" }) }];

async function loadSteps(request: Request, yearParam: string | undefined) {
  const judge = await requireJudge(request);
  const year = parseId(yearParam);
  const steps = year ? await getJudgeCycleSteps(judge.id, year) : null;
  if (!steps) notFound();
  return { judge, steps };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { steps } = await loadSteps(request, params.year);
  // Counted now, right before the statement is accepted: work waiting behind it, never "0 of 0".
  const waiting = steps.toAccept.reduce((sum, p) => sum + p.waiting, 0);
  const acceptedAt = steps.panels.map((p) => p.acceptedAt).filter((d): d is Date => Boolean(d));
  return {
    year: steps.cycle.year,
    lead: judgeProgressLead(0, 0, waiting),
    toAccept: steps.toAccept.map((p) => ({ panelId: p.panelId, category: p.category, waiting: p.waiting })),
    groups: steps.groups.map((g) => ({
      panelId: g.panelId,
      category: g.category,
      nominations: g.nominations,
    })),
    lastAccepted: acceptedAt.length ? formatLondon(new Date(Math.max(...acceptedAt.map((d) => d.getTime())))) : null,
    allDone: steps.toAccept.length === 0 && steps.toDeclare.length === 0,
  };
}

/** The panel ids the page listed, kept to those still waiting for this step in this cycle. */
function listedPanels(formData: FormData, waiting: Array<{ panelId: number }>) {
  const listed = new Set(formData.getAll("panelId").map((v) => parseId(v)));
  return waiting.map((p) => p.panelId).filter((id) => listed.has(id));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { judge, steps } = await loadSteps(request, params.year);
  const path = `/judge/cycles/${steps.cycle.year}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "accept") {
    await acceptConfidentiality(judge, listedPanels(formData, steps.toAccept));
    return redirect(path);
  }
  if (intent === "done") {
    await finishDeclaring(judge, listedPanels(formData, steps.toDeclare));
    return redirect(steps.toAccept.length > 0 ? path : "/judge?ready=1");
  }
  const submission = parseWithZod(formData, { schema: DeclareSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const listed = steps.groups.some((g) => g.nominations.some((n) => n.id === submission.value.nominationId));
  const declared = listed && (await declareConflict(judge, submission.value));
  if (!declared) {
    return data(
      { result: submission.reply({ fieldErrors: { nominationId: ["Choose a nomination from the list"] } }) },
      { status: 400 },
    );
  }
  return redirect(`${path}?declared=1`);
}

export default function JudgeCycleSteps() {
  const { year, lead, toAccept, groups, lastAccepted, allDone } = useLoaderData<typeof loader>();
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
  const anyToDeclare = groups.some((g) => g.nominations.length > 0);

  return (
    <div className="prose wide">
      <p className="caption">
        <Link to="/judge">Judging</Link> {year}
      </p>
      <h1>{HEADING}</h1>
      {params.get("declared") ? <Notice>Your conflict is recorded. That nomination is no longer on your list.</Notice> : null}
      {allDone ? (
        <p>
          You have accepted the statement and declared your conflicts for all your panels. If you find a conflict later,
          declare it from the nomination&apos;s page. <Link to="/judge">Go to your nominations</Link>.
        </p>
      ) : null}

      {toAccept.length > 0 ? (
        <>
          <h2>1. Confidentiality statement</h2>
          <p className="lead">{lead}</p>
          <p>
            This statement covers {toAccept.length === 1 ? "your panel" : `your ${toAccept.length} panels`}:{" "}
            {toAccept.map((p) => p.category).join(", ")}.
          </p>
          <ConfidentialityStatement />
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            {toAccept.map((p) => (
              <input key={p.panelId} type="hidden" name="panelId" value={p.panelId} />
            ))}
            <SubmitButton>I accept the confidentiality statement</SubmitButton>
          </Form>
        </>
      ) : lastAccepted && !allDone ? (
        <p>You accepted the confidentiality statement on {lastAccepted}.</p>
      ) : null}

      {groups.length > 0 ? (
        <>
          <h2>2. Conflicts of interest</h2>
          <p>
            Look through the nominations below. If you know a nominee, belong to their organisation or know the person who
            nominated them, declare a conflict. You will not see or score that nomination. Only the awards team sees what
            you write.
          </p>
          {groups.map((group) => (
            <section key={group.panelId} aria-labelledby={`panel-${group.panelId}`}>
              <h3 id={`panel-${group.panelId}`}>{group.category}</h3>
              {group.nominations.length === 0 ? (
                <p>There are no nominations in this category for you to check.</p>
              ) : (
                <div className="table-scroll" role="region" aria-label={`Nominations in ${group.category}`} tabIndex={0}>
                  <table className="table">
                    <caption className="visually-hidden">Nominations in {group.category}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Nominee</th>
                        <th scope="col">Organisation</th>
                        <th scope="col">Nominated by</th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.nominations.map((n) => (
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
            </section>
          ))}
          {anyToDeclare ? (
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
                    {groups
                      .filter((g) => g.nominations.length > 0)
                      .map((g) => (
                        <optgroup key={g.panelId} label={g.category}>
                          {g.nominations.map((n) => (
                            <option key={n.id} value={n.id}>
                              {n.nomineeName}
                              {n.nomineeOrganisation ? `, ${n.nomineeOrganisation}` : ""}
                              {n.nominatorName ? ` (nominated by ${n.nominatorName})` : ""}
                            </option>
                          ))}
                        </optgroup>
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
          <Form method="post">
            <input type="hidden" name="intent" value="done" />
            {groups.map((g) => (
              <input key={g.panelId} type="hidden" name="panelId" value={g.panelId} />
            ))}
            <p>
              When you have declared every conflict you know of in {groups.length === 1 ? "this category" : "these categories"},
              tell us, and you will see the nominations assigned to you.
            </p>
            <SubmitButton secondary>I have no more conflicts to declare</SubmitButton>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
