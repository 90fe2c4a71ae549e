import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { JudgingAdminNav } from "~/components/judging";
import { Notice, withNotice } from "~/components/notice";
import { currentRound, reminderDueAt, ROUND_LABELS, roundCloseAt } from "~/domain/judging";
import { cycleByYearOrCurrent } from "~/models/cycle-setup.server";
import { judgingProgress, remindAllJudges, remindJudge, setReminderDays } from "~/models/reminders.server";
import { requireAdmin } from "~/utils/auth.server";
import { yearParam } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";
import { parseId } from "~/domain/ids";

const ReminderSettingSchema = z.object({
  intent: z.literal("setting"),
  reminderDaysBefore: z
    .number({ error: "Enter a whole number of days, such as 3" })
    .int("Enter a whole number of days, such as 3")
    .min(0, "Enter 0 or more days")
    .max(60, "Enter 60 days or fewer")
    .optional(),
});

/** The cycle `?year=` names, or the current one. */
async function judgingCycle(request: Request) {
  return (await cycleByYearOrCurrent(yearParam(request))) ?? notFound("There is no awards cycle yet.");
}

export const meta: MetaFunction = () => [{ title: "Judging progress – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await judgingCycle(request);
  const round = currentRound(cycle);
  const progress = await judgingProgress(cycle.id, round);
  const closeAt = roundCloseAt(cycle, round);
  const due = reminderDueAt(closeAt, cycle.reminderDaysBefore);
  return {
    cycle: { id: cycle.id, year: cycle.year, reminderDaysBefore: cycle.reminderDaysBefore },
    round,
    closes: closeAt ? formatLondon(closeAt) : null,
    reminderDue: due ? formatLondon(due) : null,
    progress,
    totals: {
      assigned: progress.reduce((s, p) => s + p.assigned, 0),
      submitted: progress.reduce((s, p) => s + p.submitted, 0),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const cycle = await judgingCycle(request);
  const formData = await request.formData();
  const actor = { id: admin.id, name: admin.name };
  const back = `/admin/judging?year=${cycle.year}`;
  const intents = {
    remind: async () => {
      const judgeId = parseId(formData.get("judgeId"));
      const sent = judgeId !== null && (await remindJudge(judgeId, cycle.id, actor));
      return redirect(withNotice(back, "reminded", { count: sent ? 1 : 0 }));
    },
    "remind-all": async () => redirect(withNotice(back, "reminded", { count: await remindAllJudges(cycle.id, actor) })),
    setting: async () => {
      const submission = parseForm(formData, ReminderSettingSchema);
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      await setReminderDays(cycle, submission.value.reminderDaysBefore ?? null, actor);
      return redirect(withNotice(back, "reminder-setting-saved"));
    },
  };
  const intent = formData.get("intent");
  return (intent === "remind" || intent === "remind-all" ? intents[intent] : intents.setting)();
}

export default function AdminJudging() {
  const { cycle, round, closes, reminderDue, progress, totals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm({
    id: "reminder-setting",
    schema: ReminderSettingSchema,
    lastResult: actionData?.result,
    defaultValue: { reminderDaysBefore: cycle.reminderDaysBefore?.toString() ?? "" },
  });
  return (
    <div className="prose wide">
      <p className="caption">Administration · Judging {cycle.year}</p>
      <h1>Judging progress{round === "final" ? `: ${ROUND_LABELS.final.toLowerCase()}` : ""}</h1>
      <JudgingAdminNav year={cycle.year} />
      <Notice />
      <p className="lead">
        {totals.submitted} of {totals.assigned} score sheets submitted.
        {closes ? ` ${round === "final" ? "The final round" : "Judging"} closes on ${closes}.` : ""}
      </p>
      {progress.length === 0 ? (
        <p>No judges are on a panel in this cycle yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Each judge&apos;s progress, per panel</caption>
          <thead>
            <tr>
              <th scope="col">Judge</th>
              <th scope="col">Panel</th>
              <th scope="col">Statement</th>
              <th scope="col">Progress</th>
              <th scope="col">Drafts</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {progress.map((p) => (
              <tr key={`${p.judgeId}:${p.categoryId}`}>
                <td>
                  {p.name}
                  {p.isChair ? " (chair)" : ""}
                </td>
                <td>{p.category}</td>
                <td>{!p.acceptedAt ? "Not accepted" : !p.declaredAt ? "Declaring conflicts" : "Done"}</td>
                <td>{p.label}</td>
                <td>{p.drafts}</td>
                <td>
                  {p.submitted < p.assigned || !p.declaredAt ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remind" />
                      <input type="hidden" name="judgeId" value={p.judgeId} />
                      <button type="submit" className="link-button">
                        Send a reminder<span className="visually-hidden"> to {p.name} ({p.category})</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="remind-all" />
        <SubmitButton secondary>Remind every judge with work left</SubmitButton>
      </Form>

      <h2>Automatic reminder</h2>
      <p>
        {reminderDue
          ? `Judges with work left get one reminder on ${reminderDue}.`
          : "There is no automatic reminder: set the number of days, and the date judging closes."}
      </p>
      <ErrorSummary errors={summariseErrors(form, [fields.reminderDaysBefore])} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="setting" />
        <Field
          label="Days before judging closes"
          hint="Leave empty for no automatic reminder."
          errors={fields.reminderDaysBefore.errors}
          inputProps={{ ...getInputProps(fields.reminderDaysBefore, { type: "text" }), inputMode: "numeric" }}
        />
        <SubmitButton secondary>Save the reminder setting</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
