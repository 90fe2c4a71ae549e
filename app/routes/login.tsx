import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import * as z from "zod/mini";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { emailSignInLink } from "~/models/sign-in.server";
import { findActivePersonByEmail, getUser, normaliseEmail, safeRedirectPath } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { describeWait, hitRateLimits } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useLocalisedPath } from "~/components/i18n";
import { titleFor, translator, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { describeWaitIn } from "~/utils/nomination-journey.server";

/** One schema for the browser and the server, its messages in the page's language (`zod/mini`: decision 038). */
function loginSchema(t: TFunction<"auth">) {
  return z.object({
    email: z.pipe(z.string({ error: t("signIn.emailRequired") }).check(z.trim(), z.maxLength(254, t("signIn.emailTooLong"))), z.email({ error: t("signIn.emailFormat") })),
    redirectTo: z.optional(z.string().check(z.maxLength(2000))),
  });
}

const WINDOW = 15 * 60 * 1000;
export const SIGN_IN_LIMITS = { perEmail: 5, perAddress: 30, windowMs: WINDOW };

export const handle: I18nHandle = { i18n: ["auth"] };

export const meta: MetaFunction = ({ location }) => [{ title: titleFor(location.pathname, translatorFor(location.pathname, "auth")("signIn.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    const redirectTo = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(safeRedirectPath(redirectTo, user.isAdmin ? "/admin" : user.isJudge ? "/judge" : "/"));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const language = languageOf(request);
  const t = translator(language, "auth");
  const formData = await request.formData();
  const submission = parseForm(formData, loginSchema(t));
  if (submission.status !== "success") {
    return data({ result: submission.reply(), sentTo: null }, { status: 400 });
  }
  const email = normaliseEmail(submission.value.email);
  const limit = await hitRateLimits([
    { key: `sign-in:email:${email}`, rule: { limit: SIGN_IN_LIMITS.perEmail, windowMs: WINDOW } },
    { key: `sign-in:ip:${clientIp(context)}`, rule: { limit: SIGN_IN_LIMITS.perAddress, windowMs: WINDOW } },
  ]);
  if (!limit.allowed) {
    return data(
      {
        result: submission.reply({
          formErrors: [t("signIn.tooMany", { wait: language === "en" ? describeWait(limit.retryAfterSeconds) : describeWaitIn(limit.retryAfterSeconds, language) })],
        }),
        sentTo: null,
      },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }

  const person = await findActivePersonByEmail(email);
  if (person) {
    const env = getEnv();
    const link = await emailSignInLink(person, env.APP_URL, safeRedirectPath(submission.value.redirectTo, ""));
    if (!env.mailConfigured) console.info(`Sign-in link for ${person.email}: ${link}`);
  }
  // The same answer whether or not the address is known.
  return data({ result: submission.reply({ resetForm: true }), sentTo: email });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const path = useLocalisedPath();
  const schema = useMemo(() => loginSchema(t), [t]);
  const [form, fields] = useSchemaForm({ id: "login", schema, lastResult: actionData?.result });

  if (actionData?.sentTo) {
    return (
      <div className="prose">
        <h1>{t("signIn.checkEmail")}</h1>
        <p>
          <Trans t={t} i18nKey="signIn.sent" values={{ email: actionData.sentTo }} components={{ email: <strong /> }} />
        </p>
        <p>{t("signIn.nothingArrived")}</p>
        <p>
          <a href={path("/login")}>{t("signIn.another")}</a>
        </p>
      </div>
    );
  }

  return (
    <div className="prose narrow">
      <h1>{t("signIn.title")}</h1>
      <ErrorSummary errors={summariseErrors(form, [fields.email])} />
      <p>{t("signIn.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("signIn.email")}
          hint={t("signIn.emailHint")}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", spellCheck: false }}
        />
        <SubmitButton>{t("signIn.send")}</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
