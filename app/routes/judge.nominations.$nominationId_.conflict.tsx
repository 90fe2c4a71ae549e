import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/content/site";
import { ErrorSummary, Radios, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";

import { CONFLICT_KIND_KEYS, CONFLICT_KINDS } from "~/domain/judging";
import { declareConflict } from "~/models/conflicts.server";
import { getNominationForJudge } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { parseId } from "~/domain/ids";

const ConflictSchema = z.object({
  kind: z.enum(CONFLICT_KIND_KEYS, { error: "Choose the kind of conflict" }),
  note: z
    .string({ error: "Say briefly what the connection is" })
    .trim()
    .min(1, "Say briefly what the connection is")
    .max(1000, "Keep the note to 1000 characters or fewer"),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Declare a conflict with ${data.nomineeName}` : "Declare a conflict of interest", { context: "Judging" }) },
];

async function load(request: Request, param: string | undefined) {
  const judge = await requireJudge(request);
  const id = parseId(param) ?? 0;
  const view = Number.isInteger(id) && id > 0 ? await getNominationForJudge(judge.id, id) : null;
  if (!view) notFound();
  return { judge, view };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { view } = await load(request, params.nominationId);
  return { id: view.nomination.id, nomineeName: view.nomination.nomineeName };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { judge, view } = await load(request, params.nominationId);
  const submission = parseWithZod(await request.formData(), { schema: ConflictSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const declared = await declareConflict(judge, { nominationId: view.nomination.id, ...submission.value });
  if (!declared) notFound();
  return redirect("/judge?declared=1");
}

export default function DeclareConflict() {
  const { id, nomineeName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "conflict",
    lastResult: actionData?.result,
    constraint: getZodConstraint(ConflictSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConflictSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="prose">
      <p className="caption">
        <Link to="/judge">Judging</Link>
      </p>
      <h1>Declare a conflict with {nomineeName}</h1>
      <p>
        When you declare a conflict, any scores you have given this nomination are set aside (kept for the record, never
        counted), another judge takes your place, and the nomination leaves your list.
      </p>
      <ErrorSummary errors={summariseErrors(form, [fields.kind, fields.note])} />
      <Form method="post" {...getFormProps(form)}>
        <Radios
          field={fields.kind}
          legend="What kind of conflict is it?"
          options={CONFLICT_KIND_KEYS.map((key) => ({ value: key, label: CONFLICT_KINDS[key] }))}
        />
        <TextareaField
          label="Note"
          hint="Say briefly what the connection is. Only the awards team sees it."
          errors={fields.note.errors}
          textareaProps={{ ...getTextareaProps(fields.note), rows: 3 }}
        />
        <SubmitButton>Declare this conflict</SubmitButton>
        <Link to={`/judge/nominations/${id}`} className="button button--secondary">
          Cancel
        </Link>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
