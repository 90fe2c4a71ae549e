import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { Trans, useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, Radios, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { InLanguage, useLanguage, useLocalisedPath } from "~/components/i18n";
import { Honeypot, useErrorsAtSubmit } from "~/components/nomination";
import { MAX_ID } from "~/domain/ids";
import { localised, type Language } from "~/domain/language";
import { languageOfPath, localisedPath } from "~/domain/language-paths";
import { HONEYPOT_FIELD } from "~/domain/nomination-forms";
import { stampProblem, votePath, type StampProblem } from "~/domain/peoples-choice";
import { PRIVATE_NO_STORE } from "~/domain/public-cache";
import { formatLondon } from "~/domain/time";
import { titleFor, translator, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { castVote, getVotePage, limitVote, type CastOutcome } from "~/models/peoples-choice.server";
import { issueStamp, readStamp } from "~/utils/signing.server";
import { rateLimited } from "~/utils/nomination-journey.server";
import { clientIp } from "~/utils/request.server";
import { notFound } from "~/utils/responses.server";

export const handle: I18nHandle = { i18n: ["vote"] };

type VoteMessages = Record<"chooseNominee" | "emailRequired" | "emailTooLong" | "emailFormat", string>;

/** The vote form's rules, with its messages in the page's language (the same schema in the browser and the action). */
function voteSchema(m: VoteMessages) {
  return z.object({
    nominee: z.coerce.number({ error: m.chooseNominee }).check(z.refine(Number.isInteger, m.chooseNominee), z.gte(1, m.chooseNominee), z.lte(MAX_ID, m.chooseNominee)),
    email: z.pipe(z.string({ error: m.emailRequired }).check(z.trim(), z.maxLength(254, m.emailTooLong)), z.email({ error: m.emailFormat })),
  });
}

function voteMessages(language: Language): VoteMessages {
  const t = translator(language, "vote");
  return {
    chooseNominee: t("errors.chooseNominee"),
    emailRequired: t("errors.emailRequired"),
    emailTooLong: t("errors.emailTooLong"),
    emailFormat: t("errors.emailFormat"),
  };
}

const STAMP_MESSAGES = { missing: "errors.stampMissing", "too-fast": "errors.stampTooFast", expired: "errors.stampExpired" } as const satisfies Record<StampProblem, string>;

const CAST_REFUSALS = {
  already_voted: { status: 409, field: "email", message: "errors.alreadyVoted" },
  awaiting_confirmation: { status: 409, field: "email", message: "errors.awaitingConfirmation" },
  not_on_shortlist: { status: 400, field: "nominee", message: "errors.notOnShortlist" },
  bad_email: { status: 400, field: "email", message: "errors.emailFormat" },
  closed: { status: 403, field: undefined, message: "errors.closed" },
} as const satisfies Record<Exclude<CastOutcome["outcome"], "sent">, { status: number; field: "email" | "nominee" | undefined; message: string }>;

async function load(params: { year?: string; slug?: string }) {
  if (!/^\d{4}$/.test(params.year ?? "") || !/^[a-z0-9-]{1,80}$/.test(params.slug ?? "")) notFound();
  const page = await getVotePage(Number(params.year), params.slug!);
  if (!page) notFound("There is no People's Choice vote at this address.");
  return page;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await load(params);
  const language = languageOf(request);
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  // The form carries its own timestamp and the answer may hold someone's email: never shared.
  return data(
    {
      page: { ...page, closes: formatLondon(page.closesAt, language) },
      stamp: await issueStamp(),
      sent,
    },
    { headers: { "Cache-Control": PRIVATE_NO_STORE } },
  );
}

export const headers: HeadersFunction = () => ({ "Cache-Control": PRIVATE_NO_STORE });

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const category = data ? localised(data.page.category.name, data.page.category.nameCy, languageOfPath(location.pathname)).text : "";
  return [{ title: titleFor(location.pathname, translatorFor(location.pathname, "vote")("title", { category })) }];
};


export async function action({ request, params, context }: ActionFunctionArgs) {
  const page = await load(params);
  const language = languageOf(request);
  const t = translator(language, "vote");
  const category = localised(page.category.name, page.category.nameCy, language).text;
  const formData = await request.formData();
  const submission = parseForm(formData, voteSchema(voteMessages(language)));
  const refuse = (status: number, message: string, field?: "email" | "nominee") =>
    data({ result: submission.reply(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }) }, { status, headers: { "Cache-Control": PRIVATE_NO_STORE } });

  const trap = formData.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim() !== "") return refuse(400, translator(language, "nomination")("honeypot"));
  const problem = stampProblem(await readStamp(formData.get("stamp")), Date.now());
  if (problem) return refuse(400, t(STAMP_MESSAGES[problem]));
  if (page.state !== "open") return refuse(403, t(CAST_REFUSALS.closed.message));
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400, headers: { "Cache-Control": PRIVATE_NO_STORE } });

  const ip = clientIp(context);
  const limit = await limitVote(ip, submission.value.email);
  if (!limit.allowed) return rateLimited(submission, limit, { message: (wait) => t("errors.rateLimited", { wait }), language });

  const cast = await castVote({ year: page.year, slug: page.category.slug, nominationId: submission.value.nominee, email: submission.value.email, ip, language });
  if (cast.outcome === "sent") return redirect(localisedPath(`${votePath(page.year, page.category.slug)}?sent=1`, language));
  const refusal = CAST_REFUSALS[cast.outcome];
  return refuse(refusal.status, t(refusal.message, { category }), refusal.field);
}

export default function Vote() {
  const { page, sent } = useLoaderData<typeof loader>();
  const { t } = useTranslation("vote");
  const language = useLanguage();
  const path = useLocalisedPath();
  const category = localised(page.category.name, page.category.nameCy, language);
  return (
    <div className="prose">
      <p className="caption">{t("caption", { year: page.year })}</p>
      <h1>
        <Trans t={t} i18nKey="heading" values={{ category: category.text }} components={{ category: <InLanguage text={category} /> }} />
      </h1>
      {sent ? (
        <>
          <div className="panel-box" role="status">
            <h2>{t("checkEmail")}</h2>
            <p>{t("sent")}</p>
          </div>
          <p>{t("nothingArrived", { date: page.closes })}</p>
        </>
      ) : page.state === "open" ? (
        <VoteForm />
      ) : page.state === "not_open" ? (
        <p>{t("notOpen")}</p>
      ) : (
        <p>{t("closedHere")}</p>
      )}
      <p>
        <Link to={path(`/winners/${page.year}`)}>{t("seeShortlist", { year: page.year })}</Link>
      </p>
    </div>
  );
}

function VoteForm() {
  const { page, stamp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("vote");
  const path = useLocalisedPath();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  const schema = useMemo(
    () =>
      voteSchema({
        chooseNominee: t("errors.chooseNominee"),
        emailRequired: t("errors.emailRequired"),
        emailTooLong: t("errors.emailTooLong"),
        emailFormat: t("errors.emailFormat"),
      }),
    [t],
  );
  const [form, fields] = useSchemaForm({ id: "vote", schema, lastResult });
  const summary = useErrorsAtSubmit(summariseErrors(form.errors, [fields.nominee, fields.email]), form.status, lastResult);
  return (
    <>
      <ErrorSummary errors={summary} />
      <p className="lead">{t("lead", { date: page.closes })}</p>
      <p>{t("howItWorks")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="stamp" value={stamp} />
        <Honeypot name={HONEYPOT_FIELD} />
        <Radios
          field={fields.nominee}
          legend={t("whoLegend")}
          options={page.nominees.map((n) => ({
            value: String(n.id),
            label: n.name,
            hint: [n.organisation !== n.name ? n.organisation : null, n.area].filter(Boolean).join(", ") || undefined,
          }))}
        />
        <Field
          label={t("email")}
          hint={t("emailHint")}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", spellCheck: false }}
        />
        <p>
          <Trans t={t} i18nKey="privacy" components={{ privacy: <Link to={path("/privacy")} /> }} />
        </p>
        <SubmitButton>{t("send")}</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
