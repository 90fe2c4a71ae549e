import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton } from "~/components/forms";
import { readDirectoryCsv } from "~/domain/campaign";
import { parseCsv } from "~/domain/csv";
import { directoryStatus, importDirectory } from "~/models/mp-directory.server";
import { requireAdmin } from "~/utils/auth.server";
import { formatLondon } from "~/domain/time";

export const meta: MetaFunction = () => [{ title: "The MP directory – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const status = await directoryStatus();
  return { ...status, refreshedAt: status.refreshedAt ? formatLondon(status.refreshedAt) : null, sample: status.sample.map((e) => ({ constituency: e.constituency, name: e.name, party: e.party, email: e.email })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const form = await request.formData();
  const file = form.get("directory");
  if (!(file instanceof File) || file.size === 0) return data({ problems: ["Choose a CSV file to import"] }, { status: 400 });
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await file.arrayBuffer());
  const { rows, problems } = readDirectoryCsv(parseCsv(text.replace(/\r?\n/g, "\r\n")));
  if (problems.length) return data({ problems: problems.slice(0, 20) }, { status: 400 });
  const counts = await importDirectory(rows, user);
  return redirect(`/admin/campaigns/directory?imported=${counts.after}`);
}

export default function MpDirectory() {
  const status = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="prose wide">
      <p className="back-link">
        <Link to="/admin/campaigns">All campaigns</Link>
      </p>
      <h1>The MP directory</h1>
      {params.get("imported") ? (
        <div className="notice" role="status">
          <p>The directory now holds {params.get("imported")} MPs from your file.</p>
        </div>
      ) : null}
      <ErrorSummary errors={(actionData?.problems ?? []).map((message) => ({ fieldId: "directory", message }))} />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>MPs held</dt>
          <dd>
            {status.entries} {status.sources.length ? `(${status.sources.join(", ")})` : ""}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Last updated</dt>
          <dd>{status.refreshedAt ?? "Never"}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Daily refresh from the Members API</dt>
          <dd>
            {status.live.membersApi
              ? status.lastJob
                ? `${status.lastJob.key}: ${status.lastJob.status}${status.lastJob.lastError ? ` (${status.lastJob.lastError}; the previous directory is kept)` : ""}`
                : "Not run yet"
              : "Off: MEMBERS_API_BASE_URL is not set"}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Postcode look-ups (postcodes.io)</dt>
          <dd>{status.live.postcodesIo ? "On" : "Off: POSTCODES_IO_BASE_URL is not set, so only stored postcodes are known"}</dd>
        </div>
      </dl>
      <h2>Import from a CSV file</h2>
      <p>The file replaces the whole directory. Its first row names the columns: constituency, name, party, email, and optionally photo_url.</p>
      <Form method="post" encType="multipart/form-data">
        <Field label="Directory (CSV)" errors={actionData?.problems} inputProps={{ id: "directory", name: "directory", type: "file", accept: ".csv,text/csv" }} />
        <SubmitButton>Import</SubmitButton>
      </Form>
      <h2>First 50 entries</h2>
      <table className="table">
        <caption className="visually-hidden">MP directory</caption>
        <thead>
          <tr>
            <th scope="col">Constituency</th>
            <th scope="col">MP</th>
            <th scope="col">Party</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          {status.sample.map((e) => (
            <tr key={e.constituency}>
              <td>{e.constituency}</td>
              <td>{e.name}</td>
              <td>{e.party}</td>
              <td>{e.email ?? "none"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
