import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { confirmLetter, peekLetterConfirmation } from "~/models/campaign-letter.server";
import { isAccessToken } from "~/utils/nomination-access.server";
import { meetPath } from "~/utils/campaign-paths";

export const meta: MetaFunction = () => [{ title: "Send your letter – Community Sponsorship Awards" }];

/*
 * Like the nomination's link (docs/decisions/003), the link shows a button: mail scanners
 * open links before people do, and must not send a letter on anyone's behalf.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = new URL(request.url).searchParams.get("t");
  const letter = isAccessToken(t) ? await peekLetterConfirmation(t) : null;
  return data(letter ? { valid: true as const, t: t!, mpName: letter.mpName } : { valid: false as const }, {
    status: letter ? 200 : 400,
    headers: { "Cache-Control": "no-store" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const t = (await request.formData()).get("t");
  const result = isAccessToken(t) ? await confirmLetter(t) : { outcome: "invalid" as const };
  if (result.outcome === "invalid") return data({ error: true }, { status: 400 });
  return redirect(`${meetPath(result.slug)}?sent=1`);
}

export default function ConfirmLetter() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!loaded.valid || actionData?.error) {
    return (
      <div className="prose">
        <h1>This link does not work</h1>
        <p>Links to send a letter work for 7 days. Write your letter again from the campaign page.</p>
        <p>
          <Link to="/campaigns">Go to campaigns</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose narrow">
      <h1>Send your letter to {loaded.mpName}</h1>
      <p>Select the button to show us this email address is yours and send your letter. We will email you a copy.</p>
      <Form method="post">
        <input type="hidden" name="t" value={loaded.t} />
        <button type="submit" className="button">
          Send my letter
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
