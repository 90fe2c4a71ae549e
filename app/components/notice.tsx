/**
 * The one way to confirm a change after a redirect: the action redirects to `withNotice(path,
 * key)`, and the page shows `<Notice />`, which reads the key from the address and says its
 * message in a status region. The address carries only a known key, and at most a number
 * (`withNotice(path, key, { count })` for "3 judges", `{ id }` for the record a page names), so
 * nothing typed by anyone is echoed. A page may also give `<Notice>` its own words for a state
 * it shows, or for the record the address names (`useAddressNotice`).
 */
import { useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";

/** A message, or one told by the number the address carries with its key (`count`). */
type NoticeText = string | ((count: number) => string);

const plural = (count: number, one: string, other: string) => (count === 1 ? `1 ${one}` : `${count} ${other}`);

/** Messages shown after a change redirects back; the URL carries only the key (and a number). */
export const NOTICES: Record<string, NoticeText> = {
  "cycle-created": "The new cycle has been created from last year's categories.",
  "cycle-saved": "The cycle's settings have been saved.",
  "phase-moved": "The cycle has moved to its next phase.",
  "category-created": "The category has been created.",
  "category-saved": "The category has been saved.",
  "category-retired": "The category has been retired.",
  "category-reinstated": "The category has been reinstated.",
  "question-added": "The question has been added.",
  "question-saved": "The question has been saved.",
  "question-replaced": "The question had answers, so it has been retired and replaced by the new wording.",
  "question-deleted": "The question has been deleted.",
  "question-retired": "The question had answers, so it has been retired rather than deleted.",
  "criterion-added": "The criterion has been added.",
  "criterion-saved": "The criterion has been saved.",
  "criterion-replaced": "The criterion had scores, so it has been retired and replaced by the new version.",
  "criterion-deleted": "The criterion has been deleted.",
  "criterion-retired": "The criterion had scores, so it has been retired rather than deleted.",
  "scale-saved": "The scale has been saved.",
  moved: "The order has been changed.",
  decided: "The eligibility decision has been recorded.",
  merged: "The nominations have been merged into one entry.",
  invited: "The invitation has been written to the outbox.",
  "profile-saved": "The profile has been saved.",
  "admin-added": "The administrator has been added.",
  "admin-removed": "The administrator has been removed and signed out everywhere.",
  "judge-removed": "The judge has been removed from judging.",
  "member-added": "The judge has been added to the panel.",
  "members-added": "The judges have been added to the panel.",
  "member-removed": "The judge has been removed from the panel.",
  "chair-set": "The panel's chair has been named.",
  "cap-set": "The judge's cap has been saved.",
  retried: "The email is queued to be sent again.",
  erased: "The person's data has been erased.",
  "retention-run": "The retention rule has run.",
  "peoples-choice-saved": "The People's Choice voting window has been saved.",
  "votes-voided": "The votes have been voided.",
  "conflict-declared": "Your conflict is recorded. That nomination is no longer on your list.",
  "judge-ready": "Thank you. Your nominations are below.",
  "draft-saved": "Your draft is saved. You can come back to it at any time before judging closes.",
  "scores-submitted": "Your scores are submitted. Thank you.",
  "reminder-setting-saved": "The reminder setting is saved.",
  "assignment-added": "The judge is assigned and has been emailed.",
  "assignment-removed": "The assignment is removed. Any scores it had are set aside.",
  "scores-reopened": "The scores are reopened. The judge can change them again.",
  "conflict-set": "The conflict is recorded.",
  "shortlist-saved": "The shortlist has been saved.",
  "awards-saved": "The awards have been saved.",
  "publication-scheduled": "The publication times have been saved.",
  "final-round-started": "The final round has started. Run the assignments for each category so the judges can score the shortlist.",
  "final-round-closed": "The final round is closed. Choose the winners from its leaderboard.",
  "feedback-saved": "Your changes are saved. Nothing has been sent yet.",
  "feedback-released": "The feedback has been released: the email is in the outbox.",
  "feedback-already-released": "This feedback had already been released, so nothing more was sent.",
  "campaign-saved": "The campaign has been saved.",
  // The panel meeting names the record saved (`{ id }`) itself.
  "record-saved": "The record has been saved.",
  reminded: (count) => (count === 0 ? "No reminder was sent: nobody had anything left to do." : `Reminder sent to ${plural(count, "judge", "judges")}.`),
  "conflicts-detected": (count) => `Detection ran: ${plural(count, "new suspicion", "new suspicions")}.`,
  "conflicts-confirmed": (count) => (count > 1 ? `${count} conflicts are confirmed.` : "The conflict is confirmed."),
  "conflicts-dismissed": (count) => (count > 1 ? `${count} conflicts are dismissed.` : "The conflict is dismissed."),
};

/** What a notice's address may carry besides its key: a count for its message, or the id of the record it names. */
export type NoticeNumbers = { count?: number; id?: number };

/** The query parameters a notice uses, so a page can drop them when it builds its own address. */
export const NOTICE_PARAMS = ["notice", "count", "id"] as const;

/** A whole number the address carries, or null when it carries none or anything else. */
function numberIn(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || !/^\d{1,9}$/.test(raw)) return null;
  return Number(raw);
}

/** The notice the address names: its key (only a known one), its count and its record's id. */
export function noticeInAddress(params: URLSearchParams): { key: string; count: number | null; id: number | null } | null {
  const key = params.get("notice");
  if (!key || !Object.hasOwn(NOTICES, key)) return null;
  return { key, count: numberIn(params, "count"), id: numberIn(params, "id") };
}

/** The message for the address's notice; a counted one says nothing without its count. */
export function noticeMessage(params: URLSearchParams): string | null {
  const notice = noticeInAddress(params);
  if (!notice) return null;
  const text = NOTICES[notice.key];
  if (typeof text === "string") return text;
  return notice.count === null ? null : text(notice.count);
}

/** The notice in this page's address, for a page that words it itself (say, naming the record by its id). */
export function useAddressNotice() {
  const [params] = useSearchParams();
  return noticeInAddress(params);
}

export function Notice({ children }: { children?: ReactNode }) {
  if (children) return <NoticeBox>{children}</NoticeBox>;
  return <NoticeFromAddress />;
}

function NoticeFromAddress() {
  const [params] = useSearchParams();
  const message = noticeMessage(params);
  if (!message) return null;
  return (
    <NoticeBox>
      <p>{message}</p>
    </NoticeBox>
  );
}

/** Adds ?notice=… (and &count=… or &id=…) to a path that may already carry a query, before any #fragment. */
export function withNotice(path: string, notice: keyof typeof NOTICES | string, numbers: NoticeNumbers = {}): string {
  const [base, fragment] = path.split("#", 2) as [string, string | undefined];
  let query = `notice=${encodeURIComponent(notice)}`;
  for (const name of ["count", "id"] as const) {
    const n = numbers[name];
    if (n !== undefined) query += `&${name}=${Math.max(0, Math.trunc(n))}`;
  }
  return `${base}${base.includes("?") ? "&" : "?"}${query}${fragment !== undefined ? `#${fragment}` : ""}`;
}

function NoticeBox({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}
