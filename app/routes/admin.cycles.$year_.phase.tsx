import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { withNotice } from "~/components/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { parseForm } from "~/components/schema-form";
import { nextPhases } from "~/domain/cycle-setup";
import { effectivePhase, PHASE_LABELS } from "~/domain/phases";
import { PHASES } from "~/domain/vocabulary";
import { getCycleByYear, moveCycleToPhase } from "~/models/cycle-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

const MoveSchema = z.object({ to: z.enum(PHASES), confirm: z.literal("yes") });

export const meta: MetaFunction = () => [{ title: "Change the phase – Administration – Community Sponsorship Awards" }];

async function loadCycle(params: { year?: string }) {
  const cycle = await getCycleByYear(requireId(params.year, "There is no cycle for that year."));
  if (!cycle) notFound("There is no cycle for that year.");
  return cycle;
}

const CONSEQUENCES: Partial<Record<(typeof PHASES)[number], string>> = {
  nominations_open: "The public can nominate from the opening date you set.",
  nominations_closed: "Nobody can submit or edit a nomination any more.",
  judging: "Judges on each panel can read and score the eligible nominations.",
  shortlist_published: "The shortlist becomes public at its scheduled time.",
  final_round: "Shortlisted nominations go to a final round of judging.",
  winners_decided: "The winners are fixed, ready to publish.",
  winners_published: "The winners become public at their scheduled time.",
  archived: "The cycle is closed. Its personal data will be removed from unsuccessful nominations after the retention period.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await loadCycle(params);
  const to = new URL(request.url).searchParams.get("to") ?? "";
  const from = effectivePhase(cycle, new Date());
  const target = nextPhases(from).find((p) => p === to);
  if (!target) throw redirect(`/admin/cycles/${cycle.year}`);
  return { year: cycle.year, from: PHASE_LABELS[from], to: target, toLabel: PHASE_LABELS[target], consequence: CONSEQUENCES[target] ?? "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const cycle = await loadCycle(params);
  const parsed = parseForm(await request.formData(), MoveSchema);
  if (parsed.status !== "success") return data({ error: "Confirm the move by selecting the button on this page." }, { status: 400 });
  const moved = await moveCycleToPhase(cycle.id, parsed.value.to, user);
  if (!moved.ok) return data({ error: moved.message }, { status: 409 });
  return redirect(withNotice(`/admin/cycles/${cycle.year}`, "phase-moved"));
}

export default function ConfirmPhase() {
  const { year, from, to, toLabel, consequence } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose">
      <p className="caption">Cycle {year}</p>
      <h1>Move the cycle to {toLabel}?</h1>
      <ErrorSummary errors={actionData?.error ? [{ message: actionData.error }] : []} />
      <p>
        The cycle is now in <strong>{from}</strong>. {consequence}
      </p>
      <Form method="post">
        <input type="hidden" name="to" value={to} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className="button">
          Yes, move to {toLabel}
        </button>
        <Link to={`/admin/cycles/${year}`} className="button button--secondary">
          Cancel
        </Link>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
