/** UI pieces for judging: the judging admin sub-navigation and the confidentiality statement. */
import { NavLink } from "@remix-run/react";

export function JudgingAdminNav({ cycleId }: { cycleId: number }) {
  const q = `?cycle=${cycleId}`;
  return (
    <nav aria-label="Judging administration" className="subnav">
      <ul>
        <li>
          <NavLink to={`/admin/judging${q}`} end>
            Progress and reminders
          </NavLink>
        </li>
        <li>
          <NavLink to={`/admin/judging/assignments${q}`}>Assignments</NavLink>
        </li>
        <li>
          <NavLink to={`/admin/judging/conflicts${q}`}>Conflicts</NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** The confidentiality statement a judge accepts, once for all their panels in a cycle. */
export function ConfidentialityStatement() {
  return (
    <div className="panel-box prose">
      <p>As a judge of the Community Sponsorship Awards I will:</p>
      <ul>
        <li>keep every nomination, supporting statement and file confidential, and not copy or share them;</li>
        <li>keep the scores and discussions of the panel confidential, before and after the winners are announced;</li>
        <li>declare any connection with a nominee, their organisation or the person who nominated them, as soon as I know of it;</li>
        <li>judge each nomination on what it says, against the published criteria.</li>
      </ul>
    </div>
  );
}
