import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  consumeSignInToken,
  createSession,
  getSession,
  invalidateSession,
  peekSignInToken,
  safeRedirectPath,
  sessionCookie,
} from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Community Sponsorship Awards" }];

/*
 * Opening the link shows a button rather than signing in at once: mail scanners fetch
 * links in advance, and a GET that used the token would spend it before the person clicks.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const valid = token.length > 0 && token.length < 200 && (await peekSignInToken(token));
  return data(
    { valid, token: valid ? token : "", redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), "") },
    { status: valid ? 200 : 400, headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const token = String(formData.get("token") ?? "");
  const person = token && token.length < 200 ? await consumeSignInToken(token) : null;
  if (!person) {
    return data({ error: "This sign-in link has expired or has already been used. Ask for a new one." }, { status: 400 });
  }
  // Rotate: whatever session this browser had ends, and a new one begins.
  const previous = await getSession(request);
  if (previous) await invalidateSession(previous.sessionId);
  const session = await createSession(person.id);
  const fallback = person.isAdmin ? "/admin" : person.isJudge ? "/judge" : "/";
  return redirect(safeRedirectPath(String(formData.get("redirectTo") ?? ""), fallback), {
    headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) },
  });
}

export default function SignInLinkPage() {
  const { valid, token, redirectTo } = useLoaderData<typeof loader>();
  if (!valid) {
    return (
      <div className="prose">
        <h1>This sign-in link does not work</h1>
        <p>It has expired or has already been used. Each link works once: a sign-in link for 15 minutes, an invitation for 7 days.</p>
        <p>
          <Link to="/login">Ask for a new sign-in link</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose narrow">
      <h1>Continue signing in</h1>
      <p>Select the button to finish signing in on this device.</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button type="submit" className="button">
          Sign in
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
