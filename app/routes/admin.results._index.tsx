import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { and, count, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, summariseErrors } from "~/components/forms";
import { IN_PLAY, publicStage } from "~/domain/results";
import { getCurrentCycle, listActiveCategories } from "~/models/cycle.server";
import { schedulePublication } from "~/models/results.server";
import { requireAdmin } from "~/utils/auth.server";
import { db, schema } from "~/utils/db.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon, parseLondonDateTime, toLondonInputValue } from "~/utils/time";
import { parseId } from "~/domain/ids";

export const meta: MetaFunction = () => [{ title: "Results – Community Sponsorship Awards" }];

const londonTime = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || parseLondonDateTime(v) !== null, `${label} must be a real date and time, like 14/10/2026 19:00`);

const ScheduleSchema = z
  .object({
    shortlistPublishAt: londonTime("Shortlist publication"),
    winnersPublishAt: londonTime("Winners publication"),
  })
  .refine(
    (v) => {
      const s = v.shortlistPublishAt ? parseLondonDateTime(v.shortlistPublishAt) : null;
      const w = v.winnersPublishAt ? parseLondonDateTime(v.winnersPublishAt) : null;
      return !s || !w || w.getTime() >= s.getTime();
    },
    { path: ["winnersPublishAt"], message: "The winners cannot be published before the shortlist" },
  );

async function categorySummaries(cycleId: number) {
  const categories = await listActiveCategories(cycleId);
  const counts = await db
    .select({ categoryId: schema.nominations.categoryId, status: schema.nominations.status, n: count() })
    .from(schema.nominations)
    .where(and(eq(schema.nominations.cycleId, cycleId), inArray(schema.nominations.status, IN_PLAY), isNull(schema.nominations.mergedIntoId)))
    .groupBy(schema.nominations.categoryId, schema.nominations.status);
  const scored = await db
    .select({ categoryId: schema.nominations.categoryId, n: count() })
    .from(schema.scores)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.scores.nominationId))
    .where(and(eq(schema.nominations.cycleId, cycleId), isNotNull(schema.scores.submittedAt), isNull(schema.scores.voidedAt)))
    .groupBy(schema.nominations.categoryId);
  return categories.map((c) => {
    const mine = counts.filter((x) => x.categoryId === c.id);
    const of = (...statuses: string[]) => mine.filter((x) => statuses.includes(x.status)).reduce((a, x) => a + x.n, 0);
    return {
      id: c.id,
      name: c.name,
      inPlay: of(...IN_PLAY),
      undecided: of("eligible"),
      shortlisted: of("shortlisted", "winner", "highly_commended"),
      winners: of("winner"),
      scores: scored.find((x) => x.categoryId === c.id)?.n ?? 0,
    };
  });
}

/** The cycle named by ?year=, or the current one. */
async function cycleFor(request: Request) {
  const year = new URL(request.url).searchParams.get("year");
  if (year && /^\d{4}$/.test(year)) {
    const [cycle] = await db.select().from(schema.cycles).where(eq(schema.cycles.year, parseId(year) ?? 0));
    return cycle ?? null;
  }
  return getCurrentCycle();
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await cycleFor(request);
  if (!cycle) return { cycle: null, categories: [], years: [], scheduled: false };
  const years = await db.select({ year: schema.cycles.year }).from(schema.cycles).orderBy(desc(schema.cycles.year));
  return {
    scheduled: new URL(request.url).searchParams.has("scheduled"),
    years: years.map((y) => y.year),
    cycle: {
      id: cycle.id,
      year: cycle.year,
      stage: publicStage(cycle, new Date()),
      shortlistPublishAt: toLondonInputValue(cycle.shortlistPublishAt),
      winnersPublishAt: toLondonInputValue(cycle.winnersPublishAt),
      shortlistLabel: formatLondon(cycle.shortlistPublishAt),
      winnersLabel: formatLondon(cycle.winnersPublishAt),
    },
    categories: await categorySummaries(cycle.id),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const cycle = await cycleFor(request);
  if (!cycle) notFound("There is no such awards cycle.");
  const formData = await request.formData();
  const submission = await parseWithZod(formData, {
    async: true,
    schema: ScheduleSchema.superRefine(async (value, ctx) => {
      // Nothing goes public half-decided: every category needs its shortlist (or its winners) first.
      const summaries = await categorySummaries(cycle.id);
      const undecided = summaries.filter((c) => c.inPlay > 0 && c.undecided === c.inPlay).map((c) => c.name);
      if (value.shortlistPublishAt && undecided.length) {
        ctx.addIssue({ code: "custom", path: ["shortlistPublishAt"], message: `Decide the shortlist first in: ${undecided.join(", ")}` });
      }
      const noWinner = summaries.filter((c) => c.shortlisted > 0 && c.winners === 0).map((c) => c.name);
      if (value.winnersPublishAt && noWinner.length) {
        ctx.addIssue({ code: "custom", path: ["winnersPublishAt"], message: `Choose the winners first in: ${noWinner.join(", ")}` });
      }
      const now = Date.now();
      const published = publicStage(cycle, new Date(now));
      const changed = (before: Date | null, after?: string) =>
        // An unreadable time is reported on its field by the schema; here it must not throw.
        (before?.getTime() ?? null) !== ((after ? parseLondonDateTime(after) : null)?.getTime() ?? null);
      if (published !== "none" && changed(cycle.shortlistPublishAt, value.shortlistPublishAt)) {
        ctx.addIssue({ code: "custom", path: ["shortlistPublishAt"], message: "The shortlist is already public; its time cannot change" });
      }
      if (published === "winners" && changed(cycle.winnersPublishAt, value.winnersPublishAt)) {
        ctx.addIssue({ code: "custom", path: ["winnersPublishAt"], message: "The winners are already public; their time cannot change" });
      }
    }),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await schedulePublication({
    cycleId: cycle.id,
    shortlistPublishAt: submission.value.shortlistPublishAt ? parseLondonDateTime(submission.value.shortlistPublishAt) : null,
    winnersPublishAt: submission.value.winnersPublishAt ? parseLondonDateTime(submission.value.winnersPublishAt) : null,
    actor: { id: admin.id, name: admin.name },
  });
  return redirect(`/admin/results?year=${cycle.year}&scheduled=1`);
}

export default function ResultsIndex() {
  const { cycle, categories, years, scheduled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "schedule",
    lastResult: actionData?.result,
    defaultValue: { shortlistPublishAt: cycle?.shortlistPublishAt, winnersPublishAt: cycle?.winnersPublishAt },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ScheduleSchema }),
    shouldValidate: "onSubmit",
  });
  if (!cycle) return <p>There is no awards cycle yet.</p>;
  return (
    <div className="prose wide">
      <p className="caption">Results {cycle.year}</p>
      <h1>Results</h1>
      {years.length > 1 ? (
        <nav aria-label="Other years">
          <p>
            Other years:{" "}
            {years
              .filter((y) => y !== cycle.year)
              .map((y, i) => (
                <span key={y}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/admin/results?year=${y}`}>{y}</Link>
                </span>
              ))}
          </p>
        </nav>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">Categories and their results</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col" className="num">Judged nominations</th>
            <th scope="col" className="num">Scores</th>
            <th scope="col">Shortlist</th>
            <th scope="col">Winners</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/admin/results/${c.id}`}>{c.name}</Link>
              </td>
              <td className="num">{c.inPlay}</td>
              <td className="num">{c.scores}</td>
              <td>{c.inPlay === 0 ? "–" : c.undecided === c.inPlay ? "not decided" : `${c.shortlisted} shortlisted`}</td>
              <td>{c.winners ? `${c.winners} chosen` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Publication</h2>
      {scheduled ? (
        <p className="notice" role="status">
          The publication times have been saved.
        </p>
      ) : null}
      <p>
        The shortlist and the winners each go public at the time set here (UK time): the public pages change at that
        second, and the emails to nominators and nominees go out. Nothing is shown before.
      </p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Shortlist</dt>
          <dd>{cycle.stage === "none" ? `not public; scheduled for ${cycle.shortlistLabel}` : `public since ${cycle.shortlistLabel}`}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Winners</dt>
          <dd>{cycle.stage === "winners" ? `public since ${cycle.winnersLabel}` : `not public; scheduled for ${cycle.winnersLabel}`}</dd>
        </div>
      </dl>
      <ErrorSummary errors={summariseErrors(form.errors, [fields.shortlistPublishAt, fields.winnersPublishAt])} />
      <Form method="post" {...getFormProps(form)} className="narrow-form">
        <Field
          label="Publish the shortlist at"
          hint="Leave empty to keep it unscheduled."
          errors={fields.shortlistPublishAt.errors}
          inputProps={{ ...getInputProps(fields.shortlistPublishAt, { type: "datetime-local" }), step: 1 }}
        />
        <Field
          label="Publish the winners at"
          hint="For example, the moment the ceremony announces them."
          errors={fields.winnersPublishAt.errors}
          inputProps={{ ...getInputProps(fields.winnersPublishAt, { type: "datetime-local" }), step: 1 }}
        />
        <button type="submit" className="button">
          Save the publication times
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
