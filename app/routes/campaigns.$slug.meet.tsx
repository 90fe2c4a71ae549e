import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Paragraphs } from "~/components/campaign";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, Radios, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";

import { Honeypot } from "~/components/nomination";
import { feedbackSchema, HONEYPOT_FIELD } from "~/domain/campaign-forms";
import { saveFeedback } from "~/models/campaign-letter.server";
import { briefingPdfPath, campaignPath, meetPath } from "~/utils/campaign-paths";
import { HONEYPOT_MESSAGE } from "~/utils/nomination-journey.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";
import { rateLimited } from "~/utils/nomination-journey.server";
import { requireCampaign } from "~/models/campaign.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Meet your MP – ${data?.campaign.title ?? "Campaign"} – Community Sponsorship Awards` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const url = new URL(request.url);
  return {
    campaign: { slug: campaign.slug, title: campaign.title, briefing: campaign.briefing, hasBriefingPdf: Boolean(campaign.briefingPdfName), signedFormsTo: campaign.signedFormsTo },
    sent: url.searchParams.get("sent") === "1",
    thanks: url.searchParams.get("thanks") === "1",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: feedbackSchema });
  const trap = formData.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim()) return data({ result: submission.reply({ formErrors: [HONEYPOT_MESSAGE] }) }, { status: 400 });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const limit = await hitRateLimit(`campaign:feedback:ip:${clientIp(context)}`, { limit: 30, windowMs: 60 * 60 * 1000 });
  if (!limit.allowed) return rateLimited(submission, limit, "sent this form");
  await saveFeedback(campaign.id, submission.value);
  return redirect(`${meetPath(campaign.slug)}?thanks=1`);
}

export default function MeetYourMp() {
  const { campaign, sent, thanks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "feedback",
    lastResult: actionData?.result,
    constraint: getZodConstraint(feedbackSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="prose">
      <p className="back-link">
        <Link to={campaignPath(campaign.slug)}>Back to {campaign.title}</Link>
      </p>
      {sent ? (
        <div className="confirmation-panel">
          <h1>Your letter has been sent</h1>
          <p>We have emailed you a copy. Your MP will reply to you directly.</p>
        </div>
      ) : null}
      <span className="caption">Step 3 of 3</span>
      {sent ? <h2>Meet your MP</h2> : <h1>Meet your MP</h1>}
      {campaign.briefing ? <Paragraphs text={campaign.briefing} /> : <p>Take the commitment form with you, and ask your MP to sign it.</p>}
      {campaign.hasBriefingPdf ? (
        <p>
          <a href={briefingPdfPath(campaign.slug)}>Download the briefing (PDF)</a>
        </p>
      ) : null}
      {campaign.signedFormsTo ? <p>When your MP has signed the commitment form, send it to {campaign.signedFormsTo}.</p> : null}

      <h2 id="how-it-went">Tell us how it went</h2>
      {thanks ? (
        <div className="panel-box" role="status">
          <p>Thank you for telling us. It helps us see where MPs are listening.</p>
        </div>
      ) : (
        <>
          <ErrorSummary errors={summariseErrors(form, [fields.met, fields.constituency, fields.story])} />
          <Form method="post" {...getFormProps(form)} aria-labelledby="how-it-went">
            <Honeypot name={HONEYPOT_FIELD} />
            <Radios field={fields.met} legend="Have you met your MP?" options={[{ value: "yes", label: "Yes" }, { value: "no", label: "Not yet" }]} />
            <Radios field={fields.signed} legend="Did they sign the commitment form?" options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }, { value: "not-yet", label: "Not yet" }]} />
            <Field label="Your constituency (optional)" errors={fields.constituency.errors} inputProps={{ id: fields.constituency.id, name: fields.constituency.name, type: "text" }} />
            <TextareaField label="What happened? (optional)" hint="Do not include anyone's personal details." errors={fields.story.errors} textareaProps={{ ...getTextareaProps(fields.story), rows: 6 }} />
            <SubmitButton>Send</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
