import { getFormProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, ErrorSummary, TextareaField, type SummaryError } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { Notice, withNotice } from "~/components/notice";
import { LeaderboardTable } from "~/components/leaderboard";
import { ROUND_LABELS, resultsRound } from "~/domain/judging";
import { heldBackLabel, publicStage } from "~/domain/results";
import { CalibrationWarnings } from "~/components/leaderboard";
import { calibrationWarnings, getCategoryResults, leaderboardRows } from "~/models/results-leaderboard.server";
import { decideShortlist, recordAwards } from "~/models/results-decisions.server";
import { panelDecisionsFor } from "~/models/panel-meeting.server";
import { PanelDecisionsNotice } from "~/components/panel-meeting";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";
import { WELSH_LIMITS } from "~/domain/welsh-content";
import { PANEL_DECISION_LABELS } from "~/domain/panel-meeting";
import { MAX_ID } from "~/domain/ids";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.category.name ?? "Results"} – results – Community Sponsorship Awards` },
];

const ShortlistSchema = z.object({
  intent: z.literal("shortlist"),
  shortlist: z.array(z.coerce.number().int().max(MAX_ID).positive()).default([]),
  reason: z.string().trim().max(2000, "Reason must be 2,000 characters or fewer").optional(),
});

const AWARDS = ["winner", "highly_commended", "none"] as const;
const AwardsSchema = z.object({
  intent: z.literal("awards"),
  awards: z
    .array(
      z.object({
        nominationId: z.coerce.number().int().max(MAX_ID).positive(),
        award: z.enum(AWARDS, { error: "Choose winner, highly commended or no award" }),
        citation: z.string().max(1200, "Citation must be 1,200 characters or fewer").default(""),
        // Blank clears the Welsh: the English citation shows on Welsh pages, marked as English.
        citationCy: z.string().max(WELSH_LIMITS.citation, `The Welsh citation must be ${WELSH_LIMITS.citation} characters or fewer`).default(""),
      }),
    )
    .default([]),
});

const categoryIdFrom = (params: LoaderFunctionArgs["params"]) => requireId(params.categoryId, "There is no such category.");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const searchParams = new URL(request.url).searchParams;
  // The round the winners come from by default (the final round once one exists); the main round's is one click away.
  const results = await getCategoryResults(categoryIdFrom(params), { round: searchParams.get("round") === "main" ? "main" : undefined });
  if (!results) notFound("There is no such category.");
  const { category, cycle, board, suggestion, entries, round } = results;
  const stage = publicStage(cycle, new Date());
  return {
    panel: round === "main" ? await panelDecisionsFor(category.id) : null,
    round,
    decisiveRound: resultsRound(cycle),
    firstPlaced: board.rows.filter((r) => r.rank === 1).map((r) => r.label),
    category: { id: category.id, name: category.name, shortlistSize: category.shortlistSize },
    cycle: { year: cycle.year, rankingMethod: cycle.rankingMethod, minScoresPerJudge: cycle.minScoresPerJudge },
    stage,
    publishTimes: { shortlist: formatLondon(cycle.shortlistPublishAt), winners: formatLondon(cycle.winnersPublishAt) },
    alpha: board.alpha,
    heldBack: heldBackLabel(results.held),
    unadjustedJudges: board.unadjustedJudges.map((id) => results.judgeNames.get(id) ?? `Judge ${id}`),
    rows: leaderboardRows(results),
    warnings: calibrationWarnings(results),
    suggestion,
    decided: entries.some((e) => e.status !== "eligible"),
    finalists: entries
      .filter((e) => ["shortlisted", "winner", "highly_commended"].includes(e.status))
      .map((e) => ({ id: e.id, label: board.rows.find((r) => r.nominationId === e.id)?.label ?? e.nomineeName, status: e.status, citation: e.citation ?? "", citationCy: e.citationCy ?? "" })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const categoryId = categoryIdFrom(params);
  const formData = await request.formData();
  const actor = { id: admin.id, name: admin.name };
  return formData.get("intent") === "awards" ? saveAwards(categoryId, formData, actor) : saveShortlist(categoryId, formData, actor);
}

type Actor = { id: number; name: string };

async function saveAwards(categoryId: number, formData: FormData, actor: Actor) {
  const submission = parseForm(formData, AwardsSchema);
  if (submission.status !== "success") return data({ intent: "awards" as const, result: submission.reply(), problems: {}, form: null }, { status: 400 });
  const outcome = await recordAwards({ categoryId, choices: submission.value.awards, actor });
  if (!outcome.ok) {
    return data(
      { intent: "awards" as const, result: submission.reply(), problems: outcome.problems, form: outcome.form ?? null },
      { status: outcome.status },
    );
  }
  return redirect(withNotice(`/admin/results/${categoryId}`, "awards-saved"));
}

async function saveShortlist(categoryId: number, formData: FormData, actor: Actor) {
  const submission = parseForm(formData, ShortlistSchema);
  if (submission.status !== "success") return data({ intent: "shortlist" as const, result: submission.reply(), problems: {}, form: null }, { status: 400 });
  const outcome = await decideShortlist({ categoryId, chosen: submission.value.shortlist, reason: submission.value.reason ?? "", actor });
  if (!outcome.ok) {
    const field = outcome.field === "form" ? "" : outcome.field;
    return data(
      { intent: "shortlist" as const, result: submission.reply({ fieldErrors: { [field]: [outcome.message] } }), problems: {}, form: null },
      { status: outcome.status },
    );
  }
  return redirect(withNotice(`/admin/results/${categoryId}`, "shortlist-saved"));
}

export default function CategoryResults() {
  const loaderData = useLoaderData<typeof loader>();
  const { category, cycle, rows, suggestion, alpha, heldBack, unadjustedJudges, finalists, stage, decided, round, decisiveRound, firstPlaced, warnings, panel } =
    loaderData;
  const hasFinal = decisiveRound === "final";
  const roundQuery = hasFinal ? `?round=${round}` : "";
  const actionData = useActionData<typeof action>();
  // Without JavaScript a refused form comes back as a new page: refill it from what was sent.
  const sent = actionData?.result.initialValue as
    | { shortlist?: string | string[]; reason?: string; awards?: Array<{ award?: string; citation?: string; citationCy?: string }> }
    | undefined;

  const [shortlistForm, shortlistFields] = useSchemaForm({
    id: "shortlist-form",
    schema: ShortlistSchema,
    lastResult: actionData?.intent === "shortlist" ? actionData.result : undefined,
  });
  const [awardsForm] = useSchemaForm({
    id: "awards-form",
    schema: AwardsSchema,
    lastResult: actionData?.intent === "awards" ? actionData.result : undefined,
  });

  const current = new Set(rows.filter((r) => ["shortlisted", "winner", "highly_commended"].includes(r.status)).map((r) => r.nominationId));
  const sentShortlist = actionData?.intent === "shortlist" && sent ? [sent.shortlist ?? []].flat().map(Number) : null;
  // Until a shortlist is saved, the panel meeting's agreed shortlist (if it has one) fills the form.
  const checked = sentShortlist ? new Set(sentShortlist) : decided ? current : new Set(panel?.agreed.chosen.length ? panel.agreed.chosen : suggestion.suggested);
  const panelDecision = new Map(panel?.entries.map((e) => [e.nominationId, e.decision]) ?? []);
  const shortlistErrors: SummaryError[] = [
    ...(shortlistForm.errors ?? []).map((message) => ({ message })),
    ...(shortlistFields.shortlist.errors ?? []).map((message) => ({ fieldId: "shortlist-choices", message })),
    ...(shortlistFields.reason.errors ?? []).map((message) => ({ fieldId: shortlistFields.reason.id, message })),
  ];
  const awardProblems = actionData?.intent === "awards" ? actionData.problems : {};
  const awardErrors: SummaryError[] = [
    ...(actionData?.intent === "awards" && actionData.form ? [{ message: actionData.form }] : []),
    ...Object.entries(awardProblems).map(([id, message]) => ({ fieldId: `citation-${id}`, message: String(message) })),
  ];
  const locked = stage !== "none";

  return (
    <div className="prose wide">
      <p>
        <Link to={`/admin/results?year=${cycle.year}`}>All categories</Link> ·{" "}
        <Link to={`/admin/results/${category.id}/report${roundQuery}`}>Printable report</Link> ·{" "}
        <Link to={`/admin/results/${category.id}/panel`}>Panel meeting</Link> ·{" "}
        <a href={`/admin/results/${category.id}/export${roundQuery}`} download>
          Download the results (CSV)
        </a>
      </p>
      <p className="caption">Results {cycle.year}</p>
      <h1>{category.name}</h1>
      <Notice />

      {hasFinal ? (
        <nav aria-label="Rounds">
          <ul className="tag-list">
            {(["final", "main"] as const).map((r) => (
              <li key={r}>
                <Link to={`/admin/results/${category.id}?round=${r}`} aria-current={r === round ? "page" : undefined}>
                  {ROUND_LABELS[r]} leaderboard
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <h2>{hasFinal ? `Leaderboard: ${ROUND_LABELS[round].toLowerCase()}` : "Leaderboard"}</h2>
      {round === "final" ? (
        <p>
          The final round re-scored the shortlist on fresh score sheets: only its scores count here. The winners are decided
          from this leaderboard.
        </p>
      ) : null}
      <p>
        Ranked by the <strong>{cycle.rankingMethod === "calibrated" ? "calibrated score" : "weighted mean"}</strong>. The
        calibrated score removes each judge&apos;s typical leniency or harshness (an additive model fitted by least squares).
        Voided scores and unsubmitted drafts never count.
      </p>
      {heldBack ? <p className="notice">{heldBack}</p> : null}
      <p>
        Each calibrated score carries a 95% interval from the fit&apos;s standard errors, drawn as a bar beside the judges&apos;
        dots. &ldquo;Above the next&rdquo; is the probability that an entry truly ranks above the one below it: near 50% the
        order between them is a coin toss.
      </p>
      <p>
        Panel reliability (Krippendorff&apos;s alpha, interval):{" "}
        <strong>{alpha === null ? "not enough overlapping scores yet" : alpha.toFixed(2)}</strong>
        {alpha !== null && alpha < 0.667 ? " – low: judges often disagree, so treat close calls with care." : ""}
      </p>
      {unadjustedJudges.length ? (
        <p className="notice">
          Not adjusted, because they gave fewer than {cycle.minScoresPerJudge} scores: {unadjustedJudges.join(", ")}. Their
          scores are taken as given.
        </p>
      ) : null}
      <CalibrationWarnings warnings={warnings} rows={rows} />
      <LeaderboardTable
        rows={rows}
        method={cycle.rankingMethod}
        caption={round === "final" ? `${category.name}: the shortlist in the final round` : `${category.name}: every judged nomination`}
      />

      {round === "main" ? (
        <>
          <h2 id="shortlist">Shortlist</h2>
          {suggestion.note ? <p className="notice">{suggestion.note}</p> : null}
          {panel ? <PanelDecisionsNotice panel={panel} categoryId={category.id} locked={locked} /> : null}
          <p>
            Suggested: the top {category.shortlistSize}. Change the selection if the panel decided otherwise, and say why: the
            reason is kept in the audit log.
          </p>
          <ErrorSummary errors={shortlistErrors} />
          <Form method="post" {...getFormProps(shortlistForm)}>
            <input type="hidden" name="intent" value="shortlist" />
            <fieldset className="fieldset" id="shortlist-choices" disabled={locked}>
              <legend className="fieldset__legend">On the shortlist</legend>
              <ErrorList errors={shortlistFields.shortlist.errors} />
              {rows.map((row) => (
                <div className="checkbox" key={row.nominationId}>
                  <input
                    type="checkbox"
                    id={`shortlist-${row.nominationId}`}
                    name="shortlist"
                    value={row.nominationId}
                    defaultChecked={checked.has(row.nominationId)}
                  />
                  <label htmlFor={`shortlist-${row.nominationId}`}>
                    {row.label}
                    {suggestion.suggested.includes(row.nominationId) ? " (suggested)" : ""}
                    {panelDecision.get(row.nominationId) ? ` (panel: ${PANEL_DECISION_LABELS[panelDecision.get(row.nominationId)!].toLowerCase()})` : ""}
                  </label>
                </div>
              ))}
            </fieldset>
            <TextareaField
              label="Reason for any change from the suggestion"
              hint="Needed only when the shortlist differs from the suggestion."
              errors={shortlistFields.reason.errors}
              textareaProps={{
                ...getTextareaProps(shortlistFields.reason),
                ...(!decided && !sentShortlist && panel?.agreed.chosen.length && panel.agreed.reason ? { defaultValue: panel.agreed.reason } : {}),
                rows: 3,
                disabled: locked,
              }}
            />
            <button type="submit" className="button" disabled={locked}>
              Save the shortlist
            </button>
          </Form>
        </>
      ) : null}

      <h2 id="awards">Winners and highly commended</h2>
      {round !== decisiveRound ? (
        <p>
          The winners are decided from the final round:{" "}
          <Link to={`/admin/results/${category.id}?round=final#awards`}>choose them under its leaderboard</Link>.
        </p>
      ) : finalists.length === 0 ? (
        <p>Save a shortlist first; awards go to shortlisted nominations.</p>
      ) : (
        <>
          {round === "final" && firstPlaced.length ? <p>First in the final round: {firstPlaced.join(" and ")}.</p> : null}
          <ErrorSummary errors={awardErrors} />
          <Form method="post" {...getFormProps(awardsForm)}>
            <input type="hidden" name="intent" value="awards" />
            {finalists.map((f, i) => (
              <fieldset className="fieldset" key={f.id} disabled={stage === "winners"}>
                <legend className="fieldset__legend">{f.label}</legend>
                <input type="hidden" name={`awards[${i}].nominationId`} value={f.id} />
                <div className="radios radios--inline">
                  {(
                    [
                      ["winner", "Winner"],
                      ["highly_commended", "Highly commended"],
                      ["none", "No award"],
                    ] as const
                  ).map(([value, label]) => (
                    <div className="radio" key={value}>
                      <input
                        type="radio"
                        id={`award-${f.id}-${value}`}
                        name={`awards[${i}].award`}
                        value={value}
                        defaultChecked={
                          ((actionData?.intent === "awards" ? sent?.awards?.[i]?.award : undefined) ??
                            (f.status === "shortlisted" ? "none" : f.status)) === value
                        }
                      />
                      <label htmlFor={`award-${f.id}-${value}`}>{label}</label>
                    </div>
                  ))}
                </div>
                <TextareaField
                  label="Citation"
                  hint="Read out at the ceremony and shown on the public winners page."
                  errors={awardProblems[f.id as keyof typeof awardProblems] ? [String(awardProblems[f.id as keyof typeof awardProblems])] : undefined}
                  textareaProps={{
                    id: `citation-${f.id}`,
                    name: `awards[${i}].citation`,
                    defaultValue: (actionData?.intent === "awards" ? sent?.awards?.[i]?.citation : undefined) ?? f.citation,
                    rows: 3,
                  }}
                />
                <TextareaField
                  label="Citation in Welsh (Cymraeg)"
                  hint="Shown on the Welsh winners page and in Welsh emails. Until it is written, they show the English, marked as English."
                  textareaProps={{
                    id: `citation-cy-${f.id}`,
                    name: `awards[${i}].citationCy`,
                    defaultValue: (actionData?.intent === "awards" ? sent?.awards?.[i]?.citationCy : undefined) ?? f.citationCy,
                    rows: 3,
                    lang: "cy",
                  }}
                />
              </fieldset>
            ))}
            <button type="submit" className="button" disabled={stage === "winners"}>
              Save the awards
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
