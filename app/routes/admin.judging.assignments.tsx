import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { JudgingAdminNav } from "~/components/judging";
import { Notice } from "~/components/notice";
import { currentRound, ROUND_LABELS } from "~/domain/judging";
import { assignJudge, runCategoryAssignments, runCycleAssignments, unassignJudge, type CategoryRunReport } from "~/models/assignments.server";
import { assignmentBoard, judgingCycleByIdOrCurrent, reopenScores } from "~/models/judging-admin.server";
import { requireAdmin } from "~/utils/auth.server";
import { MAX_ID, parseId } from "~/domain/ids";

const AddSchema = z.object({
  intent: z.literal("add"),
  judgeId: z.number({ error: "Choose a judge" }).int().max(MAX_ID).positive(),
  nominationId: z.number({ error: "Choose a nomination" }).int().max(MAX_ID).positive(),
});

export const meta: MetaFunction = () => [{ title: "Assignments – Administration – Community Sponsorship Awards" }];

function categoryParam(request: Request): number | null {
  const id = parseId(new URL(request.url).searchParams.get("category")) ?? 0;
  return Number.isInteger(id) && id > 0 ? id : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await judgingCycleByIdOrCurrent(new URL(request.url).searchParams.get("cycle"));
  const round = currentRound(cycle);
  const board = await assignmentBoard(cycle.id, categoryParam(request), round);
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
  const cycle = await judgingCycleByIdOrCurrent(new URL(request.url).searchParams.get("cycle"));
  const round = currentRound(cycle);
  const board = await assignmentBoard(cycle.id, categoryParam(request), round);
  const actor = { id: admin.id, name: admin.name };
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "run-all") {
    return data({ result: null, run: null, all: await runCycleAssignments(cycle.id, actor, { round }) });
  }
  if (!board.category) return data({ result: null, run: null }, { status: 400 });
  const categoryId = board.category.id;
  const back = `/admin/judging/assignments?cycle=${cycle.id}&category=${categoryId}`;
  const pair = { judgeId: parseId(formData.get("judgeId")) ?? 0, nominationId: parseId(formData.get("nominationId")) ?? 0 };
  const inCategory = board.nominations.some((nom) => nom.id === pair.nominationId);

  if (intent === "run") {
    const result = await runCategoryAssignments(categoryId, actor, { round });
    const names = new Map(board.nominations.map((nom) => [nom.id, nom.nomineeName]));
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
  if (intent === "remove" && inCategory) {
    await unassignJudge(pair, actor, round);
    return redirect(`${back}&removed=1`);
  }
  if (intent === "reopen" && inCategory) {
    await reopenScores(pair, actor, round);
    return redirect(`${back}&reopened=1`);
  }
  const submission = parseWithZod(formData, { schema: AddSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), run: null }, { status: 400 });
  if (!board.nominations.some((nom) => nom.id === submission.value.nominationId)) {
    return data({ result: submission.reply({ fieldErrors: { nominationId: ["Choose a nomination from this category"] } }), run: null }, { status: 400 });
  }
  const refused = await assignJudge(submission.value, actor);
  if (refused) return data({ result: submission.reply({ formErrors: [refused] }), run: null }, { status: 400 });
  return redirect(`${back}&added=1`);
}

export default function AdminAssignments() {
  const { cycle, round, categories, category, panel, nominations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "add-assignment",
    lastResult: actionData?.result ?? undefined,
    constraint: getZodConstraint(AddSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddSchema }),
    shouldValidate: "onSubmit",
  });
  const run = actionData?.run;
  const all = actionData && "all" in actionData ? (actionData.all as CategoryRunReport[]) : null;
  const q = category ? `?cycle=${cycle.id}&category=${category.id}` : `?cycle=${cycle.id}`;
  return (
    <div className="prose wide">
      <p className="caption">Administration · Judging {cycle.year}</p>
      <h1>Assignments{round === "final" ? `: ${ROUND_LABELS.final.toLowerCase()}` : ""}</h1>
      <JudgingAdminNav cycleId={cycle.id} />
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
              <Link to={`?cycle=${cycle.id}&category=${c.id}`} aria-current={c.id === category?.id ? "page" : undefined}>
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
          {params.get("added") ? <Notice>The judge is assigned and has been emailed.</Notice> : null}
          {params.get("removed") ? <Notice>The assignment is removed. Any scores it had are set aside.</Notice> : null}
          {params.get("reopened") ? <Notice>The scores are reopened. The judge can change them again.</Notice> : null}
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
            <div className={`field${fields.judgeId.errors ? " field--error" : ""}`}>
              <label className="field__label" htmlFor={fields.judgeId.id}>
                Judge
              </label>
              <ErrorList id={`${fields.judgeId.id}-error`} errors={fields.judgeId.errors} />
              <select {...getSelectProps(fields.judgeId)} className="select">
                <option value="">Choose a judge</option>
                {panel.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.name}
                  </option>
                ))}
              </select>
            </div>
            <div className={`field${fields.nominationId.errors ? " field--error" : ""}`}>
              <label className="field__label" htmlFor={fields.nominationId.id}>
                Nomination
              </label>
              <ErrorList id={`${fields.nominationId.id}-error`} errors={fields.nominationId.errors} />
              <select {...getSelectProps(fields.nominationId)} className="select">
                <option value="">Choose a nomination</option>
                {nominations.map((nom) => (
                  <option key={nom.id} value={nom.id}>
                    {nom.nomineeName} ({nom.reference})
                  </option>
                ))}
              </select>
            </div>
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
