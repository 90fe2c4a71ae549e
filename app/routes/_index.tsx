import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { effectivePhase, nominationsClosedEarly, PHASE_LABELS } from "~/domain/phases";
import { getCurrentCycle, listActiveCategories } from "~/models/cycle.server";
import { cycleMoments } from "~/domain/public-cache";
import { publicHeaders } from "~/models/public-pages.server";
import { formatLondon, isoString } from "~/domain/time";

export const meta: MetaFunction = () => [
  { title: "Community Sponsorship Awards" },
  { name: "description", content: "Nominate the groups, volunteers and councils who welcome resettled refugee families to the UK." },
];

export async function loader() {
  const now = new Date();
  const cycle = await getCurrentCycle();
  if (!cycle) return data({ cycle: null, categories: [] }, { headers: await publicHeaders([], now) });
  const categories = await listActiveCategories(cycle.id);
  const phase = effectivePhase(cycle, now);
  return data({
    cycle: {
      year: cycle.year,
      name: cycle.name,
      phase,
      phaseLabel: PHASE_LABELS[phase],
      nominationsOpenAt: isoString(cycle.nominationsOpenAt),
      nominationsCloseAt: isoString(cycle.nominationsCloseAt),
      opens: formatLondon(cycle.nominationsOpenAt),
      closes: formatLondon(cycle.nominationsCloseAt),
      closedEarly: nominationsClosedEarly(cycle, now),
    },
    categories: categories.map((c) => ({
      slug: c.slug,
      name: c.name,
      description: c.description,
      sponsor: c.sponsor,
    })),
  }, { headers: await publicHeaders(cycleMoments(cycle), now) });
}

// The same for everyone, so a CDN may serve it (never past the cycle's next date).
export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

export default function Home() {
  const { cycle, categories } = useLoaderData<typeof loader>();
  if (!cycle) {
    return (
      <div className="prose">
        <h1>Community Sponsorship Awards</h1>
        <p>The next awards have not been announced yet. Please come back soon.</p>
      </div>
    );
  }
  const open = cycle.phase === "nominations_open";
  return (
    <div className="prose">
      <p className="caption">{cycle.year} awards</p>
      <h1>{cycle.name}</h1>
      <p className="lead">
        Community sponsorship brings neighbours together to welcome a resettled refugee family. These awards celebrate
        the groups, volunteers and councils who make it work.
      </p>
      <div className="panel-box" aria-live="polite">
        <p>
          <strong>{cycle.phaseLabel}.</strong>{" "}
          {open ? (
            <>
              Nominations close on <time dateTime={cycle.nominationsCloseAt}>{cycle.closes}</time> (UK time).
            </>
          ) : cycle.phase === "draft" ? (
            <>
              Nominations open on <time dateTime={cycle.nominationsOpenAt}>{cycle.opens}</time> (UK time).
            </>
          ) : null}
        </p>
        {open ? (
          <p>
            <Link to="/nominate" className="button">
              Nominate someone
            </Link>
          </p>
        ) : null}
      </div>
      <h2>Lobby your MP</h2>
      <p>
        Help protect and grow community sponsorship in three steps: find your MP by postcode, write to them in your own
        words, and meet them with a briefing in hand. <Link to="/campaigns">See our campaigns</Link>.
      </p>
      <h2>Categories</h2>
      <ul className="card-list">
        {categories.map((category) => (
          <li key={category.slug} className="card">
            <h3 className="card__title">{category.name}</h3>
            <p>{category.description}</p>
            {category.sponsor ? <p className="card__meta">{category.sponsor}</p> : null}
          </li>
        ))}
      </ul>
      <h2>Key dates</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Nominations open</dt>
          <dd>
            <time dateTime={cycle.nominationsOpenAt}>{cycle.opens}</time>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{cycle.closedEarly ? "Nominations closed" : "Nominations close"}</dt>
          <dd>
            {cycle.closedEarly ? (
              <>
                Closed early. The planned date was <time dateTime={cycle.nominationsCloseAt}>{cycle.closes}</time>.
              </>
            ) : (
              <time dateTime={cycle.nominationsCloseAt}>{cycle.closes}</time>
            )}
          </dd>
        </div>
      </dl>
      <p>
        Judges and administrators can <Link to="/login">sign in</Link>.
      </p>
    </div>
  );
}
