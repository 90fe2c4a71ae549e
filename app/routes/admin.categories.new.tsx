import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { withNotice } from "~/components/notice";
import { CategoryFields, CategorySchema } from "~/components/category-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { createCategory, slugTaken } from "~/models/category-setup.server";
import { cycleByYearOrCurrent } from "~/models/cycle-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { yearParam } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction = () => [{ title: "Add a category – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await cycleByYearOrCurrent(yearParam(request));
  if (!cycle) notFound("There is no cycle to add a category to.");
  return { year: cycle.year };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const cycle = await cycleByYearOrCurrent(yearParam(request));
  if (!cycle) notFound("There is no cycle to add a category to.");
  const submission = parseForm(await request.formData(), CategorySchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (await slugTaken(cycle.id, submission.value.slug)) {
    return data({ result: submission.reply({ fieldErrors: { slug: ["Another category of this cycle already uses that web address"] } }) }, { status: 400 });
  }
  const { sponsor, nameCy, descriptionCy, eligibilityCy, sponsorCy, ...rest } = submission.value;
  const welsh = { nameCy: nameCy ?? null, descriptionCy: descriptionCy ?? null, eligibilityCy: eligibilityCy ?? null, sponsorCy: sponsorCy ?? null };
  const category = await createCategory(cycle.id, { ...rest, sponsor: sponsor || null, ...welsh }, user);
  return redirect(withNotice(`/admin/categories/${category.id}`, "category-created"));
}

export default function NewCategory() {
  const { year } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm({
    id: "category",
    schema: CategorySchema,
    lastResult: actionData?.result,
    defaultValue: { shortlistSize: "3", judgesPerNomination: "3", nomineeTypes: [] },
  });
  return (
    <div className="prose">
      <p className="caption">Cycle {year}</p>
      <h1>Add a category</h1>
      <ErrorSummary
        errors={summariseErrors(form, [
          fields.name,
          fields.nameCy,
          fields.slug,
          fields.description,
          fields.descriptionCy,
          fields.eligibility,
          fields.eligibilityCy,
          fields.nomineeTypes,
          fields.sponsor,
          fields.sponsorCy,
          fields.shortlistSize,
          fields.judgesPerNomination,
        ])}
      />
      <Form method="post" {...getFormProps(form)}>
        <CategoryFields fields={fields} />
        <SubmitButton>Add the category</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
