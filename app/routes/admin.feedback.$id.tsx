import { getFormProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Checkbox, ErrorSummary, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { Notice, withNotice } from "~/components/notice";
import { formatLondon } from "~/domain/time";
import { getFeedbackForReview, releaseFeedback, saveFeedback, type FeedbackEdit } from "~/models/feedback.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

/** One schema per nomination's comments, for the browser and the server: a kept comment needs words. */
export function feedbackSchema(scoreIds: number[]) {
  const shape: Record<string, z.ZodType> = { intent: z.enum(["save", "release"]) };
  for (const id of scoreIds) {
    shape[`text-${id}`] = z.string().trim().max(5000, "Keep the comment to 5000 characters or fewer").optional();
    shape[`excluded-${id}`] = z.boolean().default(false);
  }
  return z.object(shape).superRefine((value, ctx) => {
    for (const id of scoreIds) {
      if (!value[`excluded-${id}`] && !value[`text-${id}`]) {
        ctx.addIssue({ code: "custom", path: [`text-${id}`], message: "Write the comment, or leave it out" });
      }
    }
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Feedback: ${data?.nomination.nomineeName ?? "nomination"} – Administration – Community Sponsorship Awards` },
];

const AUDIENCES = { nominator: "the nominator", nominee: "the nominee", guardian: "the nominee's parent or guardian" } as const;

/** The review, or the model's refusal as the page's answer: not found, or not before the winners are public. */
async function review(params: { id?: string }) {
  const view = await getFeedbackForReview(requireId(params.id, "We could not find that nomination."));
  if (!view) notFound("We could not find that nomination.");
  if (!view.ok) throw new Response(view.message, { status: view.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return view;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const view = await review(params);
  return {
    ...view,
    recipients: view.recipients.map((r) => AUDIENCES[r]),
    released: view.released ? { at: formatLondon(view.released.at), comments: view.released.comments } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const view = await review(params);
  const scoreIds = view.comments.map((c) => c.scoreId);
  const submission = parseForm(await request.formData(), feedbackSchema(scoreIds));
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const value = submission.value as Record<string, unknown>;
  const edits: FeedbackEdit[] = scoreIds.map((id) => ({
    scoreId: id,
    text: typeof value[`text-${id}`] === "string" ? (value[`text-${id}`] as string) : "",
    excluded: value[`excluded-${id}`] === true,
  }));
  const outcome = value.intent === "release" ? await releaseFeedback(admin, view.nomination.id, edits) : await saveFeedback(admin, view.nomination.id, edits);
  if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.message] }) }, { status: outcome.status });
  const notice = value.intent === "release" ? (outcome.alreadyReleased ? "feedback-already-released" : "feedback-released") : "feedback-saved";
  return redirect(withNotice(`/admin/feedback/${view.nomination.id}`, notice));
}

export default function FeedbackReview() {
  const { nomination, comments, recipients, released } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = feedbackSchema(comments.map((c) => c.scoreId));
  const [form, fields] = useSchemaForm({
    id: "feedback",
    schema,
    lastResult: actionData?.result,
    defaultValue: Object.fromEntries(
      comments.flatMap((c) => [
        [`text-${c.scoreId}`, c.text],
        [`excluded-${c.scoreId}`, c.excluded ? "on" : undefined],
      ]),
    ),
  });
  const field = (name: string) => fields[name as keyof typeof fields];

  return (
    <div className="prose">
      <p className="caption">
        <Link to={`/admin/feedback?year=${nomination.year}`}>Feedback to nominees {nomination.year}</Link> · {nomination.category}
      </p>
      <h1>Feedback: {nomination.nomineeName}</h1>
      <Notice />
      <p>
        {nomination.reference}. The email goes to {recipients.length ? recipients.join(" and ") : "nobody: there is no contact"}.
        {nomination.language === "cy" ? " They chose Welsh." : null}
      </p>

      {released ? (
        <>
          <h2>Released on {released.at}</h2>
          <p>These comments were sent. Released feedback cannot change.</p>
          <ul>
            {released.comments.map((c, i) => (
              <li key={i} className="answer">
                {c}
              </li>
            ))}
          </ul>
        </>
      ) : comments.length === 0 ? (
        <p>No judge left a comment that may be shared on this nomination, so there is nothing to release.</p>
      ) : (
        <>
          <p>
            Judges&apos; names are never shown or sent. Edit each comment so it reads well to the nominee and names no judge;
            leave out any that should not be sent. Private comments are not listed.
          </p>
          <ErrorSummary errors={summariseErrors(form.errors, comments.map((c) => field(`text-${c.scoreId}`)))} />
          <Form method="post" {...getFormProps(form)}>
            {comments.map((c, i) => {
              const text = field(`text-${c.scoreId}`);
              const excluded = field(`excluded-${c.scoreId}`);
              return (
                <fieldset className="fieldset" key={c.scoreId}>
                  <legend className="field__label">Comment {i + 1}</legend>
                  <TextareaField
                    label={`Comment ${i + 1} as it will be sent`}
                    hint={c.text !== c.original ? `Edited. As the judge wrote it: “${c.original}”` : undefined}
                    errors={text.errors}
                    textareaProps={{ ...getTextareaProps(text), rows: 5 }}
                  />
                  <Checkbox field={excluded} label={`Leave comment ${i + 1} out`} />
                </fieldset>
              );
            })}
            <div className="button-group">
              <SubmitButton name="intent" value="save" secondary>
                Save changes
              </SubmitButton>
              <SubmitButton name="intent" value="release">
                Release the feedback
              </SubmitButton>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
