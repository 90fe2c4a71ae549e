/**
 * The one way to confirm a change after a redirect: the action redirects to `withNotice(path,
 * key)`, and the page shows `<Notice />`, which reads the key from the address and says its
 * message in a status region. The address carries only a known key, so nothing typed by
 * anyone is echoed. A page may also give `<Notice>` its own words for a state it shows.
 */
import { useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";

/** Messages shown after a change redirects back; the URL carries only the key. */
export const NOTICES: Record<string, string> = {
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
};

export function Notice({ children }: { children?: ReactNode }) {
  if (children) return <NoticeBox>{children}</NoticeBox>;
  return <NoticeFromAddress />;
}

function NoticeFromAddress() {
  const [params] = useSearchParams();
  const key = params.get("notice");
  const message = key ? NOTICES[key] : null;
  if (!message) return null;
  return (
    <NoticeBox>
      <p>{message}</p>
    </NoticeBox>
  );
}

/** Adds ?notice=… to a path that may already carry a query. */
export function withNotice(path: string, notice: keyof typeof NOTICES | string): string {
  return `${path}${path.includes("?") ? "&" : "?"}notice=${encodeURIComponent(notice)}`;
}

function NoticeBox({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}
