import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CriterionEditor, CriterionSchema } from "~/components/category-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseForm } from "~/components/schema-form";
import { withNotice } from "~/components/notice";
import { editCriterion, getLiveItem } from "~/models/category-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction = () => [{ title: "Edit a criterion – Administration – Community Sponsorship Awards" }];

async function load(params: { id?: string; criterionId?: string }) {
  const found = await getLiveItem(requireId(params.id), "criteria", requireId(params.criterionId));
  if (!found) notFound("There is no such criterion in this category.");
  return { category: found.category, criterion: found.item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return load(params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const { category, criterion } = await load(params);
  const submission = parseForm(await request.formData(), CriterionSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { plan } = await editCriterion(criterion.id, submission.value, user);
  return redirect(withNotice(`/admin/categories/${category.id}`, plan === "replace" ? "criterion-replaced" : "criterion-saved"));
}

export default function EditCriterion() {
  const { category, criterion } = useLoaderData<typeof loader>();
  return <CriterionEditor category={category} criterion={criterion} lastResult={useActionData<typeof action>()?.result} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
