import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AskList, MpCard, Paragraphs } from "~/components/campaign";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";
import { Honeypot, useErrorsAtSubmit } from "~/components/nomination";
import { constituencyKey, MIN_LETTER_WORDS, normalisePostcode } from "~/domain/campaign";
import { HONEYPOT_FIELD, letterSchema, POSTCODE_MESSAGE } from "~/domain/campaign-forms";
import { PRIVATE_NO_STORE } from "~/domain/public-cache";
import { createLetter, letterProblem, limitLetter } from "~/models/campaign-letter.server";
import { constituencyForPostcode, findMp, type FindMpResult } from "~/models/mp-directory.server";
import { closedCampaignMessage, refuseCampaignWrite } from "~/utils/campaign-journey.server";
import { requireCampaign } from "~/models/campaign.server";
import { campaignPath, checkEmailPath, formPath, writePath } from "~/utils/campaign-paths";
import { rateLimited } from "~/utils/nomination-journey.server";
import { clientIp } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.mp ? `Write to ${data.mp.name}` : "Find your MP"} – ${data?.campaign.title ?? "Campaign"} – Community Sponsorship Awards` },
];

type Found = Extract<FindMpResult, { kind: "found" }>["mp"];

const UNAVAILABLE =
  "We cannot look up postcodes or MPs at the moment, because the service we use is not answering. Choose your constituency from the list instead.";

/** What the page shows for a postcode or a chosen constituency, and with which status. */
async function lookUp(url: URL): Promise<{ status: number; postcode: string; postcodeError: string | null; constituencies: string[] | null; pickError: string | null; mp: Found | null }> {
  const rawPostcode = url.searchParams.get("postcode")?.slice(0, 40) ?? "";
  const chosen = url.searchParams.get("constituency")?.slice(0, 200) ?? "";
  const none = { postcode: rawPostcode, postcodeError: null, constituencies: null, pickError: null, mp: null };
  if (chosen) {
    const result = await findMp({ constituency: chosen });
    if (result.kind === "found") return { ...none, status: 200, mp: result.mp };
    if (result.kind === "unavailable") return { ...none, status: 400, constituencies: result.constituencies, pickError: "Choose your constituency from the list" };
    return { ...none, status: 404, postcodeError: `${chosen} has no MP at the moment, so there is no one to write to yet.` };
  }
  if (!url.searchParams.has("postcode")) return { ...none, status: 200 };
  const postcode = normalisePostcode(rawPostcode);
  if (!postcode) return { ...none, status: 400, postcodeError: rawPostcode.trim() ? POSTCODE_MESSAGE : "Enter your postcode" };
  const result = await findMp({ postcode });
  switch (result.kind) {
    case "found":
      return { ...none, postcode, status: 200, mp: result.mp };
    case "postcode_not_found":
      return { ...none, postcode, status: 404, postcodeError: `We could not find the postcode ${postcode}. Check it and try again.` };
    case "no_mp":
      return { ...none, postcode, status: 404, postcodeError: `${result.constituency} has no MP at the moment, so there is no one to write to yet.` };
    case "unavailable":
      return { ...none, postcode, status: 503, constituencies: result.constituencies };
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const found = await lookUp(new URL(request.url));
  return data(
    {
      campaign: { slug: campaign.slug, title: campaign.title, asks: campaign.asks, letterGuidance: campaign.letterGuidance },
      closed: closedCampaignMessage(campaign),
      ...found,
    },
    { status: found.status, headers: { "Cache-Control": PRIVATE_NO_STORE } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: letterSchema });
  const refused = refuseCampaignWrite(campaign, formData, submission);
  if (refused) return refused;
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const letter = submission.value;

  const limit = await limitLetter(clientIp(context), letter.senderEmail);
  if (!limit.allowed) return rateLimited(submission, limit, "sent letters");

  const found = await findMp({ constituency: letter.constituency });
  if (found.kind !== "found" || !found.mp.email) {
    return data({ result: submission.reply({ formErrors: ["We cannot find an email address for this MP at the moment. Your letter is still on this page: try again later."] }) }, { status: 503 });
  }
  const problem = await letterProblem(campaign.id, letter.body);
  if (problem) return data({ result: submission.reply({ fieldErrors: { body: [problem] } }) }, { status: 400 });
  // MPs answer their own constituents: the sender's address must be in this constituency.
  // (A refused letter writes nothing, so this look-up is not cached.)
  const home = await constituencyForPostcode(letter.senderPostcode, { store: false });
  if (home.kind === "not_found") {
    return data({ result: submission.reply({ fieldErrors: { senderPostcode: [`We could not find the postcode ${letter.senderPostcode}. Check it and try again`] } }) }, { status: 400 });
  }
  if (home.kind === "found" && constituencyKey(home.constituency) !== constituencyKey(found.mp.constituency)) {
    return data(
      {
        result: submission.reply({
          fieldErrors: {
            senderPostcode: [`${letter.senderPostcode} is in ${home.constituency}, not ${found.mp.constituency}. MPs answer their own constituents: write to the MP for the place you live`],
          },
        }),
      },
      { status: 400 },
    );
  }
  await createLetter(campaign, { ...letter, constituency: found.mp.constituency, mp: { ...found.mp, email: found.mp.email } });
  return redirect(checkEmailPath(campaign.slug));
}

export default function WriteToYourMp() {
  const loaded = useLoaderData<typeof loader>();
  const { campaign, closed, mp } = loaded;
  return (
    <div className="prose">
      <p className="back-link">
        <Link to={campaignPath(campaign.slug)}>Back to {campaign.title}</Link>
      </p>
      <span className="caption">Step 2 of 3</span>
      <h1>{mp ? `Write to ${mp.name}` : "Find your MP"}</h1>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      {mp ? <Letter /> : loaded.constituencies ? <Picker /> : <PostcodeForm />}
    </div>
  );
}

function PostcodeForm() {
  const { campaign, postcode, postcodeError } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary errors={postcodeError ? [{ fieldId: "postcode", message: postcodeError }] : []} />
      <Form method="get" action={writePath(campaign.slug)} className="narrow">
        <Field
          label="Your postcode"
          hint="For example, SW1A 1AA"
          errors={postcodeError ? [postcodeError] : undefined}
          inputProps={{ id: "postcode", name: "postcode", type: "text", autoComplete: "postal-code", spellCheck: false, defaultValue: postcode }}
        />
        <SubmitButton>Find my MP</SubmitButton>
      </Form>
    </>
  );
}

function Picker() {
  const { campaign, constituencies, pickError, postcode } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary errors={pickError ? [{ fieldId: "constituency", message: pickError }] : []} />
      <div className="panel-box" role="status">
        <p>{UNAVAILABLE}</p>
      </div>
      {constituencies && constituencies.length > 0 ? (
        <Form method="get" action={writePath(campaign.slug)} className="narrow">
          <input type="hidden" name="from" value={postcode} />
          <div className={`field${pickError ? " field--error" : ""}`}>
            <label className="field__label" htmlFor="constituency">
              Your constituency
            </label>
            {pickError ? (
              <p id="constituency-error" className="field-error">
                <span className="visually-hidden">Error: </span>
                {pickError}
              </p>
            ) : null}
            <select id="constituency" name="constituency" className="select" aria-describedby={pickError ? "constituency-error" : undefined}>
              {constituencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton>Continue</SubmitButton>
        </Form>
      ) : (
        <p>We have no list of constituencies yet either. Please try again later.</p>
      )}
    </>
  );
}

function Letter() {
  const { campaign, mp, postcode, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "letter",
    lastResult: actionData?.result,
    constraint: getZodConstraint(letterSchema),
    defaultValue: { constituency: mp!.constituency, senderPostcode: postcode },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: letterSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const summary = useErrorsAtSubmit(
    summariseErrors(form, [fields.body, fields.senderName, fields.senderAddress, fields.senderPostcode, fields.senderEmail]),
    form.status,
    actionData?.result,
  );
  if (!mp) return null;
  return (
    <>
      <ErrorSummary errors={summary} />
      <MpCard mp={mp} />
      <p>
        <a href={formPath(campaign.slug, mp.constituency)}>Download the commitment form for {mp.name} (PDF)</a>: take it to your meeting, or send it with your letter.
      </p>
      {closed ? null : !mp.email ? (
        <p>We do not have an email address for {mp.name}. You can write to them at the House of Commons, London SW1A 0AA.</p>
      ) : (
        <>
          <h2>What to ask for</h2>
          <AskList asks={campaign.asks} />
          {campaign.letterGuidance ? (
            <div className="inset">
              <h3>Writing a letter that works</h3>
              <Paragraphs text={campaign.letterGuidance} />
            </div>
          ) : null}
          <Form method="post" {...getFormProps(form)}>
            <input {...getInputProps(fields.constituency, { type: "hidden" })} />
            <Honeypot name={HONEYPOT_FIELD} />
            <TextareaField
              label="Your letter"
              hint={`In your own words, at least ${MIN_LETTER_WORDS} words. Start with why this matters to you; ask to meet a delegation of local leaders. We add "Dear ${mp.name}" and your name and address.`}
              errors={fields.body.errors}
              textareaProps={{ ...getTextareaProps(fields.body), rows: 14 }}
            />
            <h2>About you</h2>
            <p>MPs answer their own constituents, so they need your name and address. Your MP will reply to your email address.</p>
            <Field label="Full name" errors={fields.senderName.errors} inputProps={{ ...getInputProps(fields.senderName, { type: "text" }), autoComplete: "name" }} />
            <Field label="Street address and town" errors={fields.senderAddress.errors} inputProps={{ ...getInputProps(fields.senderAddress, { type: "text" }), autoComplete: "street-address" }} />
            <Field label="Postcode" hint={`Your home postcode, in ${mp.constituency}`} errors={fields.senderPostcode.errors} inputProps={{ ...getInputProps(fields.senderPostcode, { type: "text" }), autoComplete: "postal-code" }} />
            <Field label="Email address" hint="We will send you a link to confirm it before your letter goes." errors={fields.senderEmail.errors} inputProps={{ ...getInputProps(fields.senderEmail, { type: "email" }), autoComplete: "email", spellCheck: false }} />
            <p>
              Read about <Link to="/privacy">how we use your information</Link>.
            </p>
            <SubmitButton>Send my letter</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
