import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ConflictDeclarationForm } from "~/components/judging";
import { withNotice } from "~/components/notice";
import { pageTitle } from "~/content/site";
import { declareConflict } from "~/models/conflicts.server";
import { getNominationForJudge } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { declareConflictAction } from "~/utils/conflict-declaration.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Declare a conflict with ${data.nomineeName}` : "Declare a conflict of interest", { context: "Judging" }) },
];

async function load(request: Request, param: string | undefined) {
  const judge = await requireJudge(request);
  return { judge, view: (await getNominationForJudge(judge.id, requireId(param))) ?? notFound() };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { view } = await load(request, params.nominationId);
  return { id: view.nomination.id, nomineeName: view.nomination.nomineeName };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { judge, view } = await load(request, params.nominationId);
  return declareConflictAction(await request.formData(), {
    nominationId: view.nomination.id,
    // One the judge can no longer declare on is not found, like the page.
    declare: async (d) => (await declareConflict(judge, d)) || notFound(),
    redirectTo: withNotice("/judge", "conflict-declared"),
  });
}

export default function DeclareConflict() {
  const { id, nomineeName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      <ConflictDeclarationForm
        lastResult={actionData?.result}
        nominationId={id}
        noteHint="Say briefly what the connection is. Only the awards team sees it."
        cancelTo={`/judge/nominations/${id}`}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
