import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { STATUS_LABELS } from "~/components/admin";
import { Notice, withNotice } from "~/components/notice";
import { NOMINEE_TYPE_LABELS } from "~/domain/vocabulary";
import { decisionSchema, EligibilityDecisionFields } from "~/components/eligibility-decision";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { PublicNamingRows } from "~/components/publication-consent-admin";
import { canDecideEligibility } from "~/domain/eligibility";
import { publicNamingSummary } from "~/domain/public-naming";
import { getCategory } from "~/models/category-setup.server";
import { decideEligibility, getNominationWithSupport, type SupportingEntry } from "~/models/nomination-review.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";

const DecisionSchema = decisionSchema({}, "Give the reason it is ineligible");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.entry.nomination.reference ?? "Nomination"} – Administration – Community Sponsorship Awards` },
];

async function load(params: { id?: string }) {
  const id = requireId(params.id, "There is no such nomination.");
  const entry = await getNominationWithSupport(id);
  if (!entry) notFound("There is no such nomination.");
  return { id, entry };
}

function present(entry: SupportingEntry) {
  const { accessTokenHash: _secret, ...n } = entry.nomination;
  return {
    nomination: {
      ...n,
      submittedAt: n.submittedAt ? formatLondon(n.submittedAt) : null,
      nomineeTypeLabel: n.nomineeType ? NOMINEE_TYPE_LABELS[n.nomineeType] : null,
      guardianPublicationConsentAt: n.guardianPublicationConsentAt ? formatLondon(n.guardianPublicationConsentAt) : null,
    },
    answers: entry.answers,
    files: entry.files,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { id, entry } = await load(params);
  // Asked for a merged-away nomination: show the entry it belongs to.
  if (entry.nomination.id !== id) throw redirect(`/admin/nominations/${entry.nomination.id}`);
  const category = await getCategory(entry.nomination.categoryId);
  return {
    entry: present(entry),
    support: entry.support.map(present),
    category: category && { id: category.id, name: category.name },
    decidable: canDecideEligibility(entry.nomination),
    naming: publicNamingSummary(entry.nomination, category ?? undefined),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const { entry } = await load(params);
  const submission = parseForm(await request.formData(), DecisionSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await decideEligibility([entry.nomination.id], submission.value.decision, submission.value.reason ?? "", user, {
    shareReason: submission.value.shareReason,
  });
  if (result.skipped.length) return data({ result: submission.reply({ formErrors: result.skipped.map((s) => `Not changed: ${s}`) }) }, { status: 409 });
  return redirect(withNotice(`/admin/nominations/${entry.nomination.id}`, "decided"));
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children || <span className="card__meta">not given</span>}</dd>
    </div>
  );
}

function Statement({ entry, headingLevel }: { entry: ReturnType<typeof present>; headingLevel: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const n = entry.nomination;
  return (
    <>
      <H>Nominator</H>
      <dl className="summary-list">
        <Row label="Name">{n.nominatorName}</Row>
        <Row label="Email">{n.nominatorEmail}</Row>
        <Row label="Phone">{n.nominatorPhone}</Row>
        <Row label="Organisation">{n.nominatorOrganisation}</Row>
        <Row label="Relationship to the nominee">{n.nominatorRelationship}</Row>
        <Row label="Self-nomination">{n.isSelfNomination ? "Yes" : "No"}</Row>
      </dl>
      <H>Answers</H>
      {entry.answers.length ? (
        entry.answers.map((a) => (
          <div key={a.questionId} className="answer">
            <p className="answer__question">
              {a.label}
              {a.retired ? " (question since retired)" : ""}
            </p>
            <p className="answer__text">{a.answer}</p>
          </div>
        ))
      ) : (
        <p>No answers.</p>
      )}
      <H>Supporting files</H>
      {entry.files.length ? (
        <ul>
          {entry.files.map((f) => (
            <li key={f.id}>
              <a href={`/admin/nominations/${n.id}/files/${f.id}`}>{f.filename}</a> ({Math.ceil(f.size / 1024)} KB)
            </li>
          ))}
        </ul>
      ) : (
        <p>No files.</p>
      )}
    </>
  );
}

export default function NominationPage() {
  const { entry, support, category, decidable, naming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const n = entry.nomination;
  const [form, fields] = useSchemaForm({ id: "decision", schema: DecisionSchema, lastResult: actionData?.result });
  return (
    <div className="prose wide">
      <p className="caption">
        <Link to={`/admin/nominations?category=${n.categoryId}`}>{category?.name ?? "Nominations"}</Link>
      </p>
      <h1>
        {n.reference}: {n.nomineeName || "no name yet"}
      </h1>
      <Notice />
      <ErrorSummary errors={summariseErrors(form, [fields.decision, fields.reason])} />
      <div className="prose">
        <dl className="summary-list">
          <Row label="Status">
            <strong>{STATUS_LABELS[n.status]}</strong>
            {n.ineligibleReason ? <>: {n.ineligibleReason}</> : null}
          </Row>
          <Row label="Submitted">{n.submittedAt}</Row>
          {support.length ? <Row label="Merged with">{support.map((s) => s.nomination.reference).join(", ")}</Row> : null}
        </dl>

        <h2>Nominee</h2>
        <dl className="summary-list">
          <Row label="Name">{n.nomineeName}</Row>
          <Row label="Kind">{n.nomineeTypeLabel}</Row>
          <Row label="Organisation">{n.nomineeOrganisation}</Row>
          <Row label="Local authority area">{n.nomineeLocalAuthority}</Row>
          <Row label="Email">{n.nomineeEmail}</Row>
          <Row label="Knows they are nominated">{n.nomineeKnows == null ? "" : n.nomineeKnows ? "Yes" : "No"}</Row>
          {n.guardianName || n.guardianEmail ? (
            <>
              <Row label="Guardian">{n.guardianName}</Row>
              <Row label="Guardian's email">{n.guardianEmail}</Row>
              <Row label="Guardian's phone">{n.guardianPhone}</Row>
              <Row label="Guardian's consent">{n.guardianConsent ? "Given" : "Not given"}</Row>
            </>
          ) : null}
          {naming ? <PublicNamingRows naming={naming} consentAt={n.guardianPublicationConsentAt} /> : null}
        </dl>
        <Statement entry={entry} headingLevel={2} />

        {support.length ? (
          <section aria-labelledby="support-heading">
            <h2 id="support-heading">Further support from merged nominations</h2>
            <p>Judges see these statements with the entry.</p>
            {support.map((s) => (
              <article key={s.nomination.id} className="card support">
                <h3>
                  {s.nomination.reference}, from {s.nomination.nominatorName || "an unnamed nominator"}
                </h3>
                <Statement entry={s} headingLevel={3} />
              </article>
            ))}
          </section>
        ) : null}

        <h2 id="decision-heading">Eligibility</h2>
        {decidable ? (
          <Form method="post" {...getFormProps(form)} aria-labelledby="decision-heading">
            <EligibilityDecisionFields fields={fields} legend="Is this nomination eligible?" reasonHint="Needed when it is ineligible." />
          </Form>
        ) : (
          <p>An eligibility decision is not possible in this status.</p>
        )}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
