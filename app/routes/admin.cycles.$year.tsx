import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice, withNotice } from "~/components/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WELSH_HINT, welshInput } from "~/components/category-forms";
import { WELSH_LIMITS } from "~/domain/welsh-content";
import { UnderEighteenPublicationList } from "~/components/publication-consent-admin";
import { underEighteenOnPublicLists } from "~/models/results-publication.server";
import { Checkbox, ErrorSummary, Field, Radios, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import {
  checkCycleDates,
  CYCLE_DATE_LABELS,
  MIN_SCORES_PER_JUDGE,
  nextPhases,
  RANKING_METHOD_LABELS,
  RANKING_METHODS,
  type CycleDateFields,
} from "~/domain/cycle-setup";
import { effectivePhase, PHASE_LABELS } from "~/domain/phases";
import { retentionDueAt } from "~/domain/retention";
import { getCycleByYear, updateCycleSettings } from "~/models/cycle-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";
import { EARLIEST_YEAR, formatLondon, LATEST_YEAR, parseLondonDateTime, toLondonInputValue } from "~/domain/time";

const DATE_FIELDS = Object.keys(CYCLE_DATE_LABELS) as Array<keyof CycleDateFields>;
const DATE_HINTS: Partial<Record<keyof CycleDateFields, string>> = {
  finalRoundCloseAt: "Only if the shortlist goes to an optional final round of judging.",
};

const londonDate = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const date = parseLondonDateTime(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: `Enter a real date and time between ${EARLIEST_YEAR} and ${LATEST_YEAR}, like 30/01/2027 17:00` });
      return z.NEVER;
    }
    return date;
  });

const SettingsSchema = z
  .object({
    name: z.string({ error: "Enter the cycle's name" }).trim().min(1, "Enter the cycle's name").max(120, "The name must be 120 characters or fewer"),
    nameCy: z.string().trim().max(WELSH_LIMITS.cycleName, `The Welsh name must be ${WELSH_LIMITS.cycleName} characters or fewer`).optional(),
    nominationsOpenAt: londonDate,
    nominationsCloseAt: londonDate,
    judgingOpenAt: londonDate,
    judgingCloseAt: londonDate,
    shortlistPublishAt: londonDate,
    finalRoundCloseAt: londonDate,
    winnersPublishAt: londonDate,
    retentionDays: z
      .number({ error: "Enter how many days to keep personal data, like 365" })
      .int("Enter a whole number of days")
      .min(30, "Keep personal data for at least 30 days after archiving")
      .max(3650, "Keep personal data for at most 3650 days (10 years)"),
    blindJudging: z.boolean().default(false),
    feedbackToNominees: z.boolean().default(false),
    rankingMethod: z.enum(RANKING_METHODS, { error: "Choose how the leaderboard ranks nominations" }),
    minScoresPerJudge: z
      .number({ error: `Enter a whole number of scores, like 3` })
      .int("Enter a whole number of scores")
      .min(MIN_SCORES_PER_JUDGE.min, `Enter at least ${MIN_SCORES_PER_JUDGE.min}`)
      .max(MIN_SCORES_PER_JUDGE.max, `Enter ${MIN_SCORES_PER_JUDGE.max} or fewer`),
  })
  .superRefine((value, ctx) => {
    const problems = checkCycleDates(value);
    for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: "custom", path: [path], message });
  });

export const meta: MetaFunction = ({ params }) => [{ title: `Cycle ${params.year} – Administration – Community Sponsorship Awards` }];

async function loadCycle(params: { year?: string }) {
  const cycle = await getCycleByYear(requireId(params.year, "There is no cycle for that year."));
  if (!cycle) notFound("There is no cycle for that year.");
  return cycle;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await loadCycle(params);
  const phase = effectivePhase(cycle, new Date());
  return {
    cycle: {
      year: cycle.year,
      name: cycle.name,
      nameCy: cycle.nameCy,
      storedPhase: PHASE_LABELS[cycle.phase],
      phase: PHASE_LABELS[phase],
      retentionDays: cycle.retentionDays,
      blindJudging: cycle.blindJudging,
      feedbackToNominees: cycle.feedbackToNominees,
      rankingMethod: cycle.rankingMethod,
      minScoresPerJudge: cycle.minScoresPerJudge,
      archivedAt: cycle.archivedAt ? formatLondon(cycle.archivedAt) : null,
      retentionDue: cycle.archivedAt ? formatLondon(retentionDueAt(cycle)) : null,
      dates: Object.fromEntries(DATE_FIELDS.map((f) => [f, { input: toLondonInputValue(cycle[f]), shown: formatLondon(cycle[f]) }])) as Record<
        keyof CycleDateFields,
        { input: string; shown: string }
      >,
    },
    next: nextPhases(phase).map((p) => ({ phase: p, label: PHASE_LABELS[p] })),
    underEighteen: await underEighteenOnPublicLists(cycle.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const cycle = await loadCycle(params);
  const submission = parseForm(await request.formData(), SettingsSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // A blank Welsh name clears the Welsh.
  const outcome = await updateCycleSettings(cycle.id, { ...submission.value, nameCy: submission.value.nameCy ?? null }, user);
  if (!outcome.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(outcome.problems).map(([field, message]) => [field, [message]]));
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return redirect(withNotice(`/admin/cycles/${cycle.year}`, "cycle-saved"));
}

export default function CyclePage() {
  const { cycle, next, underEighteen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm({
    id: "cycle-settings",
    schema: SettingsSchema,
    lastResult: actionData?.result,
    defaultValue: {
      name: cycle.name,
      nameCy: cycle.nameCy ?? "",
      retentionDays: String(cycle.retentionDays),
      blindJudging: cycle.blindJudging ? "on" : undefined,
      feedbackToNominees: cycle.feedbackToNominees ? "on" : undefined,
      rankingMethod: cycle.rankingMethod,
      minScoresPerJudge: String(cycle.minScoresPerJudge),
      ...Object.fromEntries(DATE_FIELDS.map((f) => [f, cycle.dates[f].input])),
    },
  });
  const dateFields = DATE_FIELDS.map((f) => fields[f]);
  return (
    <div className="prose">
      <p className="caption">Cycle {cycle.year}</p>
      <h1>{cycle.name}</h1>
      <Notice />
      <ErrorSummary
        errors={summariseErrors(form, [fields.name, fields.nameCy, ...dateFields, fields.retentionDays, fields.rankingMethod, fields.minScoresPerJudge, fields.feedbackToNominees])}
      />

      <h2>Phase</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Current phase</dt>
          <dd>
            <strong>{cycle.phase}</strong>
            {cycle.phase !== cycle.storedPhase ? <> (set to {cycle.storedPhase}; the dates decide the rest)</> : null}
          </dd>
        </div>
        {cycle.archivedAt ? (
          <div className="summary-list__row">
            <dt>Archived</dt>
            <dd>
              {cycle.archivedAt}. Personal data of unsuccessful nominations is removed on {cycle.retentionDue}.
            </dd>
          </div>
        ) : null}
      </dl>
      {next.length ? (
        <ul className="action-list">
          {next.map((n) => (
            <li key={n.phase}>
              <Link className="button button--secondary" to={`/admin/cycles/${cycle.year}/phase?to=${n.phase}`}>
                Move to {n.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>This cycle is archived: it has no further phase.</p>
      )}

      <h2>Dates and settings</h2>
      <p>Times are in UK time (Europe/London). Leave a date empty if it is not decided yet.</p>
      <UnderEighteenPublicationList entries={underEighteen} />
      <Form method="post" {...getFormProps(form)}>
        <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
        <Field
          label="Name in Welsh (Cymraeg)"
          hint={WELSH_HINT}
          errors={fields.nameCy.errors}
          inputProps={{ ...getInputProps(fields.nameCy, { type: "text" }), ...welshInput }}
        />
        {DATE_FIELDS.map((f) => (
          <Field
            key={f}
            label={CYCLE_DATE_LABELS[f]}
            hint={`${DATE_HINTS[f] ? `${DATE_HINTS[f]} ` : ""}Now: ${cycle.dates[f].shown}`}
            errors={fields[f].errors}
            className="field--medium"
            inputProps={getInputProps(fields[f], { type: "datetime-local" })}
          />
        ))}
        <Field
          label="Days to keep personal data after archiving"
          hint="Unsuccessful nominations lose their personal data this many days after the cycle is archived."
          errors={fields.retentionDays.errors}
          className="field--short"
          inputProps={{ ...getInputProps(fields.retentionDays, { type: "text" }), inputMode: "numeric" }}
        />
        <h3>Judging and results</h3>
        <Checkbox
          field={fields.blindJudging}
          label="Blind judging"
          hint="Judges do not see who nominated or how they know the nominee. Conflicts with nominators are still found automatically."
        />
        <Radios
          field={fields.rankingMethod}
          legend="Rank the leaderboard by"
          small
          options={RANKING_METHODS.map((method) => ({ value: method, label: RANKING_METHOD_LABELS[method] }))}
        />
        <Field
          label="Scores a judge must give before calibration adjusts them"
          hint="A judge with fewer scores is taken at face value: a leniency estimated from one or two scores is mostly noise."
          errors={fields.minScoresPerJudge.errors}
          className="field--short"
          inputProps={{ ...getInputProps(fields.minScoresPerJudge, { type: "text" }), inputMode: "numeric" }}
        />
        <Checkbox
          field={fields.feedbackToNominees}
          label="Feedback to nominees"
          hint="Judges are told that their comments may be shared without their names, and can keep a comment private. After the winners are published you review the comments on each nomination and release them by email to the nominator and nominee. Comments written before this is turned on stay private."
        />
        <SubmitButton>Save the cycle</SubmitButton>
      </Form>
      <p>
        <Link to={`/admin/categories?year=${cycle.year}`}>Categories of {cycle.year}</Link>
      </p>
      {cycle.feedbackToNominees ? (
        <p>
          <Link to={`/admin/feedback?year=${cycle.year}`}>Feedback to nominees of {cycle.year}</Link>
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
