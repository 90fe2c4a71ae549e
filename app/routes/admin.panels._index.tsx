import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CycleSwitcher } from "~/components/admin";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { cycleByYearOrCurrent, listCycles } from "~/models/cycle-setup.server";
import { panelSummaries } from "~/models/people-admin.server";
import { requireAdmin } from "~/utils/auth.server";
import { yearParam } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Panels – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await cycleByYearOrCurrent(yearParam(request));
  if (!cycle) return { cycle: null, cycles: [], panels: [] };
  const [cycles, panels] = await Promise.all([listCycles(), panelSummaries(cycle.id)]);
  return { cycle: { year: cycle.year }, cycles: cycles.map((c) => ({ year: c.year })), panels };
}

export default function PanelsPage() {
  const { cycle, cycles, panels } = useLoaderData<typeof loader>();
  return (
    <div className="prose wide">
      <p className="caption">
        <Link to="/admin/people">People &amp; panels</Link>
      </p>
      <h1>Panels{cycle ? ` for ${cycle.year}` : ""}</h1>
      {cycle ? <CycleSwitcher cycles={cycles} current={cycle.year} path="/admin/panels" /> : null}
      {panels.length ? (
        <table className="table">
          <caption className="visually-hidden">One panel per category</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Judges</th>
              <th scope="col">Chair</th>
            </tr>
          </thead>
          <tbody>
            {panels.map((p) => (
              <tr key={p.categoryId}>
                <td>
                  <Link to={`/admin/panels/${p.categoryId}`}>{p.categoryName}</Link>
                </td>
                <td>{p.members}</td>
                <td>{p.chair ?? "none yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>There are no categories in this cycle.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
