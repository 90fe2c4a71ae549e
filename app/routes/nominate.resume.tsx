import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { findCategorySlug, findNominationByToken } from "~/models/nomination.server";
import { isAccessToken, nominationCookie } from "~/utils/nomination-access.server";

export const meta: MetaFunction = () => [{ title: "Continue your nomination – Community Sponsorship Awards" }];

/*
 * The emailed link: it keeps the secret in this browser's cookie and moves on to an
 * address without it, so the secret is not left in the address bar or the history.
 * Nothing is spent by opening it, so mail scanners that fetch links do no harm.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("t");
  const nomination = isAccessToken(token) ? await findNominationByToken(token) : null;
  const slug = nomination && !nomination.erasedAt ? await findCategorySlug(nomination.categoryId) : null;
  if (!token || !slug) return data(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  throw redirect(`/nominate/${slug}`, {
    headers: { "Set-Cookie": nominationCookie(slug, token), "Cache-Control": "no-store" },
  });
}

export default function ResumeLinkDoesNotWork() {
  return (
    <div className="prose">
      <h1>This link does not work</h1>
      <p>Check that you copied the whole link from the email. If the nomination was removed, the link stops working.</p>
      <p>
        <Link to="/nominate">Start a new nomination</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
