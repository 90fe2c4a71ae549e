import { getFormProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Checkbox, ErrorSummary, Radios, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { Notice, withNotice } from "~/components/notice";
import { getNominationForJudge, getScoreSheetRubric, saveScores } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";
import { requireId } from "~/utils/params.server";

type Rubric = { criteria: Array<{ id: number; name: string }>; scaleMin: number; scaleMax: number };

/** One schema per rubric, for the browser and the server: drafts may be partial, a submission may not. */
export function scoreSheetSchema({ criteria, scaleMin, scaleMax }: Rubric) {
  const shape: Record<string, z.ZodType> = {
    intent: z.enum(["save", "submit"]),
    comment: z.string().trim().max(5000, "Keep the comment to 5000 characters or fewer").optional(),
    commentPrivate: z.boolean().default(false),
  };
  for (const c of criteria) {
    shape[`criterion-${c.id}`] = z
      .number({ error: `Choose a score for ${c.name}` })
      .int()
      .min(scaleMin, `Choose a score for ${c.name}`)
      .max(scaleMax, `Choose a score for ${c.name}`)
      .optional();
  }
  return z.object(shape).superRefine((value, ctx) => {
    if (value.intent !== "submit") return;
    for (const c of criteria) {
      if (value[`criterion-${c.id}`] === undefined) {
        ctx.addIssue({ code: "custom", path: [`criterion-${c.id}`], message: `Choose a score for ${c.name}` });
      }
    }
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.nomination.nomineeName ?? "Nomination"} – Judging – Community Sponsorship Awards` },
];

async function load(request: Request, param: string | undefined) {
  const judge = await requireJudge(request);
  // Unassigned, conflicted or unknown: the same answer, so nothing is revealed.
  return { judge, view: (await getNominationForJudge(judge.id, requireId(param))) ?? notFound() };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { view } = await load(request, params.nominationId);
  return {
    ...view,
    deadline: view.cycle.closeAt ? formatLondon(view.cycle.closeAt) : null,
    submittedAt: view.sheet?.submittedAt ? formatLondon(view.sheet.submittedAt) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const judge = await requireJudge(request);
  // Only the rubric: saving is the busiest request while judging, so it reads no more than it needs.
  const rubric = await getScoreSheetRubric(judge.id, requireId(params.nominationId));
  if (!rubric) notFound();
  const schema = scoreSheetSchema(rubric);
  const formData = await request.formData();
  const submission = parseForm(formData, schema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const value = submission.value as Record<string, unknown>;
  const values: Record<string, number> = {};
  for (const c of rubric.criteria) {
    const v = value[`criterion-${c.id}`];
    if (typeof v === "number") values[c.id] = v;
  }
  const saved = await saveScores(judge, rubric.nominationId, {
    values,
    comment: typeof value.comment === "string" ? value.comment : "",
    commentPrivate: value.commentPrivate === true,
    final: false,
  }, new Date(), rubric);
  if (!saved.ok) {
    if (saved.status === 404) notFound();
    return data({ result: submission.reply({ formErrors: [saved.message] }) }, { status: saved.status });
  }
  // Submitting asks for confirmation on a page of its own, so it works without JavaScript.
  if (value.intent === "submit") return redirect(`/judge/nominations/${rubric.nominationId}/submit`);
  return redirect(withNotice(`/judge/nominations/${rubric.nominationId}`, "draft-saved"));
}

export default function JudgeNomination() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { nomination, category, criteria, anchors, sheet, statements } = view;
  const schema = scoreSheetSchema({ criteria, scaleMin: category.scaleMin, scaleMax: category.scaleMax });
  const [form, fields] = useSchemaForm({
    id: "score-sheet",
    schema,
    lastResult: actionData?.result,
    defaultValue: {
      comment: sheet?.comment ?? "",
      commentPrivate: sheet?.commentPrivate ? "on" : undefined,
      ...Object.fromEntries(criteria.map((c) => [`criterion-${c.id}`, sheet?.values[c.id]?.toString() ?? ""])),
    },
  });
  const criterionFields = criteria.map((c) => fields[`criterion-${c.id}` as keyof typeof fields]);
  const scale = Array.from({ length: category.scaleMax - category.scaleMin + 1 }, (_, i) => category.scaleMin + i);
  const anchorFor = (value: number) => anchors.find((a) => a.value === value)?.description;
  const final = Boolean(sheet?.submittedAt);
  const editable = view.mayScore && !final;

  return (
    <div className="prose wide">
      <p className="caption">
        <Link to="/judge">Judging</Link> · {category.name}
      </p>
      <h1>{nomination.nomineeName}</h1>
      {view.round === "final" ? (
        <p className="notice">
          This is the final round: the shortlist is scored again. This is a new score sheet; your scores from the main round
          are kept as they were.
        </p>
      ) : null}
      <Notice />

      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Reference</dt>
          <dd>{nomination.reference}</dd>
        </div>
        {nomination.nomineeOrganisation ? (
          <div className="summary-list__row">
            <dt>Organisation</dt>
            <dd>{nomination.nomineeOrganisation}</dd>
          </div>
        ) : null}
        {nomination.nomineeLocalAuthority ? (
          <div className="summary-list__row">
            <dt>Local authority area</dt>
            <dd>{nomination.nomineeLocalAuthority}</dd>
          </div>
        ) : null}
        {view.deadline ? (
          <div className="summary-list__row">
            <dt>{view.round === "final" ? "The final round closes" : "Judging closes"}</dt>
            <dd>{view.deadline} (UK time)</dd>
          </div>
        ) : null}
      </dl>

      {statements.map((statement, i) => (
        <section key={statement.id} aria-labelledby={`statement-${statement.id}`}>
          <h2 id={`statement-${statement.id}`}>
            {statements.length > 1 ? `Supporting statement ${i + 1}` : "The nomination"}
            {statement.nominatorName ? ` from ${statement.nominatorName}` : ""}
          </h2>
          {statement.relationship && statement.nominatorName ? <p className="card__meta">Relationship: {statement.relationship}</p> : null}
          {statement.answers.map((a) => (
            <div key={a.label}>
              <h3>{a.label}</h3>
              <p className="answer">{a.answer}</p>
            </div>
          ))}
          {statement.files.length > 0 ? (
            <>
              <h3>Supporting files</h3>
              <ul>
                {statement.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/judge/files/${f.id}`}>{f.filename}</a> ({Math.ceil(f.size / 1024)} KB)
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}

      <h2 id="scores">Your scores</h2>
      {final ? <p>Your scores are final (submitted {view.submittedAt}). Ask the awards team if they need to be reopened.</p> : null}
      {!view.mayScore && !final ? (
        <p>{view.round === "final" ? "The final round is not open" : "Judging is not open"}, so scores cannot be changed.</p>
      ) : null}
      <ErrorSummary errors={summariseErrors(form, [...criterionFields, fields.comment])} />
      <Form method="post" {...getFormProps(form)} aria-labelledby="scores">
        {criteria.map((c, i) => {
          const field = criterionFields[i];
          return (
            <Radios
              key={c.id}
              field={{ id: field.id, name: field.name, errors: field.errors, initialValue: (field.initialValue as string | undefined) ?? sheet?.values[c.id]?.toString() }}
              legend={`${c.name}`}
              hint={c.guidance || undefined}
              disabled={!editable}
              options={scale.map((v) => ({ value: String(v), label: anchorFor(v) ? `${v} – ${anchorFor(v)}` : String(v) }))}
            />
          );
        })}
        <TextareaField
          label="Comment"
          hint={
            view.cycle.feedbackToNominees
              ? "What stood out, for better or worse. The panel chair may read it after judging closes. This year your comment may also be shared with the nominator and nominee after the winners are published: without your name, and reviewed by the awards team first."
              : "What stood out, for better or worse. The panel chair may read it after judging closes."
          }
          errors={fields.comment.errors}
          textareaProps={{ ...getTextareaProps(fields.comment), rows: 5, disabled: !editable }}
        />
        {view.cycle.feedbackToNominees ? (
          <Checkbox
            field={fields.commentPrivate}
            label="Keep my comment private"
            hint="A private comment is read only by the panel and the awards team; it is never shared with the nominator or nominee."
            disabled={!editable}
          />
        ) : null}
        {editable ? (
          <div className="button-group">
            <SubmitButton name="intent" value="save" secondary>
              Save draft
            </SubmitButton>
            <SubmitButton name="intent" value="submit">
              Submit scores
            </SubmitButton>
          </div>
        ) : null}
      </Form>

      {view.others ? (
        <>
          <h2>Other judges&apos; scores</h2>
          {view.others.length === 0 ? (
            <p>No other judge submitted scores for this nomination.</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Other judges&apos; scores</caption>
              <thead>
                <tr>
                  <th scope="col">Judge</th>
                  <th scope="col">Weighted score</th>
                  <th scope="col">Comment</th>
                </tr>
              </thead>
              <tbody>
                {view.others.map((o) => (
                  <tr key={o.judgeName}>
                    <td>{o.judgeName}</td>
                    <td>{o.score ?? "–"}</td>
                    <td>{o.comment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}

      <h2>A conflict of interest?</h2>
      <p>If you know the nominee or the person who nominated them, tell us and you will not judge this nomination.</p>
      <Link to={`/judge/nominations/${nomination.id}/conflict`} className="button button--secondary">
        I have a conflict
      </Link>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
