/**
 * One confidentiality statement and one conflict declaration for all of a judge's panels in
 * a cycle. The statement lists the panels it covers (those not yet accepted, so a panel
 * joined later is asked for alone); the declaration lists the nominations of every panel
 * still to declare, grouped by category. Both are recorded per panel membership.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { ConfidentialityStatement, ConflictDeclarationForm, NominationsToCheck } from "~/components/judging";
import { Notice, withNotice } from "~/components/notice";
import { pageTitle } from "~/content/site";
import { parseId } from "~/domain/ids";
import { judgeProgressLead } from "~/domain/judging";
import { formatLondon } from "~/domain/time";
import { declareConflict } from "~/models/conflicts.server";
import { acceptConfidentiality, finishDeclaring, getJudgeCycleSteps } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { declareConflictAction } from "~/utils/conflict-declaration.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

export const HEADING = "Confidentiality and conflicts of interest";

export const meta: MetaFunction = () => [{ title: pageTitle(HEADING, { context: "Judging" }) }];

async function loadSteps(request: Request, yearParam: string | undefined) {
  const judge = await requireJudge(request);
  const steps = await getJudgeCycleSteps(judge.id, requireId(yearParam));
  if (!steps) notFound();
  return { judge, steps };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { steps } = await loadSteps(request, params.year);
  // Counted now, right before the statement is accepted: work waiting behind it, never "0 of 0".
  const waiting = steps.toAccept.reduce((sum, p) => sum + p.waiting, 0);
  const acceptedAt = steps.panels.map((p) => p.acceptedAt).filter((d): d is Date => Boolean(d));
  return {
    year: steps.cycle.year,
    lead: judgeProgressLead(0, 0, waiting),
    toAccept: steps.toAccept.map((p) => ({ panelId: p.panelId, category: p.category, waiting: p.waiting })),
    groups: steps.groups.map((g) => ({
      panelId: g.panelId,
      category: g.category,
      nominations: g.nominations,
    })),
    lastAccepted: acceptedAt.length ? formatLondon(new Date(Math.max(...acceptedAt.map((d) => d.getTime())))) : null,
    allDone: steps.toAccept.length === 0 && steps.toDeclare.length === 0,
  };
}

/** The panel ids the page listed, kept to those still waiting for this step in this cycle. */
function listedPanels(formData: FormData, waiting: Array<{ panelId: number }>) {
  const listed = new Set(formData.getAll("panelId").map((v) => parseId(v)));
  return waiting.map((p) => p.panelId).filter((id) => listed.has(id));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { judge, steps } = await loadSteps(request, params.year);
  const path = `/judge/cycles/${steps.cycle.year}`;
  const formData = await request.formData();
  const intents = {
    accept: async () => {
      await acceptConfidentiality(judge, listedPanels(formData, steps.toAccept));
      return redirect(path);
    },
    done: async () => {
      await finishDeclaring(judge, listedPanels(formData, steps.toDeclare));
      return redirect(steps.toAccept.length > 0 ? path : withNotice("/judge", "judge-ready"));
    },
    // Only a nomination this page listed: the declaration covers this cycle's panels.
    declare: () =>
      declareConflictAction(formData, {
        declare: async (d) => steps.groups.some((g) => g.nominations.some((n) => n.id === d.nominationId)) && declareConflict(judge, d),
        redirectTo: withNotice(path, "conflict-declared"),
      }),
  };
  const intent = formData.get("intent");
  return (intent === "accept" || intent === "done" ? intents[intent] : intents.declare)();
}

export default function JudgeCycleSteps() {
  const { year, lead, toAccept, groups, lastAccepted, allDone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const anyToDeclare = groups.some((g) => g.nominations.length > 0);

  return (
    <div className="prose wide">
      <p className="caption">
        <Link to="/judge">Judging</Link> {year}
      </p>
      <h1>{HEADING}</h1>
      <Notice />
      {allDone ? (
        <p>
          You have accepted the statement and declared your conflicts for all your panels. If you find a conflict later,
          declare it from the nomination&apos;s page. <Link to="/judge">Go to your nominations</Link>.
        </p>
      ) : null}

      {toAccept.length > 0 ? (
        <>
          <h2>1. Confidentiality statement</h2>
          <p className="lead">{lead}</p>
          <p>
            This statement covers {toAccept.length === 1 ? "your panel" : `your ${toAccept.length} panels`}:{" "}
            {toAccept.map((p) => p.category).join(", ")}.
          </p>
          <ConfidentialityStatement />
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            {toAccept.map((p) => (
              <input key={p.panelId} type="hidden" name="panelId" value={p.panelId} />
            ))}
            <SubmitButton>I accept the confidentiality statement</SubmitButton>
          </Form>
        </>
      ) : lastAccepted && !allDone ? (
        <p>You accepted the confidentiality statement on {lastAccepted}.</p>
      ) : null}

      {groups.length > 0 ? (
        <>
          <h2>2. Conflicts of interest</h2>
          <p>
            Look through the nominations below. If you know a nominee, belong to their organisation or know the person who
            nominated them, declare a conflict. You will not see or score that nomination. Only the awards team sees what
            you write.
          </p>
          {groups.map((group) => (
            <section key={group.panelId} aria-labelledby={`panel-${group.panelId}`}>
              <h3 id={`panel-${group.panelId}`}>{group.category}</h3>
              <NominationsToCheck category={group.category} nominations={group.nominations} />
            </section>
          ))}
          {anyToDeclare ? (
            <>
              <h3>Declare a conflict</h3>
              <ConflictDeclarationForm
                lastResult={actionData && "result" in actionData ? actionData.result : null}
                choices={groups.map((g) => ({ key: g.panelId, category: g.category, nominations: g.nominations }))}
              />
            </>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="done" />
            {groups.map((g) => (
              <input key={g.panelId} type="hidden" name="panelId" value={g.panelId} />
            ))}
            <p>
              When you have declared every conflict you know of in {groups.length === 1 ? "this category" : "these categories"},
              tell us, and you will see the nominations assigned to you.
            </p>
            <SubmitButton secondary>I have no more conflicts to declare</SubmitButton>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
