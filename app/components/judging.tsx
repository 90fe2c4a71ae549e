/**
 * UI pieces for judging: the judging admin sub-navigation, the confidentiality statement, and
 * the conflict declaration (the nominations to check and the one form every page declares with).
 */
import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link, NavLink } from "@remix-run/react";
import { CONFLICT_KIND_KEYS, CONFLICT_KINDS } from "~/domain/judging";
import { DeclareSchema } from "~/domain/judging-forms";
import { ErrorSummary, GroupedSelectField, Radios, SelectField, SubmitButton, summariseErrors, TextareaField, type ChoiceField } from "./forms";
import { useSchemaForm } from "./schema-form";

export function JudgingAdminNav({ year }: { year: number }) {
  const q = `?year=${year}`;
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

type Declarable = { id: number; nomineeName: string; nomineeOrganisation: string | null; nominatorName: string | null };

/** The nominations of one category a judge checks for conflicts, as a table. */
export function NominationsToCheck({ category, nominations }: { category: string; nominations: Declarable[] }) {
  if (nominations.length === 0) return <p>There are no nominations in this category for you to check.</p>;
  return (
    <div className="table-scroll" role="region" aria-label={`Nominations in ${category}`} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">Nominations in {category}</caption>
        <thead>
          <tr>
            <th scope="col">Nominee</th>
            <th scope="col">Organisation</th>
            <th scope="col">Nominated by</th>
          </tr>
        </thead>
        <tbody>
          {nominations.map((n) => (
            <tr key={n.id}>
              <td>{n.nomineeName}</td>
              <td>{n.nomineeOrganisation ?? "–"}</td>
              <td>{n.nominatorName ?? "Hidden (blind judging)"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const declarableLabel = (n: Declarable) =>
  `${n.nomineeName}${n.nomineeOrganisation ? `, ${n.nomineeOrganisation}` : ""}${n.nominatorName ? ` (nominated by ${n.nominatorName})` : ""}`;

/**
 * THE conflict declaration form, for every page a judge declares from: a choice among the
 * nominations to check (grouped by category), or one nomination given; the kind; a note.
 * Its action is `declareConflictAction` (app/utils/conflict-declaration.server.ts).
 */
export function ConflictDeclarationForm({
  lastResult,
  choices,
  nominationId,
  grouped = true,
  noteHint = "Say briefly what the connection is.",
  cancelTo,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  /** The nominations to choose among, by category; or `nominationId` for a single one. */
  choices?: Array<{ key: number; category: string; nominations: Declarable[] }>;
  nominationId?: number;
  /** Whether the choices show their category as a heading. */
  grouped?: boolean;
  noteHint?: string;
  cancelTo?: string;
}) {
  const [form, fields] = useSchemaForm({ id: nominationId ? "conflict" : "declare", schema: DeclareSchema, lastResult });
  const groups = (choices ?? []).filter((g) => g.nominations.length > 0);
  return (
    <>
      <ErrorSummary errors={summariseErrors(form, nominationId ? [fields.kind, fields.note] : [fields.nominationId, fields.kind, fields.note])} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="declare" />
        {nominationId ? (
          <input type="hidden" name={fields.nominationId.name} value={nominationId} />
        ) : (
          <GroupedSelectField
            field={fields.nominationId}
            label="Nomination"
            placeholder="Choose a nomination"
            groups={groups.map((g) => ({
              key: g.key,
              label: grouped ? g.category : "",
              options: g.nominations.map((n) => ({ value: n.id, label: declarableLabel(n) })),
            }))}
          />
        )}
        <Radios
          field={fields.kind}
          legend="What kind of conflict is it?"
          options={CONFLICT_KIND_KEYS.map((key) => ({ value: key, label: CONFLICT_KINDS[key] }))}
        />
        <TextareaField label="Note" hint={noteHint} errors={fields.note.errors} textareaProps={{ ...getTextareaProps(fields.note), rows: 3 }} />
        <SubmitButton>Declare this conflict</SubmitButton>
        {cancelTo ? (
          <Link to={cancelTo} className="button button--secondary">
            Cancel
          </Link>
        ) : null}
      </Form>
    </>
  );
}

/** A judge and a nomination of the cycle, chosen from lists (assigning a judge, recording a conflict). */
export function JudgeAndNominationFields({
  judge,
  nomination,
  judges,
  nominations,
}: {
  judge: ChoiceField;
  nomination: ChoiceField;
  judges: Array<{ id: number; name: string }>;
  nominations: Array<{ id: number; nomineeName: string; reference: string }>;
}) {
  return (
    <>
      <SelectField field={judge} label="Judge" placeholder="Choose a judge" options={judges.map((j) => ({ value: j.id, label: j.name }))} />
      <SelectField
        field={nomination}
        label="Nomination"
        placeholder="Choose a nomination"
        options={nominations.map((n) => ({ value: n.id, label: `${n.nomineeName} (${n.reference})` }))}
      />
    </>
  );
}
