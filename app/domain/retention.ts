/**
 * The retention rule (UK GDPR storage limitation): a set number of days after a cycle is
 * archived, personal data of its unsuccessful nominations is replaced by a marker. What
 * is not personal (category, status, dates) stays for statistics.
 */
import type { NominationStatus } from "./vocabulary";

export const ERASED = "[erased]";
const DAY = 24 * 60 * 60 * 1000;

/** Statuses that mean the nomination was recognised; everything else is unsuccessful. */
const SUCCESSFUL: ReadonlySet<NominationStatus> = new Set(["shortlisted", "highly_commended", "winner"]);

/**
 * A merged-away nomination shares the fate of the entry it supports: the statements of
 * a winner's supporters are part of the winning entry.
 */
export function isUnsuccessful(status: NominationStatus, primaryStatus?: NominationStatus | null): boolean {
  return !SUCCESSFUL.has(primaryStatus ?? status);
}

/** When the cycle's personal data falls due for removal, or null if it is not archived. */
export function retentionDueAt(cycle: { archivedAt: Date | null; retentionDays: number }): Date | null {
  if (!cycle.archivedAt) return null;
  return new Date(cycle.archivedAt.getTime() + cycle.retentionDays * DAY);
}

export function isRetentionDue(cycle: { archivedAt: Date | null; retentionDays: number }, now: Date): boolean {
  const due = retentionDueAt(cycle);
  return due !== null && due.getTime() <= now.getTime();
}

/**
 * The personal fields of a nomination, replaced. Text that must stay non-null becomes the
 * marker; optional contact details become null, so nothing can be mailed to them.
 */
export function erasedNomineeFields() {
  return {
    nomineeName: ERASED,
    nomineeOrganisation: null,
    nomineeLocalAuthority: null,
    nomineeEmail: null,
    duplicateKey: null,
    citation: null,
  };
}

export function erasedNominatorFields() {
  return {
    nominatorName: ERASED,
    nominatorEmail: ERASED,
    nominatorPhone: null,
    nominatorOrganisation: null,
    nominatorRelationship: null,
  };
}

export function erasedGuardianFields() {
  return { guardianName: ERASED, guardianEmail: null, guardianPhone: null };
}

/** Everything personal in a nomination: the retention rule and a nominee's erasure. */
export function erasedNominationFields() {
  return { ...erasedNomineeFields(), ...erasedNominatorFields(), ...erasedGuardianFields(), ineligibleReason: null };
}
