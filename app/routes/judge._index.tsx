import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { judgeProgressLead, progressLabel, ROUND_LABELS, roundCloseAt, roundHasClosed, roundIsOpen } from "~/domain/judging";
import { getJudgePanels, listAssignedNominations } from "~/models/judging.server";
import { requireJudge } from "~/utils/auth.server";
import { formatLondon, isoString } from "~/domain/time";

export const meta: MetaFunction = () => [{ title: "Judging – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const judge = await requireJudge(request);
  const now = new Date();
  const [panels, nominations] = await Promise.all([getJudgePanels(judge.id), listAssignedNominations(judge.id)]);
  const assigned = panels.reduce((sum, p) => sum + p.assigned, 0);
  const scored = panels.reduce((sum, p) => sum + p.scored, 0);
  return {
    name: judge.name,
    progress: progressLabel(scored, assigned),
    // Before the statement is accepted, the nominations are counted as waiting, not as "0 of 0 scored".
    lead: judgeProgressLead(scored, assigned, panels.reduce((sum, p) => sum + p.waiting, 0)),
    panels: panels.map((p) => ({
      panelId: p.panelId,
      year: p.cycle.year,
      category: p.category,
      round: p.round,
      isChair: p.isChair,
      accepted: Boolean(p.acceptedAt),
      declared: Boolean(p.declaredAt),
      progress: progressLabel(p.scored, p.assigned),
      waiting: p.waiting,
      open: roundIsOpen(p.cycle, p.round, now),
      closed: roundHasClosed(p.cycle, p.round, now),
      deadline: roundCloseAt(p.cycle, p.round) ? formatLondon(roundCloseAt(p.cycle, p.round)) : null,
      deadlineIso: isoString(roundCloseAt(p.cycle, p.round)),
    })),
    nominations,
    anyNominator: nominations.some((n) => n.nominatorName !== null),
  };
}

const STATE_LABELS = { "not started": "Not started", draft: "Draft saved", submitted: "Submitted" } as const;

export default function JudgeHome() {
  const { name, lead, panels, nominations, anyNominator } = useLoaderData<typeof loader>();
  return (
    <div className="prose wide">
      <p className="caption">Judging</p>
      <h1>Welcome, {name}</h1>
      <Notice />
      {panels.length === 0 ? (
        <p>You are not on a judging panel yet. The awards team will email you when you are.</p>
      ) : (
        <>
          <p className="lead">{lead}</p>
          <h2>Your panels</h2>
          <ul className="card-list">
            {panels.map((panel) => (
              <li key={panel.panelId} className="card">
                <h3>
                  <Link to={`/judge/panels/${panel.panelId}`}>{panel.category}</Link>
                  {panel.isChair ? " (chair)" : ""}
                </h3>
                {panel.round === "final" ? (
                  <p>
                    <strong>{ROUND_LABELS.final}:</strong> the shortlist is scored again, on a fresh score sheet.
                  </p>
                ) : null}
                {!panel.accepted ? (
                  <p>
                    <strong>To do:</strong>{" "}
                    <Link to={`/judge/cycles/${panel.year}`}>read and accept the confidentiality statement</Link> (once for all
                    your panels).
                  </p>
                ) : !panel.declared ? (
                  <p>
                    <strong>To do:</strong> <Link to={`/judge/cycles/${panel.year}`}>declare any conflicts of interest</Link>.
                  </p>
                ) : (
                  <p>{panel.progress}</p>
                )}
                {panel.waiting > 0 ? (
                  <p>
                    {panel.waiting} {panel.waiting === 1 ? "nomination is" : "nominations are"} waiting for you.
                  </p>
                ) : null}
                {panel.deadline ? (
                  <p className="card__meta">
                    {panel.round === "final" ? "The final round" : "Judging"} {panel.closed ? "closed" : "closes"} on{" "}
                    <time dateTime={panel.deadlineIso}>{panel.deadline}</time> (UK time)
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {nominations.length > 0 ? (
        <>
          <h2>Nominations to score</h2>
          <table className="table">
            <caption className="visually-hidden">Nominations assigned to you</caption>
            <thead>
              <tr>
                <th scope="col">Nominee</th>
                <th scope="col">Category</th>
                {anyNominator ? <th scope="col">Nominated by</th> : null}
                <th scope="col">Your scores</th>
              </tr>
            </thead>
            <tbody>
              {nominations.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`/judge/nominations/${n.id}`}>{n.nomineeName}</Link>
                    {n.nomineeOrganisation ? <span className="card__meta"> – {n.nomineeOrganisation}</span> : null}
                  </td>
                  <td>
                    {n.category}
                    {n.round === "final" ? <span className="card__meta"> ({ROUND_LABELS.final.toLowerCase()})</span> : null}
                  </td>
                  {anyNominator ? <td>{n.nominatorName ?? "Hidden (blind judging)"}</td> : null}
                  <td>
                    <span className={`tag tag--${n.state.replace(" ", "-")}`}>{STATE_LABELS[n.state]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href="/judge/export.csv" download>
              Download your scores (CSV)
            </a>
          </p>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
