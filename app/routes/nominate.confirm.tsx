import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { confirmNomination, peekConfirmation } from "~/models/nomination.server";
import { isAccessToken, nominationCookie } from "~/utils/nomination-access.server";

export const meta: MetaFunction = () => [{ title: "Confirm your nomination – Community Sponsorship Awards" }];

/*
 * Like the sign-in link (docs/decisions/003), opening the link shows a button: mail
 * scanners fetch links before people do, and must not confirm on the nominator's behalf.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const t = url.searchParams.get("t");
  const c = url.searchParams.get("c");
  const nomination = isAccessToken(t) && isAccessToken(c) ? await peekConfirmation(t, c) : null;
  return data(
    nomination ? { valid: true as const, t: t!, c: c!, reference: nomination.reference } : { valid: false as const },
    { status: nomination ? 200 : 400, headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const t = formData.get("t");
  const c = formData.get("c");
  const result = isAccessToken(t) && isAccessToken(c) ? await confirmNomination(t, c) : { outcome: "invalid" as const };
  if (result.outcome === "invalid") {
    return data({ error: "This link has expired or does not work. Open your nomination from the first email we sent and submit it again." }, { status: 400 });
  }
  return redirect(`/nominate/${result.slug}`, { headers: { "Set-Cookie": nominationCookie(result.slug, t as string) } });
}

export default function ConfirmNomination() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!loaded.valid || actionData?.error) {
    return (
      <div className="prose">
        <h1>This link does not work</h1>
        <p>
          Confirmation links work for 7 days. After that the nomination goes back to being a draft: open it from the
          first email we sent you (&ldquo;Your draft nomination&rdquo;) and submit it again.
        </p>
        <p>
          <Link to="/nominate">Go to nominations</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose narrow">
      <h1>Confirm your nomination</h1>
      <p>Select the button to confirm your nomination ({loaded.reference}) and show us this email address is yours.</p>
      <Form method="post">
        <input type="hidden" name="t" value={loaded.t} />
        <input type="hidden" name="c" value={loaded.c} />
        <button type="submit" className="button">
          Confirm nomination
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
