import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { effectivePhase, PHASE_LABELS } from "~/domain/phases";
import { countNominations, getCurrentCycle, listActiveCategories } from "~/models/cycle.server";
import { requireAdmin } from "~/utils/auth.server";
import { formatLondon } from "~/domain/time";

export const meta: MetaFunction = () => [{ title: "Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAdmin(request);
  const cycle = await getCurrentCycle();
  const categories = cycle ? await listActiveCategories(cycle.id) : [];
  const nominations = cycle ? await countNominations(cycle.id) : 0;
  return {
    name: user.name,
    cycle: cycle && {
      year: cycle.year,
      phase: PHASE_LABELS[effectivePhase(cycle, new Date())],
      closes: formatLondon(cycle.nominationsCloseAt),
    },
    categories: categories.length,
    nominations,
  };
}

export default function AdminHome() {
  const { name, cycle, categories, nominations } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <p className="caption">Administration</p>
      <h1>Welcome, {name}</h1>
      {cycle ? (
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Cycle</dt>
            <dd>{cycle.year}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Phase</dt>
            <dd>{cycle.phase}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Nominations close</dt>
            <dd>{cycle.closes}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Categories</dt>
            <dd>{categories}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Nominations</dt>
            <dd>{nominations}</dd>
          </div>
        </dl>
      ) : (
        <p>There is no awards cycle yet.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
