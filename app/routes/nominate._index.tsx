import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canChangeNominations, describeNomineeTypes } from "~/domain/nomination";
import { effectivePhase } from "~/domain/phases";
import { getCurrentCycle, listActiveCategories } from "~/models/cycle.server";
import { cycleMoments } from "~/domain/public-cache";
import { publicHeaders } from "~/models/public-pages.server";
import { formatLondon, isoString } from "~/domain/time";

export const meta: MetaFunction = () => [
  { title: "Nominate – Community Sponsorship Awards" },
  { name: "description", content: "Nominate a community sponsorship group, volunteer or council for an award." },
];

export async function loader() {
  const now = new Date();
  const cycle = await getCurrentCycle();
  if (!cycle) return data({ cycle: null, open: false, opensLater: null, categories: [] }, { headers: await publicHeaders([], now) });
  const open = canChangeNominations(cycle, now);
  const categories = open ? await listActiveCategories(cycle.id) : [];
  return data({
    cycle: { name: cycle.name, closes: formatLondon(cycle.nominationsCloseAt), closesIso: isoString(cycle.nominationsCloseAt) },
    open,
    opensLater:
      effectivePhase(cycle, now) === "draft" && cycle.nominationsOpenAt && cycle.nominationsOpenAt > now
        ? { text: formatLondon(cycle.nominationsOpenAt), iso: isoString(cycle.nominationsOpenAt) }
        : null,
    categories: categories.map((c) => ({
      slug: c.slug,
      name: c.name,
      description: c.description,
      eligibility: c.eligibility,
      nominees: describeNomineeTypes(c.nomineeTypes),
      sponsor: c.sponsor,
    })),
  }, { headers: await publicHeaders(cycleMoments(cycle), now) });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

export default function NominateIndex() {
  const { cycle, open, opensLater, categories } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>Nominate someone for an award</h1>
      {!open || !cycle ? (
        <div className="panel-box">
          <p>
            <strong>Nominations are closed.</strong>{" "}
            {opensLater ? (
              <>
                Nominations open on <time dateTime={opensLater.iso}>{opensLater.text}</time> (UK time).
              </>
            ) : (
              "We will announce here when the next awards open for nominations."
            )}
          </p>
        </div>
      ) : (
        <>
          <p className="lead">
            Anyone can nominate a group, a volunteer or a council that has made community sponsorship work. It is free,
            and you do not need an account.
          </p>
          <div className="panel-box">
            <p>
              Nominations for {cycle.name} close on <time dateTime={cycle.closesIso}>{cycle.closes}</time> (UK time).
            </p>
          </div>
          <h2>Categories open now</h2>
          <ul className="card-list nomination-categories">
            {categories.map((category) => (
              <li key={category.slug} className="card">
                <h3 className="card__title">
                  <Link to={`/nominate/${category.slug}`}>{category.name}</Link>
                </h3>
                <p>{category.description}</p>
                <p>
                  <strong>Who can be nominated:</strong> {category.nominees}.
                </p>
                <p>
                  <strong>Eligibility:</strong> {category.eligibility}
                </p>
                {category.sponsor ? <p className="card__meta">{category.sponsor}</p> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        Read about <Link to="/privacy">how we use the information you give us</Link>.
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
