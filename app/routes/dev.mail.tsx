import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listRecentEmails } from "~/models/outbox.server";
import { assertDevMailEnabled } from "~/utils/dev-mail.server";
import { formatLondon } from "~/domain/time";

export const meta: MetaFunction = () => [{ title: "Outbox (development) – Community Sponsorship Awards" }, { name: "robots", content: "noindex" }];

export async function loader(_: LoaderFunctionArgs) {
  assertDevMailEnabled();
  const emails = await listRecentEmails(200);
  return { emails: emails.map((e) => ({ ...e, createdAt: formatLondon(e.createdAt) })) };
}

export default function DevMail() {
  const { emails } = useLoaderData<typeof loader>();
  return (
    <div className="prose wide">
      <h1>Outbox</h1>
      <p>No mail provider is configured, so emails stay here instead of being sent. The newest is first.</p>
      {emails.length === 0 ? (
        <p>The outbox is empty.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Emails in the outbox</caption>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Written</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((email) => (
              <tr key={email.id}>
                <td>{email.to}</td>
                <td>
                  <Link to={`/dev/mail/${email.id}`}>{email.subject}</Link>
                </td>
                <td>{email.createdAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
