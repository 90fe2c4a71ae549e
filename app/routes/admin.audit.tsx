import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FilterSelect } from "~/components/forms";
import { auditFacets, listAuditEntries } from "~/models/audit-log.server";
import { requireAdmin } from "~/utils/auth.server";
import { formatLondon, parseLondonDateTime } from "~/domain/time";

export const meta: MetaFunction = () => [{ title: "Audit log – Administration – Community Sponsorship Awards" }];

function nextDay(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Reads the filters from the address; anything malformed is ignored rather than refused. */
function filtersFrom(url: URL) {
  const get = (name: string) => (url.searchParams.get(name) ?? "").trim().slice(0, 100);
  const from = /^\d{4}-\d{2}-\d{2}$/.test(get("from")) ? parseLondonDateTime(`${get("from")}T00:00`) : null;
  const toDay = /^\d{4}-\d{2}-\d{2}$/.test(get("to")) ? parseLondonDateTime(`${get("to")}T00:00`) : null;
  return {
    form: { entityType: get("entityType"), entityId: get("entityId"), actor: get("actor"), action: get("action"), from: from ? get("from") : "", to: toDay ? get("to") : "" },
    query: {
      entityType: get("entityType") || undefined,
      entityId: get("entityId") || undefined,
      actor: get("actor") || undefined,
      action: get("action") || undefined,
      from: from ?? undefined,
      // Through the whole of the last day: up to London midnight at its end.
      until: toDay ? parseLondonDateTime(`${nextDay(get("to"))}T00:00`) ?? undefined : undefined,
      page: Math.max(1, Math.min(100_000, Number(url.searchParams.get("page")) || 1)),
    },
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const { form, query } = filtersFrom(url);
  const [{ entries, hasMore }, facets] = await Promise.all([listAuditEntries(query), auditFacets()]);
  return {
    form,
    page: query.page,
    hasMore,
    facets,
    entries: entries.map((e) => ({
      id: e.id,
      at: formatLondon(e.at),
      actor: e.actorLabel,
      action: e.action,
      entity: `${e.entityType}${e.entityId ? ` ${e.entityId}` : ""}`,
      before: e.before == null ? "" : JSON.stringify(e.before, null, 1),
      after: e.after == null ? "" : JSON.stringify(e.after, null, 1),
    })),
  };
}

export default function AuditPage() {
  const { form, page, hasMore, facets, entries } = useLoaderData<typeof loader>();
  const pageLink = (p: number) => `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(form).filter(([, v]) => v)), page: String(p) })}`;
  return (
    <div className="prose wide">
      <h1>Audit log</h1>
      <p>Every change made by an administrator, a judge or the system, newest first. Nobody can edit or delete it.</p>
      <Form method="get" className="filters" aria-label="Filter the audit log">
        <FilterSelect
          id="audit-entity"
          name="entityType"
          label="What changed"
          anyLabel="Anything"
          defaultValue={form.entityType}
          options={facets.entityTypes.map((t) => ({ value: t, label: t }))}
        />
        <Field label="Its number" className="field--short" inputProps={{ id: "audit-entity-id", name: "entityId", defaultValue: form.entityId, inputMode: "numeric" }} />
        <FilterSelect
          id="audit-action"
          name="action"
          label="Action"
          anyLabel="Any action"
          defaultValue={form.action}
          options={facets.actionGroups.map((a) => ({ value: `${a}.`, label: a }))}
        />
        <Field label="Who" inputProps={{ id: "audit-actor", name: "actor", defaultValue: form.actor }} />
        <Field label="From" inputProps={{ id: "audit-from", name: "from", type: "date", defaultValue: form.from }} />
        <Field label="To" inputProps={{ id: "audit-to", name: "to", type: "date", defaultValue: form.to }} />
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </Form>
      {entries.length ? (
        <table className="table audit-table">
          <caption className="visually-hidden">Audit entries, page {page}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>{e.entity}</td>
                <td>{e.before ? <pre className="audit-json">{e.before}</pre> : null}</td>
                <td>{e.after ? <pre className="audit-json">{e.after}</pre> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No entries match.</p>
      )}
      <nav aria-label="Pages" className="pager">
        {page > 1 ? <Link to={pageLink(page - 1)}>Newer entries</Link> : null} {hasMore ? <Link to={pageLink(page + 1)}>Older entries</Link> : null}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
