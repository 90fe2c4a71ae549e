import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { withNotice } from "~/components/notice";
import { QuestionFields, QuestionSchema } from "~/components/category-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { editQuestion, getCategoryForEditing } from "~/models/category-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { parseId } from "~/domain/ids";

export const meta: MetaFunction = () => [{ title: "Edit a question – Administration – Community Sponsorship Awards" }];

async function load(params: { id?: string; questionId?: string }) {
  const editing = await getCategoryForEditing(parseId(params.id) ?? 0);
  const question = editing?.questions.find((q) => q.id === (parseId(params.questionId) ?? 0) && !q.retiredAt);
  if (!editing || !question) notFound("There is no such question in this category.");
  return { category: editing.category, question };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { category, question } = await load(params);
  return { category: { id: category.id, name: category.name }, question };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const { category, question } = await load(params);
  const submission = parseWithZod(await request.formData(), { schema: QuestionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { plan } = await editQuestion(
    question.id,
    // A blank Welsh field clears the Welsh.
    { ...submission.value, labelCy: submission.value.labelCy ?? null, helpCy: submission.value.helpCy ?? null },
    user,
  );
  return redirect(withNotice(`/admin/categories/${category.id}`, plan === "replace" ? "question-replaced" : "question-saved"));
}

export default function EditQuestion() {
  const { category, question } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "question",
    lastResult: actionData?.result,
    constraint: getZodConstraint(QuestionSchema),
    defaultValue: {
      label: question.label,
      labelCy: question.labelCy ?? "",
      help: question.help,
      helpCy: question.helpCy ?? "",
      wordLimit: String(question.wordLimit),
      required: question.required ? "on" : undefined,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: QuestionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="prose">
      <p className="caption">
        <Link to={`/admin/categories/${category.id}`}>{category.name}</Link>
      </p>
      <h1>Edit a question</h1>
      <ErrorSummary errors={summariseErrors(form, [fields.label, fields.labelCy, fields.help, fields.helpCy, fields.wordLimit])} />
      {question.answers > 0 ? (
        <p className="panel-box">
          This question has {question.answers} {question.answers === 1 ? "answer" : "answers"}. Changing its wording or word
          limit retires it, keeping those answers with the words they were written for, and adds the new wording in its
          place. Help text and whether it is required change in place.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <QuestionFields fields={fields} />
        <SubmitButton>Save the question</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
