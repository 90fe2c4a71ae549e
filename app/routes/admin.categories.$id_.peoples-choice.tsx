import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice, withNotice } from "~/components/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SelectField, SubmitButton, TextareaField, type SummaryError } from "~/components/forms";
import { VOID_REASON_MAX, votePath, type BatchKind, type ReportRow } from "~/domain/peoples-choice";
import { EARLIEST_YEAR, formatLondon, LATEST_YEAR, parseLondonDateTime, toLondonInputValue } from "~/domain/time";
import { getPeoplesChoiceAdmin, setVotingWindow, voidVotes } from "~/models/peoples-choice.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `People's Choice: ${data?.category.name ?? "category"} – Administration – Community Sponsorship Awards` },
];

const STATE_LABELS = { off: "Off", not_open: "Not open yet", open: "Open", closed: "Closed" } as const;

async function load(params: { id?: string }) {
  const admin = await getPeoplesChoiceAdmin(requireId(params.id, "There is no such category."));
  if (!admin) notFound("There is no such category.");
  return admin;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const admin = await load(params);
  return {
    ...admin,
    inputs: { opensAt: toLondonInputValue(admin.window.opensAt), closesAt: toLondonInputValue(admin.window.closesAt) },
    times: {
      opensAt: admin.window.opensAt ? formatLondon(admin.window.opensAt) : null,
      closesAt: admin.window.closesAt ? formatLondon(admin.window.closesAt) : null,
      shortlist: admin.cycle.shortlistPublishAt ? formatLondon(admin.cycle.shortlistPublishAt) : "not set",
      winners: admin.cycle.winnersPublishAt ? formatLondon(admin.cycle.winnersPublishAt) : "not set",
    },
  };
}

type Errors = Partial<Record<"opensAt" | "closesAt" | "batch" | "reason" | "form", string>>;
type Values = Record<string, string>;
const refuse = (intent: string, errors: Errors, values: Values) => data({ intent, errors, values }, { status: 400 });

function readTime(raw: string, label: string): { at: Date | null; problem?: string } {
  if (!raw.trim()) return { at: null };
  const at = parseLondonDateTime(raw);
  return at ? { at } : { at: null, problem: `${label} must be a real date and time between ${EARLIEST_YEAR} and ${LATEST_YEAR}, like 14/10/2026 19:00` };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const admin = await load(params);
  const formData = await request.formData();
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, 1000) : "";
  };
  const intent = field("intent");
  const here = `/admin/categories/${admin.category.id}/peoples-choice`;
  const actor = { id: user.id, name: user.name };

  if (intent === "window") {
    const values = { opensAt: field("opensAt"), closesAt: field("closesAt") };
    const opens = readTime(values.opensAt, "The opening time");
    const closes = readTime(values.closesAt, "The closing time");
    if (opens.problem || closes.problem) return refuse(intent, { opensAt: opens.problem, closesAt: closes.problem }, values);
    const outcome = await setVotingWindow({ categoryId: admin.category.id, requested: { opensAt: opens.at, closesAt: closes.at }, actor });
    if (!outcome.ok) return refuse(intent, outcome.problems, values);
    return redirect(withNotice(here, "peoples-choice-saved"));
  }
  if (intent === "void") {
    const values = { batch: field("batch"), reason: field("reason") };
    const m = /^(domain|network):(.+)$/.exec(values.batch);
    if (!m) return refuse(intent, { batch: "Choose the batch of votes to void" }, values);
    if (values.reason.trim().length > VOID_REASON_MAX) return refuse(intent, { reason: `The reason must be ${VOID_REASON_MAX} characters or fewer` }, values);
    const outcome = await voidVotes({ categoryId: admin.category.id, kind: m[1] as BatchKind, value: m[2], reason: values.reason, actor });
    if (!outcome.ok) return refuse(intent, { [outcome.field]: outcome.message }, values);
    return redirect(withNotice(here, "votes-voided"));
  }
  return refuse(intent, { form: "Choose what to change" }, {});
}

const FIELD_IDS: Record<string, string> = { opensAt: "opensAt", closesAt: "closesAt", batch: "batch", reason: "reason" };

function ReportTable({ rows, kind, caption, nominees }: { rows: ReportRow[]; kind: BatchKind; caption: string; nominees: Map<number, string> }) {
  if (rows.length === 0) return <p>No votes yet.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{kind === "domain" ? "Email domain" : "Network"}</th>
          <th scope="col">Votes</th>
          <th scope="col">Confirmed</th>
          <th scope="col">Counted</th>
          <th scope="col">Voided</th>
          <th scope="col">Most for</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.key}</td>
            <td>{r.votes}</td>
            <td>{r.confirmed}</td>
            <td>{r.counted}</td>
            <td>{r.voided}</td>
            <td>{r.topNominationId ? `${nominees.get(r.topNominationId) ?? "another nominee"} (${Math.round(r.topShare * 100)}%)` : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function PeoplesChoiceAdmin() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Errors = actionData?.errors ?? {};
  const values: Values = actionData?.values ?? {};
  const summary: SummaryError[] = Object.entries(errors)
    .filter(([, message]) => Boolean(message))
    .map(([key, message]) => ({ fieldId: FIELD_IDS[key], message: message! }));
  const nominees = new Map(loaded.nominees.map((n) => [n.id, n.name]));
  const isWindow = actionData?.intent === "window";
  const batches = [...loaded.byDomain.map((r) => ({ kind: "domain", row: r })), ...loaded.byNetwork.map((r) => ({ kind: "network", row: r }))].filter(
    ({ row }) => row.votes > row.voided,
  );
  return (
    <div className="prose wide">
      <p className="caption">
        <Link to={`/admin/categories/${loaded.category.id}`}>{loaded.category.name}</Link>
      </p>
      <h1>People&apos;s Choice: {loaded.category.name}</h1>
      <Notice />
      <ErrorSummary errors={summary} />

      <section aria-labelledby="window-heading">
        <h2 id="window-heading">Voting window</h2>
        <p>
          {STATE_LABELS[loaded.state]}
          {loaded.times.opensAt ? `: from ${loaded.times.opensAt} to ${loaded.times.closesAt} (UK time)` : "."}{" "}
          {loaded.state === "open" ? <Link to={votePath(loaded.cycle.year, loaded.category.slug)}>The public vote page</Link> : null}
        </p>
        <p>
          The public can vote for one shortlisted nominee with their email address. Voting opens after the shortlist is published ({loaded.times.shortlist}) and
          closes before or when the winners are (
          {loaded.times.winners}). Counts stay here until the winners are published, then show on the winners page. Clear both times to turn it off.
        </p>
        <Form method="post" className="narrow">
          <input type="hidden" name="intent" value="window" />
          {isWindow && errors.form ? <p className="field-error">{errors.form}</p> : null}
          <Field
            label="Voting opens (UK time)"
            errors={[errors.opensAt]}
            inputProps={{ id: "opensAt", name: "opensAt", type: "datetime-local", step: 1, defaultValue: isWindow ? values.opensAt : loaded.inputs.opensAt }}
          />
          <Field
            label="Voting closes (UK time)"
            errors={[errors.closesAt]}
            inputProps={{ id: "closesAt", name: "closesAt", type: "datetime-local", step: 1, defaultValue: isWindow ? values.closesAt : loaded.inputs.closesAt }}
          />
          <SubmitButton>Save the voting window</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">Counts</h2>
        <p>
          {loaded.totals.votes} {loaded.totals.votes === 1 ? "vote" : "votes"} cast: {loaded.totals.counted} counted, {loaded.totals.awaiting} awaiting
          confirmation, {loaded.totals.voided} voided.
        </p>
        <table className="table">
          <caption className="visually-hidden">Counted votes per nominee</caption>
          <thead>
            <tr>
              <th scope="col">Nominee</th>
              <th scope="col">Counted votes</th>
            </tr>
          </thead>
          <tbody>
            {loaded.nominees.map((n) => (
              <tr key={n.id}>
                <td>{n.name}</td>
                <td>{n.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-heading">
        <h2 id="report-heading">Where the votes come from</h2>
        <p>
          A campaign of fake votes shows as many votes from one email domain or one network, most of them for one nominee. We keep only the network of each
          voter&apos;s address (the first three parts of an IPv4 address, the first three groups of an IPv6 one), never the address itself.
        </p>
        <h3>By email domain</h3>
        <ReportTable rows={loaded.byDomain} kind="domain" caption="Votes by email domain" nominees={nominees} />
        <h3>By network</h3>
        <ReportTable rows={loaded.byNetwork} kind="network" caption="Votes by network" nominees={nominees} />
      </section>

      <section aria-labelledby="void-heading">
        <h2 id="void-heading">Void a batch of votes</h2>
        {loaded.voidProblem ? (
          <p>{loaded.voidProblem}.</p>
        ) : batches.length === 0 ? (
          <p>There are no votes to void.</p>
        ) : (
          <Form method="post" className="narrow">
            <input type="hidden" name="intent" value="void" />
            {actionData?.intent === "void" && errors.form ? <p className="field-error">{errors.form}</p> : null}
            <SelectField
              field={{ id: "batch", name: "batch", errors: [errors.batch], initialValue: values.batch }}
              label="Votes to void"
              options={batches.map(({ kind, row }) => ({
                value: `${kind}:${row.key}`,
                label: `${kind === "domain" ? "Email domain" : "Network"} ${row.key} (${row.votes - row.voided} standing)`,
              }))}
            />
            <TextareaField
              label="Why are these votes void?"
              hint="Recorded in the audit log. Voided votes never count, and their email addresses cannot vote again in this category."
              errors={[errors.reason]}
              textareaProps={{ id: "reason", name: "reason", rows: 3, defaultValue: values.reason, maxLength: VOID_REASON_MAX }}
            />
            <SubmitButton>Void these votes</SubmitButton>
          </Form>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
