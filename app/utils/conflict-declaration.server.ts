/**
 * THE action behind the conflict declaration form (ConflictDeclarationForm in
 * app/components/judging.tsx), for every page a judge declares from: the form parsed with its
 * schema, a page's refusal, the declaration, and the redirect with its notice. The page gives
 * `declare`, which calls the one model function (`declareConflict` in
 * app/models/conflicts.server.ts, where the conflict rule holds) with the page's own limits.
 */
import { data, redirect } from "@remix-run/node";
import { parseForm } from "~/components/schema-form";
import { DeclareSchema } from "~/domain/judging-forms";

type Declaration = { nominationId: number; kind: string; note: string };

export async function declareConflictAction(
  formData: FormData,
  {
    declare,
    nominationId: only,
    refusal,
    redirectTo,
  }: {
    /** Records the declaration; false when the judge cannot declare on that nomination. */
    declare: (declaration: Declaration) => Promise<boolean>;
    /** A page about one nomination: that one, whatever the form says. */
    nominationId?: number;
    /** Why this page cannot take a declaration now, if it cannot. */
    refusal?: string | null;
    redirectTo: string;
  },
) {
  if (only !== undefined) {
    formData.set("intent", "declare");
    formData.set("nominationId", String(only));
  }
  const submission = parseForm(formData, DeclareSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (refusal) return data({ result: submission.reply({ formErrors: [refusal] }) }, { status: 400 });
  const { nominationId, kind, note } = submission.value;
  if (!(await declare({ nominationId, kind, note }))) {
    return data({ result: submission.reply({ fieldErrors: { nominationId: ["Choose a nomination from the list"] } }) }, { status: 400 });
  }
  return redirect(redirectTo);
}
