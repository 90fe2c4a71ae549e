import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { JudgeAndNominationFields, JudgingAdminNav } from "~/components/judging";
import { Notice, withNotice } from "~/components/notice";
import { currentRound, ROUND_LABELS, type Round } from "~/domain/judging";
import { assignJudge, runCategoryAssignments, runCycleAssignments, unassignJudge, type CategoryRunReport } from "~/models/assignments.server";
import { cycleByYearOrCurrent } from "~/models/cycle-setup.server";
import { assignmentBoard, reopenScores } from "~/models/judging-admin.server";
import { requireAdmin } from "~/utils/auth.server";
import { numberParam, yearParam } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";
import { MAX_ID, parseId } from "~/domain/ids";

const AddSchema = z.object({
  intent: z.literal("add"),
  judgeId: z.number({ error: "Choose a judge" }).int().max(MAX_ID).positive(),
  nominationId: z.number({ error: "Choose a nomination" }).int().max(MAX_ID).positive(),
});

export const meta: MetaFunction = () => [{ title: "Assignments – Administration – Community Sponsorship Awards" }];

/** The cycle `?year=` names, or the current one. */
async function judgingCycle(request: Request) {
  return (await cycleByYearOrCurrent(yearParam(request))) ?? notFound("There is no awards cycle yet.");
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await judgingCycle(request);
  const round = currentRound(cycle);
  const board = await assignmentBoard(cycle.id, numberParam(request, "category"), round);
  return {
    cycle: { id: cycle.id, year: cycle.year },
    round,
    categories: board.categories.map((c) => ({ id: c.id, name: c.name })),
    category: board.category && { id: board.category.id, name: board.category.name, k: board.category.judgesPerNomination },
    panel: board.panel,
    nominations: board.nominations,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const cycle = await judgingCycle(request);
  const round = currentRound(cycle);
  const actor = { id: admin.id, name: admin.name };
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "run-all") {
    return data({ result: null, run: null, all: await runCycleAssignments(cycle.id, actor, { round }) });
  }
  const board = await assignmentBoard(cycle.id, numberParam(request, "category"), round);
  if (!board.category) return data({ result: null, run: null }, { status: 400 });
  const category = { id: board.category.id, nominations: board.nominations };
  const back = `/admin/judging/assignments?year=${cycle.year}&category=${category.id}`;
  const pair = { judgeId: parseId(formData.get("judgeId")) ?? 0, nominationId: parseId(formData.get("nominationId")) ?? 0 };
  const inCategory = category.nominations.some((nom) => nom.id === pair.nominationId);
  const intents = {
    run: () => runCategory(category, actor, round),
    remove: async () => {
      await unassignJudge(pair, actor, round);
      return redirect(withNotice(back, "assignment-removed"));
    },
    reopen: async () => {
      await reopenScores(pair, actor, round);
      return redirect(withNotice(back, "scores-reopened"));
    },
    add: () => addAssignment(formData, category, actor, back),
  };
  // Remove and reopen act only on a nomination of this category; anything else is read as "add".
  if (intent === "run") return intents.run();
  if ((intent === "remove" || intent === "reopen") && inCategory) return intents[intent]();
  return intents.add();
}

type Actor = { id: number; name: string };
type BoardCategory = { id: number; nominations: Array<{ id: number; nomineeName: string }> };

async function runCategory(category: BoardCategory, actor: Actor, round: Round) {
  const result = await runCategoryAssignments(category.id, actor, { round });
  const names = new Map(category.nominations.map((nom) => [nom.id, nom.nomineeName]));
  return data({
    result: null,
    run: {
      added: result.added.length,
      kept: result.kept.length,
      dropped: result.dropped.length,
      shortfalls: result.shortfalls.map((s) => ({ ...s, nomineeName: names.get(s.nominationId) ?? `#${s.nominationId}` })),
    },
  });
}

async function addAssignment(formData: FormData, category: BoardCategory, actor: Actor, back: string) {
  const submission = parseForm(formData, AddSchema);
  if (submission.status !== "success") return data({ result: submission.reply(), run: null }, { status: 400 });
  if (!category.nominations.some((nom) => nom.id === submission.value.nominationId)) {
    return data({ result: submission.reply({ fieldErrors: { nominationId: ["Choose a nomination from this category"] } }), run: null }, { status: 400 });
  }
  const refused = await assignJudge(submission.value, actor);
  if (refused) return data({ result: submission.reply({ formErrors: [refused] }), run: null }, { status: 400 });
  return redirect(withNotice(back, "assignment-added"));
}

export default function AdminAssignments() {
  const { cycle, round, categories, category, panel, nominations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm({ id: "add-assignment", schema: AddSchema, lastResult: actionData?.result ?? undefined });
  const run = actionData?.run;
  const all = actionData && "all" in actionData ? (actionData.all as CategoryRunReport[]) : null;
  const q = category ? `?year=${cycle.year}&category=${category.id}` : `?year=${cycle.year}`;
  return (
    <div className="prose wide">
      <p className="caption">Administration · Judging {cycle.year}</p>
      <h1>Assignments{round === "final" ? `: ${ROUND_LABELS.final.toLowerCase()}` : ""}</h1>
      <JudgingAdminNav year={cycle.year} />
      {round === "final" ? (
        <p>
          The final round re-scores the shortlist: only shortlisted nominations are assigned here, on fresh score sheets.
          The main round&apos;s assignments and scores are kept as they were.
        </p>
      ) : null}
      {all ? (
        <section className="panel-box" role="status" aria-labelledby="run-all-heading">
          <h2 id="run-all-heading">The assignment ran for every category</h2>
          {all.length === 0 ? <p>This cycle has no categories.</p> : null}
          {all.map((c) => (
            <div key={c.categoryId}>
              <h3>{c.name}</h3>
              <p>
                {c.added} added, {c.kept} kept, {c.dropped} removed.
              </p>
              {c.shortfalls.length > 0 ? (
                <>
                  <p>
                    <strong>{c.shortfalls.length === 1 ? "1 nomination lacks judges" : `${c.shortfalls.length} nominations lack judges`}:</strong>
                  </p>
                  <ul>
                    {c.shortfalls.map((s) => (
                      <li key={s.nominationId}>
                        {s.nomineeName}: {s.assigned} of {s.wanted} judges, because {s.reason}.
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>Every nomination has {c.k} judges.</p>
              )}
            </div>
          ))}
        </section>
      ) : null}
      {categories.length > 1 ? (
        <Form method="post" action={`/admin/judging/assignments${q}`}>
          <input type="hidden" name="intent" value="run-all" />
          <SubmitButton>Assign judges in every category</SubmitButton>
        </Form>
      ) : null}
      <nav aria-label="Categories">
        <ul className="tag-list">
          {categories.map((c) => (
            <li key={c.id}>
              <Link to={`?year=${cycle.year}&category=${c.id}`} aria-current={c.id === category?.id ? "page" : undefined}>
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {!category ? (
        <p>This cycle has no categories.</p>
      ) : (
        <>
          <h2>{category.name}</h2>
          <Notice />
          {run ? (
            <div className="panel-box" role="status">
              <p>
                The assignment ran: {run.added} added, {run.kept} kept, {run.dropped} removed.
              </p>
              {run.shortfalls.length > 0 ? (
                <>
                  <p>
                    <strong>
                      {run.shortfalls.length === 1 ? "1 nomination lacks judges" : `${run.shortfalls.length} nominations lack judges`}:
                    </strong>
                  </p>
                  <ul>
                    {run.shortfalls.map((s) => (
                      <li key={s.nominationId}>
                        {s.nomineeName}: {s.assigned} of {s.wanted} judges, because {s.reason}.
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>Every nomination has {category.k} judges.</p>
              )}
            </div>
          ) : null}
          <p>
            Each nomination gets {category.k} judges from the panel of {panel.length}, never one with a conflict, with
            loads kept even and each judge&apos;s cap respected. Running it again keeps the assignments that stand.
          </p>
          <Form method="post" action={`/admin/judging/assignments${q}`}>
            <input type="hidden" name="intent" value="run" />
            <SubmitButton>Assign judges</SubmitButton>
          </Form>

          <table className="table">
            <caption className="visually-hidden">Judges of each nomination in {category.name}</caption>
            <thead>
              <tr>
                <th scope="col">Nomination</th>
                <th scope="col">Judges</th>
              </tr>
            </thead>
            <tbody>
              {nominations.map((nom) => (
                <tr key={nom.id}>
                  <td>
                    {nom.nomineeName}
                    <span className="card__meta"> {nom.reference}</span>
                  </td>
                  <td>
                    {nom.judges.length === 0 ? (
                      "None"
                    ) : (
                      <ul className="plain-list">
                        {nom.judges.map((j) => (
                          <li key={j.id}>
                            {j.name} <span className="card__meta">({j.state})</span>{" "}
                            <Form method="post" action={`/admin/judging/assignments${q}`} className="inline-form">
                              <input type="hidden" name="judgeId" value={j.id} />
                              <input type="hidden" name="nominationId" value={nom.id} />
                              {j.state === "submitted" ? (
                                <button type="submit" name="intent" value="reopen" className="link-button">
                                  Reopen<span className="visually-hidden"> {j.name}&apos;s scores for {nom.nomineeName}</span>
                                </button>
                              ) : null}{" "}
                              <button type="submit" name="intent" value="remove" className="link-button">
                                Remove<span className="visually-hidden"> {j.name} from {nom.nomineeName}</span>
                              </button>
                            </Form>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>Assign a judge by hand</h2>
          <ErrorSummary errors={summariseErrors(form, [fields.judgeId, fields.nominationId])} />
          <Form method="post" action={`/admin/judging/assignments${q}`} {...getFormProps(form)}>
            <input type="hidden" name="intent" value="add" />
            <JudgeAndNominationFields judge={fields.judgeId} nomination={fields.nominationId} judges={panel} nominations={nominations} />
            <SubmitButton secondary>Assign</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
