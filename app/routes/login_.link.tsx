import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { parseForm } from "~/components/schema-form";
import {
  consumeSignInToken,
  createSession,
  getSession,
  invalidateSession,
  peekSignInToken,
  safeRedirectPath,
  sessionCookie,
} from "~/utils/auth.server";
import { useTranslation } from "react-i18next";
import { useLocalisedPath } from "~/components/i18n";
import { titleFor, translator, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";

export const handle: I18nHandle = { i18n: ["auth"] };

export const meta: MetaFunction = ({ location }) => [{ title: titleFor(location.pathname, translatorFor(location.pathname, "auth")("signIn.title")) }];

/**
 * The button's form carries the link's secret (shorter than any forged one) and where to go
 * after. It has nothing to type, so only the action parses it: the page loads no validation code.
 */
const SignInSchema = z.object({ token: z.string().check(z.maxLength(199)), redirectTo: z.optional(z.string()) });

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
  const submission = parseForm(await request.formData(), SignInSchema);
  const person = submission.status === "success" ? await consumeSignInToken(submission.value.token) : null;
  if (!person || submission.status !== "success") {
    return data({ error: translator(languageOf(request), "auth")("link.expired") }, { status: 400 });
  }
  // Rotate: whatever session this browser had ends, and a new one begins.
  const previous = await getSession(request);
  if (previous) await invalidateSession(previous.sessionId);
  const session = await createSession(person.id);
  const fallback = person.isAdmin ? "/admin" : person.isJudge ? "/judge" : "/";
  return redirect(safeRedirectPath(submission.value.redirectTo ?? "", fallback), {
    headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) },
  });
}

export default function SignInLinkPage() {
  const { valid, token, redirectTo } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  const path = useLocalisedPath();
  if (!valid) {
    return (
      <div className="prose">
        <h1>{t("link.brokenHeading")}</h1>
        <p>{t("link.brokenText")}</p>
        <p>
          <Link to={path("/login")}>{t("link.askNew")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose narrow">
      <h1>{t("link.heading")}</h1>
      <p>{t("link.text")}</p>
      <Form method="post" id="sign-in">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <SubmitButton>{t("link.button")}</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
