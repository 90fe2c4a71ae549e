import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getOutboxEmail } from "~/models/outbox.server";
import { assertDevMailEnabled } from "~/utils/dev-mail.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";
import { requireId } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Email (development) – Community Sponsorship Awards" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  assertDevMailEnabled();
  const email = await getOutboxEmail(requireId(params.id));
  if (!email) notFound("There is no email with that number in the outbox.");
  return {
    to: email.to,
    replyTo: email.replyTo,
    subject: email.subject,
    text: email.text,
    status: email.status,
    createdAt: formatLondon(email.createdAt),
  };
}

/** Shows the plain-text part, with links made clickable, so no email HTML runs here. */
export default function DevMailMessage() {
  const email = useLoaderData<typeof loader>();
  const parts = email.text.split(/(https?:\/\/[^\s)\]]+)/g);
  return (
    <div className="prose wide">
      <p>
        <Link to="/dev/mail">Back to the outbox</Link>
      </p>
      <h1>{email.subject}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>To</dt>
          <dd>{email.to}</dd>
        </div>
        {email.replyTo ? (
          <div className="summary-list__row">
            <dt>Reply-To</dt>
            <dd>{email.replyTo}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>Written</dt>
          <dd>{email.createdAt}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Status</dt>
          <dd>{email.status}</dd>
        </div>
      </dl>
      <pre className="email-text">
        {parts.map((part, i) => (i % 2 === 1 ? <a key={i} href={part}>{part}</a> : part))}
      </pre>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
