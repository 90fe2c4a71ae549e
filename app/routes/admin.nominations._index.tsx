import { getCollectionProps, getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NOMINATION_STATUSES, type NominationStatus } from "~/domain/vocabulary";
import { CycleSwitcher, STATUS_LABELS } from "~/components/admin";
import { decisionSchema, EligibilityDecisionFields } from "~/components/eligibility-decision";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, ErrorSummary, FilterSelect, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { Notice } from "~/components/notice";
import { listCategories } from "~/models/category-setup.server";
import { cycleByYearOrCurrent, listCycles } from "~/models/cycle-setup.server";
import { decideEligibility, listNominations } from "~/models/nomination-review.server";
import { requireAdmin } from "~/utils/auth.server";
import { numberParam, yearParam } from "~/utils/params.server";
import { formatLondonDate } from "~/domain/time";
import { MAX_ID } from "~/domain/ids";

const DecisionSchema = decisionSchema(
  { ids: z.array(z.number().int().min(1).max(MAX_ID), { error: "Choose at least one nomination" }).min(1, "Choose at least one nomination") },
  "Give the reason they are ineligible",
);

export const meta: MetaFunction = () => [{ title: "Nominations – Administration – Community Sponsorship Awards" }];

function filtersFrom(url: URL) {
  const categoryId = numberParam(url, "category") ?? undefined;
  const status = NOMINATION_STATUSES.find((s) => s === url.searchParams.get("status"));
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  return { categoryId, status, q };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await cycleByYearOrCurrent(yearParam(request));
  if (!cycle) return { cycle: null, cycles: [], categories: [], filters: { q: "" }, rows: [], counts: {} as Partial<Record<NominationStatus, number>> };
  const filters = filtersFrom(new URL(request.url));
  const [cycles, categories, list] = await Promise.all([listCycles(), listCategories(cycle.id), listNominations(cycle.id, filters)]);
  return {
    cycle: { year: cycle.year },
    cycles: cycles.map((c) => ({ year: c.year })),
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    filters,
    rows: list.rows.map((r) => ({ ...r, submittedAt: r.submittedAt ? formatLondonDate(r.submittedAt) : "" })),
    counts: list.counts,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const submission = parseForm(await request.formData(), DecisionSchema);
  if (submission.status !== "success") return data({ result: submission.reply(), decided: null }, { status: 400 });
  const { ids, decision, reason, shareReason } = submission.value;
  const result = await decideEligibility(ids, decision, reason ?? "", user, { shareReason });
  if (result.skipped.length) {
    return data(
      { result: submission.reply({ formErrors: result.skipped.map((s) => `Not changed: ${s}`) }), decided: result.decided.length ? { decision, references: result.decided } : null },
      { status: result.decided.length ? 200 : 409 },
    );
  }
  // The selection is cleared (resetForm) so the next decision starts from nothing ticked.
  return data({ result: submission.reply({ resetForm: true }), decided: { decision, references: result.decided } });
}

export default function NominationsPage() {
  const { cycle, cycles, categories, filters, rows, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm({ id: "eligibility", schema: DecisionSchema, lastResult: actionData?.result });
  if (!cycle) {
    return (
      <div className="prose">
        <h1>Nominations</h1>
        <p>There is no cycle yet.</p>
      </div>
    );
  }
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const exportQuery = new URLSearchParams({ year: String(cycle.year), ...(filters.categoryId ? { category: String(filters.categoryId) } : {}) });
  const checkboxes = getCollectionProps(fields.ids, { type: "checkbox", options: rows.map((r) => String(r.id)) });
  const idsErrorId = fields.ids.errors ? `${fields.ids.id}-error` : undefined;
  return (
    <div className="prose wide">
      <p className="caption">Cycle {cycle.year}</p>
      <h1>Nominations</h1>
      <Notice />
      {actionData?.decided ? (
        <div className="notice" role="status">
          <p>
            Marked {actionData.decided.decision}: {actionData.decided.references.join(", ")}.
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={summariseErrors(form, [fields.ids, fields.decision, fields.reason])} />
      <CycleSwitcher cycles={cycles} current={cycle.year} path="/admin/nominations" />

      <Form method="get" className="filters" aria-label="Filter the nominations">
        <input type="hidden" name="year" value={cycle.year} />
        <FilterSelect
          id="filter-category"
          name="category"
          label="Category"
          anyLabel="All categories"
          defaultValue={filters.categoryId ? String(filters.categoryId) : ""}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <FilterSelect
          id="filter-status"
          name="status"
          label="Status"
          anyLabel="Any status"
          defaultValue={filters.status ?? ""}
          options={NOMINATION_STATUSES.map((s) => ({ value: s, label: `${STATUS_LABELS[s]} (${counts[s] ?? 0})` }))}
        />
        <div className="field">
          <label htmlFor="filter-q" className="field__label">
            Search
          </label>
          <input id="filter-q" name="q" type="search" className="input" defaultValue={filters.q} />
        </div>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </Form>

      <ul className="counts" aria-label="Nominations by status">
        <li>
          <strong>{total}</strong> in all
        </li>
        {NOMINATION_STATUSES.filter((s) => counts[s]).map((s) => (
          <li key={s}>
            {STATUS_LABELS[s]}: <strong>{counts[s]}</strong>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/admin/nominations/export?${exportQuery}`} download>
          Download {filters.categoryId ? "this category" : "the whole cycle"} as a spreadsheet (CSV)
        </a>{" "}
        · <Link to={`/admin/nominations/duplicates?year=${cycle.year}`}>Possible duplicates</Link>
      </p>

      <Form method="post" {...getFormProps(form)}>
        <div className={`field${idsErrorId ? " field--error" : ""}`} id={fields.ids.id} tabIndex={-1}>
          <ErrorList id={idsErrorId} errors={fields.ids.errors} />
          <table className="table">
            <caption className="visually-hidden">
              Nominations{filters.status ? ` with status ${STATUS_LABELS[filters.status]}` : ""}: {rows.length} shown
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Select</span>
                </th>
                <th scope="col">Reference</th>
                <th scope="col">Nominee</th>
                <th scope="col">Category</th>
                <th scope="col">Status</th>
                <th scope="col">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.id}>
                  <td>
                    <input {...checkboxes[i]} key={checkboxes[i].key} aria-label={`Select ${r.reference}`} />
                  </td>
                  <td>
                    <Link to={`/admin/nominations/${r.id}`}>{r.reference}</Link>
                  </td>
                  <td>
                    {r.nomineeName || <em>no name yet</em>}
                    {r.nomineeOrganisation ? <div className="card__meta">{r.nomineeOrganisation}</div> : null}
                  </td>
                  <td>{r.categoryName}</td>
                  <td>
                    {STATUS_LABELS[r.status]}
                    {r.mergedIntoId ? <div className="card__meta">merged</div> : null}
                    {r.ineligibleReason ? <div className="card__meta">{r.ineligibleReason}</div> : null}
                  </td>
                  <td>{r.submittedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 0 ? <p>No nominations match.</p> : null}

        <div className="panel-box">
          <EligibilityDecisionFields
            fields={fields}
            legend="Eligibility decision for the selected nominations"
            reasonHint="Needed when they are ineligible. Kept with the nomination and in the audit log."
          />
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
