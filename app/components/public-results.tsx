import type { PublicEntry, PublicResults } from "~/models/results.server";

function Entry({ entry }: { entry: PublicEntry }) {
  const where = [entry.organisation !== entry.name ? entry.organisation : null, entry.area].filter(Boolean).join(", ");
  return (
    <>
      <span className="result__name">{entry.name}</span>
      {where ? <span className="result__where">{where}</span> : null}
      {entry.citation ? <blockquote className="result__citation">{entry.citation}</blockquote> : null}
    </>
  );
}

/** A year's public results: the winners and highly commended, or, before them, the shortlist. */
export function PublicResultsView({ results }: { results: PublicResults }) {
  return (
    <>
      {results.categories.map((category) => (
        <section key={category.slug} className="result-category" aria-labelledby={`cat-${category.slug}`}>
          <h2 id={`cat-${category.slug}`}>{category.name}</h2>
          {category.sponsor ? <p className="muted">{category.sponsor}</p> : null}
          {results.stage === "winners" ? (
            <>
              <h3 className="result-heading">{category.winners.length > 1 ? "Joint winners" : "Winner"}</h3>
              <ul className="result-list result-list--winners">
                {category.winners.map((entry, i) => (
                  <li key={`${i}-${entry.name}`} className="result result--winner">
                    <Entry entry={entry} />
                  </li>
                ))}
              </ul>
              {category.highlyCommended.length ? (
                <>
                  <h3 className="result-heading">Highly commended</h3>
                  <ul className="result-list">
                    {category.highlyCommended.map((entry, i) => (
                      <li key={`${i}-${entry.name}`} className="result">
                        <Entry entry={entry} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : (
            <>
              <h3 className="result-heading">Shortlist</h3>
              <ul className="result-list">
                {category.shortlist.map((entry, i) => (
                  <li key={`${i}-${entry.name}`} className="result">
                    <Entry entry={entry} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </>
  );
}

/** The share preview names the winners, as the page does: only the names the naming rule let out. */
function sharedNames(results: PublicResults): string {
  const winners = results.categories.flatMap((c) => c.winners.map((w) => `${c.name}: ${w.name}`));
  return winners.length ? ` ${winners.join("; ")}.` : "";
}

export function publicResultsMeta(results: PublicResults | null | undefined, url: string) {
  if (!results) return [{ title: "Not published yet – Community Sponsorship Awards" }, { name: "robots", content: "noindex" }];
  const title = `${results.stage === "winners" ? "Winners" : "Shortlist"} – Community Sponsorship Awards ${results.year}`;
  const description =
    results.stage === "winners"
      ? `The winners of the Community Sponsorship Awards ${results.year}, celebrating the groups, volunteers and councils who welcome refugee families.${sharedNames(results)}`
      : `The shortlist for the Community Sponsorship Awards ${results.year}.`;
  return [
    { title },
    { name: "description", content: description },
    { property: "og:type", content: "website" },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:image", content: `${new URL(url).origin}/og-image.png` },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: description },
  ];
}
