import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CycleSwitcher, STATUS_LABELS } from "~/components/admin";
import { Notice, withNotice } from "~/components/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { parseForm } from "~/components/schema-form";
import { cycleByYearOrCurrent, listCycles } from "~/models/cycle-setup.server";
import { listDuplicateGroups, mergeNominations } from "~/models/nomination-review.server";
import { requireAdmin } from "~/utils/auth.server";
import { yearParam } from "~/utils/params.server";
import { formatLondonDate } from "~/domain/time";
import { MAX_ID } from "~/domain/ids";

const MergeSchema = z.object({
  primaryId: z.number({ error: "Choose which entry to keep" }).int().min(1).max(MAX_ID),
  ids: z.array(z.number().int().min(1).max(MAX_ID)).min(2, "Choose at least two nominations to merge"),
  group: z.string().optional(),
});

export const meta: MetaFunction = () => [{ title: "Possible duplicates – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await cycleByYearOrCurrent(yearParam(request));
  if (!cycle) return { cycle: null, cycles: [], groups: [] };
  const [cycles, groups] = await Promise.all([listCycles(), listDuplicateGroups(cycle.id)]);
  return {
    cycle: { year: cycle.year },
    cycles: cycles.map((c) => ({ year: c.year })),
    groups: groups.map((g) => g.map((n) => ({ ...n, submittedAt: n.submittedAt ? formatLondonDate(n.submittedAt) : "" }))),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseForm(formData, MergeSchema);
  // The group's table is where the summary's message links to.
  const group = String(formData.get("group") ?? "");
  if (submission.status !== "success") return data({ group, error: Object.values(submission.error ?? {}).flat()[0] ?? "" }, { status: 400 });
  const { primaryId, ids } = submission.value;
  const merged = await mergeNominations(primaryId, ids, user);
  if (!merged.ok) return data({ group, error: merged.message }, { status: 409 });
  return redirect(withNotice(`/admin/nominations/${primaryId}`, "merged"));
}

export default function DuplicatesPage() {
  const { cycle, cycles, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!cycle) {
    return (
      <div className="prose">
        <h1>Possible duplicates</h1>
        <p>There is no cycle yet.</p>
      </div>
    );
  }
  return (
    <div className="prose wide">
      <p className="caption">
        <Link to={`/admin/nominations?year=${cycle.year}`}>Nominations of {cycle.year}</Link>
      </p>
      <h1>Possible duplicates</h1>
      <Notice />
      <ErrorSummary errors={actionData?.error ? [{ fieldId: `group-${actionData.group}`, message: actionData.error }] : []} />
      <CycleSwitcher cycles={cycles} current={cycle.year} path="/admin/nominations/duplicates" />
      <p>
        These nominations name the same nominee in the same category. Merging keeps one entry; the others&rsquo;
        statements and files stay attached to it as further support, and judges see them all.
      </p>
      {groups.length === 0 ? <p>There are no possible duplicates.</p> : null}
      {groups.map((group, g) => {
        const key = group.map((n) => n.id).join("-");
        return (
          <section key={key} className="card duplicate-group" aria-labelledby={`group-${key}-heading`}>
            <h2 id={`group-${key}-heading`}>
              {group[0].nomineeName} <span className="card__meta">in {group[0].categoryName}</span>
            </h2>
            <Form method="post">
              <input type="hidden" name="group" value={key} />
              <table className="table" id={`group-${key}`} tabIndex={-1}>
                <caption className="visually-hidden">Nominations in group {g + 1}</caption>
                <thead>
                  <tr>
                    <th scope="col">Merge</th>
                    <th scope="col">Keep as the entry</th>
                    <th scope="col">Reference</th>
                    <th scope="col">Nominator</th>
                    <th scope="col">Status</th>
                    <th scope="col">Submitted</th>
                  </tr>
                </thead>
                <tbody>
                  {group.map((n, i) => (
                    <tr key={n.id}>
                      <td>
                        <input type="checkbox" name="ids" value={n.id} defaultChecked id={`merge-${n.id}`} aria-label={`Merge ${n.reference}`} />
                      </td>
                      <td>
                        <input type="radio" name="primaryId" value={n.id} defaultChecked={i === 0} id={`keep-${n.id}`} aria-label={`Keep ${n.reference} as the entry`} />
                      </td>
                      <td>
                        <Link to={`/admin/nominations/${n.id}`}>{n.reference}</Link>
                      </td>
                      <td>{n.nominatorName}</td>
                      <td>{STATUS_LABELS[n.status]}</td>
                      <td>{n.submittedAt}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="submit" className="button">
                Merge into one entry<span className="visually-hidden">: {group[0].nomineeName}</span>
              </button>
            </Form>
          </section>
        );
      })}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
