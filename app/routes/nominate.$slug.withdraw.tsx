import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { JourneyHeading } from "~/components/nomination";
import { canWithdraw } from "~/domain/nomination";
import { type OwnedJourney, requireOwnJourney, withdrawNomination } from "~/models/nomination.server";
import { readNominationToken } from "~/utils/nomination-access.server";
import { statusPath } from "~/utils/nomination-paths";

export const meta: MetaFunction = () => [{ title: "Withdraw your nomination – Community Sponsorship Awards" }];

async function requireWithdrawable(request: Request, slug: string): Promise<OwnedJourney> {
  const journey = await requireOwnJourney(slug, readNominationToken(request, slug));
  if (journey.nomination.status !== "submitted") throw redirect(statusPath(slug));
  return journey;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const journey = await requireWithdrawable(request, params.slug!);
  return {
    category: { slug: journey.category.slug, name: journey.category.name },
    nominee: journey.nomination.nomineeName,
    reference: journey.nomination.reference,
    allowed: canWithdraw(journey.cycle, new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const journey = await requireWithdrawable(request, params.slug!);
  if (!canWithdraw(journey.cycle, new Date())) {
    return data({ error: "Judging has started, so this nomination can no longer be withdrawn." }, { status: 403 });
  }
  await withdrawNomination(journey);
  return redirect(statusPath(journey.category.slug));
}

export default function WithdrawNomination() {
  const { category, nominee, reference, allowed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose">
      <p className="back-link">
        <Link to={statusPath(category.slug)}>Back</Link>
      </p>
      <JourneyHeading category={category.name}>Withdraw your nomination?</JourneyHeading>
      {actionData?.error ? <ErrorSummary errors={[{ message: actionData.error }]} /> : null}
      {allowed ? (
        <>
          <p>
            If you withdraw your nomination of {nominee} (reference {reference}), the judges will not see it. You cannot undo
            this, but you can nominate again while nominations are open.
          </p>
          <Form method="post">
            <button type="submit" className="button button--warning">
              Withdraw nomination
            </button>
          </Form>
          <p>
            <Link to={statusPath(category.slug)}>No, keep my nomination</Link>
          </p>
        </>
      ) : (
        <p>Judging has started, so this nomination can no longer be withdrawn.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
