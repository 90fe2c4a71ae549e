/** The columns of the nominations export, one row per nomination, answers last. */
import { toCsv, type CsvValue } from "./csv";
import { formatLondon } from "./time";
import type { NominationStatus, NomineeType } from "./vocabulary";

/** The fields of a nomination that the export shows (a row of the nominations table fits). */
export type ExportedNomination = {
  id: number;
  reference: string;
  status: NominationStatus;
  ineligibleReason: string | null;
  mergedIntoId: number | null;
  nomineeType: NomineeType | null;
  nomineeName: string;
  nomineeOrganisation: string | null;
  nomineeLocalAuthority: string | null;
  nomineeEmail: string | null;
  nomineeKnows: boolean | null;
  guardianName: string | null;
  guardianEmail: string | null;
  nominatorName: string;
  nominatorEmail: string;
  nominatorPhone: string | null;
  nominatorOrganisation: string | null;
  nominatorRelationship: string | null;
  isSelfNomination: boolean;
  submittedAt: Date | null;
};

type ExportInput = {
  rows: Array<{ nomination: ExportedNomination; categoryName: string }>;
  questions: Array<{ id: number; label: string; categoryName: string }>;
  answers: Array<{ nominationId: number; questionId: number; answer: string }>;
  references: Map<number, string>;
  /** One category: answer columns are headed by the question alone. */
  singleCategory: boolean;
};

const when = (d: Date | null) => (d ? formatLondon(d) : "");

export function nominationsCsv({ rows, questions, answers, references, singleCategory }: ExportInput): string {
  const header = [
    "Reference",
    "Category",
    "Status",
    "Ineligible because",
    "Merged into",
    "Nominee type",
    "Nominee name",
    "Nominee organisation",
    "Nominee local authority",
    "Nominee email",
    "Nominee knows",
    "Guardian name",
    "Guardian email",
    "Nominator name",
    "Nominator email",
    "Nominator phone",
    "Nominator organisation",
    "Relationship to nominee",
    "Self-nomination",
    "Submitted (UK time)",
    ...questions.map((q) => (singleCategory ? q.label : `${q.categoryName}: ${q.label}`)),
  ];
  const byNomination = new Map<number, Map<number, string>>();
  for (const a of answers) {
    const m = byNomination.get(a.nominationId) ?? new Map<number, string>();
    m.set(a.questionId, a.answer);
    byNomination.set(a.nominationId, m);
  }
  const yesNo = (v: boolean | null) => (v == null ? "" : v ? "Yes" : "No");
  const body: CsvValue[][] = rows.map(({ nomination: n, categoryName }) => [
    n.reference,
    categoryName,
    n.status,
    n.ineligibleReason,
    n.mergedIntoId ? references.get(n.mergedIntoId) ?? String(n.mergedIntoId) : "",
    n.nomineeType,
    n.nomineeName,
    n.nomineeOrganisation,
    n.nomineeLocalAuthority,
    n.nomineeEmail,
    yesNo(n.nomineeKnows),
    n.guardianName,
    n.guardianEmail,
    n.nominatorName,
    n.nominatorEmail,
    n.nominatorPhone,
    n.nominatorOrganisation,
    n.nominatorRelationship,
    yesNo(n.isSelfNomination),
    when(n.submittedAt),
    ...questions.map((q) => byNomination.get(n.id)?.get(q.id) ?? ""),
  ]);
  return toCsv(header, body);
}
