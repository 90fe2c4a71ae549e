import { getFormProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CONFLICT_SOURCES, CONFLICT_STATUSES } from "~/domain/vocabulary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, ErrorSummary, FilterSelect, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { JudgeAndNominationFields, JudgingAdminNav } from "~/components/judging";
import { Notice, NOTICE_PARAMS, withNotice } from "~/components/notice";
import { CONFLICT_KINDS, type ConflictKind } from "~/domain/judging";
import { ruleLabel, detectConflictsInCycle } from "~/models/conflict-detection.server";
import { conflictChoices, decideConflict, decideConflicts, listConflicts, setConflict } from "~/models/conflicts.server";
import { listActiveCategories } from "~/models/cycle.server";
import { cycleByYearOrCurrent } from "~/models/cycle-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { yearParam } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";
import { MAX_ID } from "~/domain/ids";

const reason = z
  .string({ error: "Give a reason" })
  .trim()
  .min(1, "Give a reason")
  .max(1000, "Keep the reason to 1000 characters or fewer");

const DecideSchema = z.object({
  intent: z.enum(["confirm", "dismiss"]),
  conflictId: z.number().int().max(MAX_ID).positive(),
  reason,
});

const SetSchema = z.object({
  intent: z.literal("set"),
  personId: z.number({ error: "Choose a judge" }).int().max(MAX_ID).positive(),
  nominationId: z.number({ error: "Choose a nomination" }).int().max(MAX_ID).positive(),
  reason,
});

const BulkSchema = z.object({
  intent: z.enum(["bulk-confirm", "bulk-dismiss"]),
  // The ticked boxes, each named conflictId.
  conflictId: z
    .array(z.number().int().max(MAX_ID).positive(), { error: "Tick at least one suspicion" })
    .min(1, "Tick at least one suspicion")
    .max(500, "Tick 500 or fewer suspicions at once"),
  reason,
});

type BulkErrors = { conflictIds?: string; reason?: string; form?: string };

const FilterSchema = z.object({
  status: z.enum(CONFLICT_STATUSES).optional().catch(undefined),
  source: z.enum(CONFLICT_SOURCES).optional().catch(undefined),
  category: z.coerce.number().int().max(MAX_ID).positive().optional().catch(undefined),
  judge: z.coerce.number().int().max(MAX_ID).positive().optional().catch(undefined),
});

/** The cycle `?year=` names, or the current one. */
async function judgingCycle(request: Request) {
  return (await cycleByYearOrCurrent(yearParam(request))) ?? notFound("There is no awards cycle yet.");
}

export const meta: MetaFunction = () => [{ title: "Conflicts of interest – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await judgingCycle(request);
  const filters = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const conflicts = await listConflicts({
    cycleId: cycle.id,
    status: filters.status,
    source: filters.source,
    categoryId: filters.category,
    personId: filters.judge,
  });
  const categories = await listActiveCategories(cycle.id);
  return {
    cycle: { id: cycle.id, year: cycle.year },
    filters,
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    ...(await conflictChoices(cycle.id)),
    conflicts: conflicts.map((c) => ({
      ...c,
      rule: ruleLabel(c.rule),
      kind: c.kind ? (CONFLICT_KINDS[c.kind as ConflictKind] ?? c.kind) : null,
      createdAt: formatLondon(c.createdAt),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const cycle = await judgingCycle(request);
  const url = new URL(request.url);
  const formData = await request.formData();
  const page = { cycleId: cycle.id, admin: { id: admin.id, name: admin.name }, back: pageAddress(url) };
  const intent = formData.get("intent");
  if (intent === "detect") return detect(page);
  if (intent === "bulk-confirm" || intent === "bulk-dismiss") return decideTicked(page, formData);
  if (intent === "set") return recordConflict(page, formData);
  return decideOne(page, formData);
}

type Page = { cycleId: number; admin: { id: number; name: string }; back: string };

/** This page's address with its filters, without what the last change said. */
function pageAddress(url: URL) {
  const params = new URLSearchParams(url.search);
  for (const said of NOTICE_PARAMS) params.delete(said);
  const query = params.toString();
  return `/admin/judging/conflicts${query ? `?${query}` : ""}`;
}

async function detect({ cycleId, admin, back }: Page) {
  const raised = await detectConflictsInCycle(cycleId, admin);
  return redirect(withNotice(back, "conflicts-detected", { count: raised }));
}

async function decideTicked({ cycleId, admin, back }: Page, formData: FormData) {
  const picked = formData.getAll("conflictId").map(String);
  const sentReason = String(formData.get("reason") ?? "");
  const reply = (errors: BulkErrors) =>
    data({ form: "bulk", result: null, bulk: { errors, picked: picked.map(Number).filter(Number.isInteger), reason: sentReason } }, { status: 400 });
  const submission = parseForm(formData, BulkSchema);
  if (submission.status !== "success") {
    const errors: BulkErrors = {};
    for (const [name, messages] of Object.entries(submission.error ?? {})) {
      const key = name === "reason" ? "reason" : name.startsWith("conflictId") ? "conflictIds" : "form";
      if (messages?.[0]) errors[key] ??= messages[0];
    }
    return reply(errors);
  }
  const suspected = new Set((await listConflicts({ cycleId, status: "suspected" })).map((c) => c.id));
  if (!submission.value.conflictId.every((id) => suspected.has(id))) {
    return reply({ conflictIds: "Tick only suspicions of this cycle that are still undecided" });
  }
  const decision = submission.value.intent === "bulk-confirm" ? "confirm" : "dismiss";
  const decided = await decideConflicts(admin, { conflictIds: submission.value.conflictId, decision, reason: submission.value.reason });
  if (decided === false) return reply({ conflictIds: "Some of those suspicions no longer exist" });
  return redirect(withNotice(back, decision === "confirm" ? "conflicts-confirmed" : "conflicts-dismissed", { count: decided }));
}

async function recordConflict({ cycleId, admin, back }: Page, formData: FormData) {
  const submission = parseForm(formData, SetSchema);
  if (submission.status !== "success") return data({ form: "set", result: submission.reply() }, { status: 400 });
  const { nominations, judges } = await conflictChoices(cycleId);
  if (!nominations.some((n) => n.id === submission.value.nominationId) || !judges.some((j) => j.id === submission.value.personId)) {
    return data({ form: "set", result: submission.reply({ formErrors: ["Choose a judge and a nomination from this cycle."] }) }, { status: 400 });
  }
  await setConflict(admin, submission.value);
  return redirect(withNotice(back, "conflict-set"));
}

async function decideOne({ cycleId, admin, back }: Page, formData: FormData) {
  const submission = parseForm(formData, DecideSchema);
  if (submission.status !== "success") {
    return data({ form: `decide-${formData.get("conflictId")}`, result: submission.reply() }, { status: 400 });
  }
  const [conflict] = await listConflicts({ cycleId }).then((all) => all.filter((c) => c.id === submission.value.conflictId));
  if (!conflict) return data({ form: `decide-${submission.value.conflictId}`, result: submission.reply({ formErrors: ["That conflict is not in this cycle."] }) }, { status: 400 });
  await decideConflict(admin, { conflictId: conflict.id, decision: submission.value.intent, reason: submission.value.reason });
  return redirect(withNotice(back, submission.value.intent === "confirm" ? "conflicts-confirmed" : "conflicts-dismissed", { count: 1 }));
}

type Row = Awaited<ReturnType<typeof loader>>["conflicts"][number];

function DecideForm({ conflict, lastResult }: { conflict: Row; lastResult: unknown }) {
  const [form, fields] = useSchemaForm({ id: `decide-${conflict.id}`, schema: DecideSchema, lastResult: lastResult as never });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="conflictId" value={conflict.id} />
      <ErrorList errors={form.errors} />
      <TextareaField
        label={<span>Reason<span className="visually-hidden"> for {conflict.judgeName} and {conflict.nomineeName}</span></span>}
        errors={fields.reason.errors}
        textareaProps={{ ...getTextareaProps(fields.reason), rows: 2 }}
      />
      <div className="button-group">
        {conflict.status !== "confirmed" ? (
          <SubmitButton name="intent" value="confirm">
            Confirm
          </SubmitButton>
        ) : null}
        {conflict.status !== "dismissed" ? (
          <SubmitButton name="intent" value="dismiss" secondary>
            Dismiss
          </SubmitButton>
        ) : null}
      </div>
    </Form>
  );
}

const STATUS_LABELS = { suspected: "Suspected", confirmed: "Confirmed", dismissed: "Dismissed" } as const;
const SOURCE_LABELS = { detected: "Found automatically", declared: "Declared by the judge", admin: "Set by an administrator" } as const;

export default function ConflictBoard() {
  const { cycle, filters, categories, judges, nominations, conflicts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [setForm, setFields] = useSchemaForm({
    id: "set-conflict",
    schema: SetSchema,
    lastResult: actionData?.form === "set" ? actionData.result : undefined,
  });
  const bulk = actionData && "bulk" in actionData ? (actionData.bulk as { errors: BulkErrors; picked: number[]; reason: string }) : null;
  const picked = new Set(bulk?.picked ?? []);
  const suspectedCount = conflicts.filter((c) => c.status === "suspected").length;
  return (
    <div className="prose wide">
      <p className="caption">Administration · Judging {cycle.year}</p>
      <h1>Conflicts of interest</h1>
      <JudgingAdminNav year={cycle.year} />
      {bulk ? (
        <ErrorSummary
          errors={[
            ...(bulk.errors.conflictIds ? [{ fieldId: "bulk-conflicts", message: bulk.errors.conflictIds }] : []),
            ...(bulk.errors.reason ? [{ fieldId: "bulk-reason", message: bulk.errors.reason }] : []),
            ...(bulk.errors.form ? [{ fieldId: "bulk-conflicts", message: bulk.errors.form }] : []),
          ]}
        />
      ) : null}
      <Notice />

      <Form method="get" className="filters">
        <input type="hidden" name="year" value={cycle.year} />
        <FilterSelect
          id="filter-status"
          name="status"
          label="Status"
          defaultValue={filters.status ?? ""}
          options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <FilterSelect
          id="filter-source"
          name="source"
          label="Source"
          defaultValue={filters.source ?? ""}
          options={Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <FilterSelect
          id="filter-category"
          name="category"
          label="Category"
          defaultValue={String(filters.category ?? "")}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <FilterSelect
          id="filter-judge"
          name="judge"
          label="Judge"
          defaultValue={String(filters.judge ?? "")}
          options={judges.map((j) => ({ value: j.id, label: j.name }))}
        />
        <SubmitButton secondary>Filter</SubmitButton>
      </Form>

      <Form method="post">
        <input type="hidden" name="intent" value="detect" />
        <SubmitButton secondary>Check for conflicts now</SubmitButton>
      </Form>

      {conflicts.length === 0 ? (
        <p>No conflicts match.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Conflicts of interest</caption>
          <thead>
            <tr>
              <th scope="col">Judge and nomination</th>
              <th scope="col">Status</th>
              <th scope="col">Evidence or note</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.status === "suspected" ? (
                    <div className="checkbox">
                      <input
                        type="checkbox"
                        form="bulk-decide"
                        name="conflictId"
                        value={c.id}
                        id={`bulk-${c.id}`}
                        defaultChecked={picked.has(c.id)}
                        aria-describedby={bulk?.errors.conflictIds ? "bulk-conflicts-error" : undefined}
                      />
                      <label htmlFor={`bulk-${c.id}`}>
                        <span className="visually-hidden">
                          Select {c.judgeName} and {c.nomineeName}
                        </span>
                      </label>
                    </div>
                  ) : null}
                  <strong>{c.judgeName}</strong>
                  <br />
                  {c.nomineeName} <span className="card__meta">({c.category}, {c.reference})</span>
                </td>
                <td>
                  <span className={`tag tag--${c.status}`}>{STATUS_LABELS[c.status]}</span>
                  <br />
                  <span className="card__meta">
                    {SOURCE_LABELS[c.source]}, {c.createdAt}
                    {c.pinned ? ". Pinned: detection will not raise it again" : ""}
                  </span>
                </td>
                <td>
                  {c.rule ? <p className="card__meta">{c.rule}</p> : null}
                  {c.evidence ? <p>{c.evidence}</p> : null}
                  {c.kind ? <p className="card__meta">{c.kind}</p> : null}
                  {c.note ? <p>{c.note}</p> : null}
                  {c.decisionReason ? <p>Reason: {c.decisionReason}</p> : null}
                </td>
                <td>
                  <DecideForm conflict={c} lastResult={actionData?.form === `decide-${c.id}` ? actionData.result : undefined} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {suspectedCount > 0 || bulk ? (
        <section aria-labelledby="bulk-heading">
          <h2 id="bulk-heading">Decide the ticked suspicions</h2>
          <p id="bulk-conflicts">Tick suspicions in the table above, give one reason for all of them, then confirm or dismiss them together.</p>
          <ErrorList id="bulk-conflicts-error" errors={bulk?.errors.conflictIds ? [bulk.errors.conflictIds] : bulk?.errors.form ? [bulk.errors.form] : undefined} />
          <Form method="post" id="bulk-decide" key={bulk ? `bulk-${bulk.reason}-${bulk.picked.join(",")}` : "bulk"}>
            <TextareaField
              label="Reason for the ticked suspicions"
              errors={bulk?.errors.reason ? [bulk.errors.reason] : undefined}
              textareaProps={{ id: "bulk-reason", name: "reason", rows: 2, defaultValue: bulk?.reason ?? "" }}
            />
            <div className="button-group">
              <SubmitButton name="intent" value="bulk-confirm">
                Confirm the ticked suspicions
              </SubmitButton>
              <SubmitButton name="intent" value="bulk-dismiss" secondary>
                Dismiss the ticked suspicions
              </SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}

      <h2>Record a conflict</h2>
      <p>For a connection the automatic checks cannot see. The judge loses the nomination at once and another judge takes it.</p>
      <ErrorSummary errors={summariseErrors(setForm, [setFields.personId, setFields.nominationId, setFields.reason])} />
      <Form method="post" {...getFormProps(setForm)}>
        <input type="hidden" name="intent" value="set" />
        <JudgeAndNominationFields judge={setFields.personId} nomination={setFields.nominationId} judges={judges} nominations={nominations} />
        <TextareaField
          label="Reason"
          errors={setFields.reason.errors}
          textareaProps={{ ...getTextareaProps(setFields.reason), rows: 2 }}
        />
        <SubmitButton secondary>Record the conflict</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
