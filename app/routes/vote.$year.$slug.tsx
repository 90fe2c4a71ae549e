import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors } from "~/components/forms";
import { Honeypot, RadioGroup, useErrorsAtSubmit } from "~/components/nomination";
import { MAX_ID } from "~/domain/ids";
import { HONEYPOT_FIELD } from "~/domain/nomination-forms";
import { stampProblem, votePath, type StampProblem } from "~/domain/peoples-choice";
import { PRIVATE_NO_STORE } from "~/domain/public-cache";
import { formatLondon } from "~/domain/time";
import { castVote, getVotePage, limitVote, type CastOutcome } from "~/models/peoples-choice.server";
import { issueStamp, readStamp } from "~/utils/signing.server";
import { HONEYPOT_MESSAGE, rateLimited } from "~/utils/nomination-journey.server";
import { clientIp } from "~/utils/request.server";
import { notFound } from "~/utils/responses.server";

const voteSchema = z.object({
  nominee: z.coerce.number({ error: "Choose who you are voting for" }).int("Choose who you are voting for").min(1, "Choose who you are voting for").max(MAX_ID, "Choose who you are voting for"),
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, "Your email address must be 254 characters or fewer")
    .pipe(z.email({ error: "Enter your email address in the correct format, like name@example.org" })),
});

const STAMP_MESSAGES: Record<StampProblem, string> = {
  missing: "This form did not come from our vote page, or it is damaged. Choose again and send it from this page.",
  "too-fast": "That was sent faster than anyone could read the shortlist, so we did not count it. Check your choice and send it again.",
  expired: "This page was open for so long that its form has expired. Check your choice and send it again.",
};

const CAST_REFUSALS: Record<Exclude<CastOutcome["outcome"], "sent">, { status: number; field?: "email" | "nominee"; message: (category: string) => string }> = {
  already_voted: {
    status: 409,
    field: "email",
    message: (category) => `This email address has already voted in the People's Choice for ${category}. Each email address can vote once in each category.`,
  },
  awaiting_confirmation: {
    status: 409,
    field: "email",
    message: () =>
      "We have already sent a link to this email address to confirm its vote in this category. Open that link to confirm it: each email address can vote once in each category.",
  },
  not_on_shortlist: { status: 400, field: "nominee", message: () => "Choose one of the nominees on the shortlist" },
  bad_email: { status: 400, field: "email", message: () => "Enter your email address in the correct format, like name@example.org" },
  closed: { status: 403, message: () => "Voting is not open in this category, so we could not record your vote." },
};

async function load(params: { year?: string; slug?: string }) {
  if (!/^\d{4}$/.test(params.year ?? "") || !/^[a-z0-9-]{1,80}$/.test(params.slug ?? "")) notFound();
  const page = await getVotePage(Number(params.year), params.slug!);
  if (!page) notFound("There is no People's Choice vote at this address.");
  return page;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await load(params);
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  // The form carries its own timestamp and the answer may hold someone's email: never shared.
  return data(
    {
      page: { ...page, closes: formatLondon(page.closesAt) },
      stamp: await issueStamp(),
      sent,
    },
    { headers: { "Cache-Control": PRIVATE_NO_STORE } },
  );
}

export const headers: HeadersFunction = () => ({ "Cache-Control": PRIVATE_NO_STORE });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `People's Choice: ${data?.page.category.name ?? "vote"} – Community Sponsorship Awards` },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const page = await load(params);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: voteSchema });
  const refuse = (status: number, message: string, field?: "email" | "nominee") =>
    data({ result: submission.reply(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }) }, { status, headers: { "Cache-Control": PRIVATE_NO_STORE } });

  const trap = formData.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim() !== "") return refuse(400, HONEYPOT_MESSAGE);
  const problem = stampProblem(await readStamp(formData.get("stamp")), Date.now());
  if (problem) return refuse(400, STAMP_MESSAGES[problem]);
  if (page.state !== "open") return refuse(403, CAST_REFUSALS.closed.message(page.category.name));
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400, headers: { "Cache-Control": PRIVATE_NO_STORE } });

  const ip = clientIp(context);
  const limit = await limitVote(ip, submission.value.email);
  if (!limit.allowed) return rateLimited(submission, limit, "voted");

  const cast = await castVote({ year: page.year, slug: page.category.slug, nominationId: submission.value.nominee, email: submission.value.email, ip });
  if (cast.outcome === "sent") return redirect(`${votePath(page.year, page.category.slug)}?sent=1`);
  const refusal = CAST_REFUSALS[cast.outcome];
  return refuse(refusal.status, refusal.message(page.category.name), refusal.field);
}

export default function Vote() {
  const { page, sent } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <p className="caption">Community Sponsorship Awards {page.year}</p>
      <h1>People&apos;s Choice: {page.category.name}</h1>
      {sent ? (
        <>
          <div className="panel-box" role="status">
            <h2>Check your email</h2>
            <p>We have sent you a link. Your vote counts only once you open it and confirm that the email address is yours.</p>
          </div>
          <p>Nothing arrived after a few minutes? Check your spam folder. The link works until voting closes on {page.closes} (UK time).</p>
        </>
      ) : page.state === "open" ? (
        <VoteForm />
      ) : page.state === "not_open" ? (
        <p>Voting has not opened yet in this category. Come back when it opens.</p>
      ) : (
        <p>Voting has closed in this category. The results will be shown with the winners.</p>
      )}
      <p>
        <Link to={`/winners/${page.year}`}>See the shortlist for {page.year}</Link>
      </p>
    </div>
  );
}

function VoteForm() {
  const { page, stamp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "vote",
    lastResult,
    constraint: getZodConstraint(voteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: voteSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const summary = useErrorsAtSubmit(summariseErrors(form.errors, [fields.nominee, fields.email]), form.status, lastResult);
  return (
    <>
      <ErrorSummary errors={summary} />
      <p className="lead">Vote for the nominee on the shortlist you would most like to win. Voting closes on {page.closes} (UK time).</p>
      <p>
        You can vote once in each category. We will email you a link: your vote counts only once you open it. The judges choose the winners; the
        People&apos;s Choice is announced beside them, with the number of votes for each nominee.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="stamp" value={stamp} />
        <Honeypot name={HONEYPOT_FIELD} />
        <RadioGroup
          field={fields.nominee}
          legend="Who do you vote for?"
          options={page.nominees.map((n) => ({
            value: String(n.id),
            label: n.name,
            hint: [n.organisation !== n.name ? n.organisation : null, n.area].filter(Boolean).join(", ") || undefined,
          }))}
        />
        <Field
          label="Email address"
          hint="We use it only to confirm your vote and to make sure each address votes once."
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", spellCheck: false }}
        />
        <p>
          Read about <Link to="/privacy">how we use your information</Link>.
        </p>
        <SubmitButton>Send my vote</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
