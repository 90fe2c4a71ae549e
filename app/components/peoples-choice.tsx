/** People's Choice on a year's results page: the way to vote while it is open, the counts once the winners are public. */
import { Link } from "@remix-run/react";

export type PeoplesChoiceSummary = { open: boolean; votePath: string; counts?: Array<{ name: string; votes: number }> };

export function PeoplesChoiceForCategory({ summary, category }: { summary: PeoplesChoiceSummary | undefined; category: string }) {
  if (!summary) return null;
  if (summary.counts) {
    const total = summary.counts.reduce((a, c) => a + c.votes, 0);
    return (
      <>
        <h3 className="result-heading">People&apos;s Choice</h3>
        <p>
          {total} confirmed {total === 1 ? "vote" : "votes"} from the public.
        </p>
        <ul className="result-list">
          {summary.counts.map((c) => (
            <li key={c.name} className="result">
              <span className="result__name">{c.name}</span>
              <span className="result__where">
                {c.votes} {c.votes === 1 ? "vote" : "votes"}
              </span>
            </li>
          ))}
        </ul>
      </>
    );
  }
  if (!summary.open) return null;
  return (
    <p>
      <Link to={summary.votePath}>Vote for your People&apos;s Choice in {category}</Link>
    </p>
  );
}
