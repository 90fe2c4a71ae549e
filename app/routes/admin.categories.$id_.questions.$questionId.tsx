import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { QuestionEditor, QuestionSchema } from "~/components/category-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseForm } from "~/components/schema-form";
import { withNotice } from "~/components/notice";
import { editQuestion, getLiveItem } from "~/models/category-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction = () => [{ title: "Edit a question – Administration – Community Sponsorship Awards" }];

async function load(params: { id?: string; questionId?: string }) {
  const found = await getLiveItem(requireId(params.id), "questions", requireId(params.questionId));
  if (!found) notFound("There is no such question in this category.");
  return { category: found.category, question: found.item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return load(params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const { category, question } = await load(params);
  const submission = parseForm(await request.formData(), QuestionSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // A blank Welsh field clears the Welsh.
  const { labelCy, helpCy } = submission.value;
  const { plan } = await editQuestion(question.id, { ...submission.value, labelCy: labelCy ?? null, helpCy: helpCy ?? null }, user);
  return redirect(withNotice(`/admin/categories/${category.id}`, plan === "replace" ? "question-replaced" : "question-saved"));
}

export default function EditQuestion() {
  const { category, question } = useLoaderData<typeof loader>();
  return <QuestionEditor category={category} question={question} lastResult={useActionData<typeof action>()?.result} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
