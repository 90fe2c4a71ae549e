import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { withNotice } from "~/components/notice";
import { CriterionFields, CriterionSchema } from "~/components/category-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { editCriterion, getCategoryForEditing } from "~/models/category-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { parseId } from "~/domain/ids";

export const meta: MetaFunction = () => [{ title: "Edit a criterion – Administration – Community Sponsorship Awards" }];

async function load(params: { id?: string; criterionId?: string }) {
  const editing = await getCategoryForEditing(parseId(params.id) ?? 0);
  const criterion = editing?.criteria.find((c) => c.id === (parseId(params.criterionId) ?? 0) && !c.retiredAt);
  if (!editing || !criterion) notFound("There is no such criterion in this category.");
  return { category: editing.category, criterion };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { category, criterion } = await load(params);
  return { category: { id: category.id, name: category.name }, criterion };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const { category, criterion } = await load(params);
  const submission = parseWithZod(await request.formData(), { schema: CriterionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { plan } = await editCriterion(criterion.id, submission.value, user);
  return redirect(withNotice(`/admin/categories/${category.id}`, plan === "replace" ? "criterion-replaced" : "criterion-saved"));
}

export default function EditCriterion() {
  const { category, criterion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "criterion",
    lastResult: actionData?.result,
    constraint: getZodConstraint(CriterionSchema),
    defaultValue: { name: criterion.name, guidance: criterion.guidance, weight: String(criterion.weight) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CriterionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="prose">
      <p className="caption">
        <Link to={`/admin/categories/${category.id}`}>{category.name}</Link>
      </p>
      <h1>Edit a criterion</h1>
      <ErrorSummary errors={summariseErrors(form, [fields.name, fields.guidance, fields.weight])} />
      {criterion.scored ? (
        <p className="panel-box">
          Judges have scored this criterion. Changing it retires it, keeping their scores with the criterion they scored,
          and adds the new version in its place.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <CriterionFields fields={fields} />
        <SubmitButton>Save the criterion</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
