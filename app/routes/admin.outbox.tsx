import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EMAIL_STATUSES } from "~/domain/vocabulary";
import { Notice, withNotice } from "~/components/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { listOutbox, retryEmail } from "~/models/outbox.server";
import { requireAdmin } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { formatLondon } from "~/domain/time";
import { parseId } from "~/domain/ids";

export const meta: MetaFunction = () => [{ title: "Outbox – Administration – Community Sponsorship Awards" }];

const STATUS_TEXT: Record<(typeof EMAIL_STATUSES)[number], string> = { pending: "Waiting", sending: "Sending", sent: "Sent", failed: "Failed" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const status = EMAIL_STATUSES.find((s) => s === url.searchParams.get("status"));
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const outbox = await listOutbox({ status, page });
  return {
    status: status ?? null,
    page,
    hasMore: outbox.hasMore,
    counts: outbox.counts,
    mailConfigured: getEnv().mailConfigured,
    emails: outbox.emails.map((e) => ({
      ...e,
      createdAt: formatLondon(e.createdAt),
      sentAt: e.sentAt ? formatLondon(e.sentAt) : null,
      nextAttemptAt: formatLondon(e.nextAttemptAt),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const id = parseId((await request.formData()).get("emailId")) ?? 0;
  if (!Number.isInteger(id) || !(await retryEmail(id, user))) {
    return data({ error: "Only a failed email can be retried, and this one is not failed any more." }, { status: 409 });
  }
  return redirect(withNotice("/admin/outbox?status=pending", "retried"));
}

export default function OutboxPage() {
  const { status, page, hasMore, counts, emails, mailConfigured } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pageLink = (p: number) => `/admin/outbox?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <div className="prose wide">
      <h1>Outbox</h1>
      <Notice />
      <ErrorSummary errors={actionData?.error ? [{ message: actionData.error }] : []} />
      <p>
        Every email the portal writes, newest first.{" "}
        {mailConfigured ? "Emails are sent through Resend, with retries." : "No mail provider is configured, so emails wait here unsent."}
      </p>
      <nav aria-label="Emails by status">
        <ul className="counts">
          <li>
            {status ? <Link to="/admin/outbox">All</Link> : <strong aria-current="page">All</strong>}
          </li>
          {EMAIL_STATUSES.map((s) => (
            <li key={s}>
              {status === s ? (
                <strong aria-current="page">
                  {STATUS_TEXT[s]} ({counts[s] ?? 0})
                </strong>
              ) : (
                <Link to={`/admin/outbox?status=${s}`}>
                  {STATUS_TEXT[s]} ({counts[s] ?? 0})
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {emails.length ? (
        <table className="table">
          <caption className="visually-hidden">Emails{status ? `: ${STATUS_TEXT[status]}` : ""}, page {page}</caption>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Written</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.id}>
                <td>{e.to}</td>
                <td>
                  {e.subject}
                  <div className="card__meta">{e.template}</div>
                </td>
                <td>
                  {STATUS_TEXT[e.status]}
                  {e.sentAt ? <div className="card__meta">{e.sentAt}</div> : null}
                  {e.status === "pending" && e.attempts > 0 ? <div className="card__meta">next try {e.nextAttemptAt}</div> : null}
                  {e.lastError && e.status !== "sent" ? <div className="card__meta">{e.lastError}</div> : null}
                  {e.status === "failed" ? (
                    <Form method="post">
                      <input type="hidden" name="emailId" value={e.id} />
                      <button type="submit" className="link-button">
                        Retry<span className="visually-hidden">: {e.subject} to {e.to}</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
                <td>{e.attempts}</td>
                <td>{e.createdAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No emails.</p>
      )}
      <nav aria-label="Pages" className="pager">
        {page > 1 ? <Link to={pageLink(page - 1)}>Newer emails</Link> : null} {hasMore ? <Link to={pageLink(page + 1)}>Older emails</Link> : null}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
