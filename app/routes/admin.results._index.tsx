import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { Notice, withNotice } from "~/components/notice";
import { ROUND_LABELS, finalRoundStartProblem, resultsRound, roundHasClosed } from "~/domain/judging";
import { effectivePhase } from "~/domain/phases";
import { publicStage } from "~/domain/results";
import { getCurrentCycle, type Cycle } from "~/models/cycle.server";
import { getCycleByYear, listCycles } from "~/models/cycle-setup.server";
import { finalRoundCategories } from "~/models/final-round.server";
import { categorySummaries } from "~/models/results-decisions.server";
import { schedulePublication, underEighteenOnPublicLists } from "~/models/results-publication.server";
import { UnderEighteenPublicationList } from "~/components/publication-consent-admin";
import { requireAdmin } from "~/utils/auth.server";
import { yearParam } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";
import { EARLIEST_YEAR, formatLondon, LATEST_YEAR, parseLondonDateTime, toLondonInputValue } from "~/domain/time";

export const meta: MetaFunction = () => [{ title: "Results – Community Sponsorship Awards" }];

const londonTime = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || parseLondonDateTime(v) !== null, `${label} must be a real date and time between ${EARLIEST_YEAR} and ${LATEST_YEAR}, like 14/10/2026 19:00`);

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

/** The cycle named by ?year=, or the current one. */
async function cycleFor(request: Request) {
  // A year named but not found is no cycle (the page says so), never the current one.
  const year = yearParam(request);
  return year ? getCycleByYear(year) : getCurrentCycle();
}

/**
 * Where the optional final round stands: "later" before the shortlist is published,
 * "available" while it may start, "open" and then "deadline" while it runs, "closed"
 * once it has run, and "skipped" when the cycle went on without one.
 */
async function finalRoundState(cycle: Cycle, now: Date) {
  const phase = effectivePhase(cycle, now);
  const deadline = cycle.finalRoundCloseAt ? formatLondon(cycle.finalRoundCloseAt) : null;
  if (phase === "final_round") return { state: roundHasClosed(cycle, "final", now) ? "deadline" : "open", deadline, problem: null } as const;
  if (cycle.finalRoundStartedAt) return { state: "closed", deadline, problem: null } as const;
  if (phase === "shortlist_published") {
    const problem = finalRoundStartProblem(cycle, await finalRoundCategories(cycle.id), now);
    return { state: "available", deadline, problem } as const;
  }
  return { state: PHASES_BEFORE_SHORTLIST.includes(phase) ? "later" : "skipped", deadline, problem: null } as const;
}
const PHASES_BEFORE_SHORTLIST: string[] = ["draft", "nominations_open", "nominations_closed", "judging"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await cycleFor(request);
  if (!cycle) return { cycle: null, categories: [], years: [], finalRound: null, underEighteen: [] };
  const years = await listCycles();
  const round = resultsRound(cycle);
  return {
    finalRound: await finalRoundState(cycle, new Date()),
    years: years.map((y) => y.year),
    cycle: {
      id: cycle.id,
      year: cycle.year,
      round,
      stage: publicStage(cycle, new Date()),
      shortlistPublishAt: toLondonInputValue(cycle.shortlistPublishAt),
      winnersPublishAt: toLondonInputValue(cycle.winnersPublishAt),
      shortlistLabel: formatLondon(cycle.shortlistPublishAt),
      winnersLabel: formatLondon(cycle.winnersPublishAt),
    },
    categories: await categorySummaries(cycle.id, round),
    underEighteen: await underEighteenOnPublicLists(cycle.id),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const cycle = await cycleFor(request);
  if (!cycle) notFound("There is no such awards cycle.");
  const formData = await request.formData();
  const submission = parseForm(formData, ScheduleSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // The rule lives in app/domain/phase-rules.ts and is enforced by the model; this page shows its answer.
  const outcome = await schedulePublication({
    cycleId: cycle.id,
    shortlistPublishAt: submission.value.shortlistPublishAt ? parseLondonDateTime(submission.value.shortlistPublishAt) : null,
    winnersPublishAt: submission.value.winnersPublishAt ? parseLondonDateTime(submission.value.winnersPublishAt) : null,
    actor: { id: admin.id, name: admin.name },
  });
  if (!outcome.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(outcome.problems).map(([field, message]) => [field, [message]]));
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return redirect(withNotice(`/admin/results?year=${cycle.year}`, "publication-scheduled"));
}

export default function ResultsIndex() {
  const { cycle, categories, years, finalRound, underEighteen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm({
    id: "schedule",
    schema: ScheduleSchema,
    lastResult: actionData?.result,
    defaultValue: { shortlistPublishAt: cycle?.shortlistPublishAt, winnersPublishAt: cycle?.winnersPublishAt },
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
      <Notice />
      {cycle.round === "final" ? (
        <p>Leaderboards and scores below are from the {ROUND_LABELS.final.toLowerCase()}; each category links to the main round&apos;s too.</p>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">Categories and their results</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col" className="num">Judged nominations</th>
            <th scope="col" className="num">{cycle.round === "final" ? "Final-round scores" : "Scores"}</th>
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

      {finalRound ? <FinalRoundSection year={cycle.year} {...finalRound} /> : null}

      <h2>Publication</h2>
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
      <UnderEighteenPublicationList entries={underEighteen} />
      <ErrorSummary errors={summariseErrors(form, [fields.shortlistPublishAt, fields.winnersPublishAt])} />
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

function FinalRoundSection({
  year,
  state,
  deadline,
  problem,
}: {
  year: number;
  state: "later" | "available" | "open" | "deadline" | "closed" | "skipped";
  deadline: string | null;
  problem: string | null;
}) {
  if (state === "skipped") return null;
  const closes = deadline ? ` It closes for scoring on ${deadline} (UK time).` : " It has no closing date yet; set one on the cycle's page.";
  return (
    <section aria-labelledby="final-round">
      <h2 id="final-round">Final round</h2>
      {state === "later" ? (
        <p>An optional final round, in which judges score the shortlist again, can start once the shortlist is published.</p>
      ) : null}
      {state === "available" ? (
        <>
          <p>
            If the panels want to look again at the shortlist, start a final round: judges score each shortlisted nomination
            afresh, and the winners are decided from its leaderboard. Otherwise choose the winners now.
          </p>
          {problem ? (
            <p className="notice">{problem}</p>
          ) : (
            <p>
              <Link className="button button--secondary" to={`/admin/results/final-round?year=${year}&do=start`}>
                Start the final round
              </Link>
            </p>
          )}
        </>
      ) : null}
      {state === "open" || state === "deadline" ? (
        <>
          <p>
            {state === "open" ? `The final round is open.${closes}` : `The final round's closing date (${deadline}) has passed: no more scores can be saved.`}{" "}
            <Link to={`/admin/judging/assignments?year=${year}`}>Assign its judges</Link> and{" "}
            <Link to={`/admin/judging?year=${year}`}>follow their progress</Link>.
          </p>
          <p>
            <Link className="button button--secondary" to={`/admin/results/final-round?year=${year}&do=close`}>
              Close the final round
            </Link>
          </p>
        </>
      ) : null}
      {state === "closed" ? <p>The final round has closed. The winners are decided from its leaderboard.</p> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
