import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors } from "~/components/forms";
import { emailSignInLink } from "~/models/sign-in.server";
import { findActivePersonByEmail, getUser, normaliseEmail, safeRedirectPath } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { describeWait, hitRateLimits } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";

const LoginSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.org" })),
  redirectTo: z.string().max(2000).optional(),
});

const WINDOW = 15 * 60 * 1000;
export const SIGN_IN_LIMITS = { perEmail: 5, perAddress: 30, windowMs: WINDOW };

export const meta: MetaFunction = () => [{ title: "Sign in – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    const redirectTo = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(safeRedirectPath(redirectTo, user.isAdmin ? "/admin" : user.isJudge ? "/judge" : "/"));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
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
          formErrors: [`You have asked for too many sign-in links. Wait ${describeWait(limit.retryAfterSeconds)} and try again.`],
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
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });

  if (actionData?.sentTo) {
    return (
      <div className="prose">
        <h1>Check your email</h1>
        <p>
          If <strong>{actionData.sentTo}</strong> belongs to a judge or an administrator, we have sent a sign-in link to
          it. The link works once and expires in 15 minutes.
        </p>
        <p>Nothing arrived after a few minutes? Check your spam folder, or ask for another link below.</p>
        <p>
          <a href="/login">Ask for another link</a>
        </p>
      </div>
    );
  }

  return (
    <div className="prose narrow">
      <h1>Sign in</h1>
      <ErrorSummary errors={summariseErrors(form, [fields.email])} />
      <p>
        Judges and administrators sign in with a link sent by email. There is no password. If you want to nominate
        someone, you do not need to sign in.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label="Email address"
          hint="Use the address your invitation was sent to."
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", spellCheck: false }}
        />
        <SubmitButton>Email me a sign-in link</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
