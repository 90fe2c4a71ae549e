/**
 * What the public may see of the results at a given moment: a year's winners, highly
 * commended and shortlist, and the years with anything public.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { cacheSecondsUntilChange, publicStage, type PublicStage } from "~/domain/results";
import { publicNominee } from "~/domain/public-naming";
import { db, schema } from "~/utils/db.server";

const { nominations, categories, cycles } = schema;

export type PublicResults = {
  year: number;
  name: string;
  stage: Exclude<PublicStage, "none">;
  /** How long a shared cache may keep this page: never past the next publication. */
  cacheSeconds: number;
  /** The cycle's Welsh name, null where none is written. */
  nameCy: string | null;
  categories: Array<{
    slug: string;
    name: string;
    nameCy: string | null;
    sponsor: string | null;
    sponsorCy: string | null;
    winners: PublicEntry[];
    highlyCommended: PublicEntry[];
    shortlist: PublicEntry[];
  }>;
};
/**
 * One nominee as the public may see them. `nameCy` and `citationCy` are the same naming rule
 * applied for a Welsh page: the Welsh citation cleaned like the English one (null where no
 * Welsh citation is written, so the English shows, marked as English).
 */
export type PublicEntry = {
  name: string;
  nameCy: string;
  organisation: string | null;
  area: string | null;
  citation: string | null;
  citationCy: string | null;
};

/** What anyone may see of a year's results now; null while nothing is public. */
export async function getPublicResults(year: number, now: Date): Promise<PublicResults | null> {
  const [cycle] = await db.select().from(cycles).where(eq(cycles.year, year));
  if (!cycle) return null;
  const stage = publicStage(cycle, now);
  if (stage === "none") return null;

  const cats = await db
    .select()
    .from(categories)
    .where(and(eq(categories.cycleId, cycle.id), isNull(categories.retiredAt)))
    .orderBy(asc(categories.position));
  const rows = await db
    .select({
      categoryId: nominations.categoryId,
      status: nominations.status,
      nomineeName: nominations.nomineeName,
      nomineeOrganisation: nominations.nomineeOrganisation,
      nomineeLocalAuthority: nominations.nomineeLocalAuthority,
      nomineeIsUnder18: nominations.nomineeIsUnder18,
      guardianPublicationConsent: nominations.guardianPublicationConsent,
      citation: nominations.citation,
      citationCy: nominations.citationCy,
    })
    .from(nominations)
    .where(
      and(
        eq(nominations.cycleId, cycle.id),
        inArray(nominations.status, ["shortlisted", "winner", "highly_commended"]),
        isNull(nominations.mergedIntoId),
        isNull(nominations.erasedAt),
      ),
    )
    .orderBy(asc(nominations.id));

  return {
    year: cycle.year,
    name: cycle.name,
    nameCy: cycle.nameCy,
    stage,
    cacheSeconds: cacheSecondsUntilChange(cycle, now),
    categories: cats
      .map((c) => {
        // In order of the names shown, so the order gives away nothing of a name that is not.
        const mine = rows
          .filter((r) => r.categoryId === c.id)
          .map((r) => ({ ...r, shown: publicNominee(r, c), shownCy: publicNominee({ ...r, citation: r.citationCy }, c, "cy") }))
          .sort((a, b) => a.shown.name.localeCompare(b.shown.name, "en-GB"));
        // Only what the naming rule lets out leaves this function: an under-18 nominee as their guardian agreed.
        const entry = ({ shown, shownCy }: (typeof mine)[number], withCitation: boolean): PublicEntry => ({
          name: shown.name,
          nameCy: shownCy.name,
          organisation: shown.organisation,
          area: shown.area,
          citation: withCitation ? shown.citation : null,
          citationCy: withCitation ? shownCy.citation : null,
        });
        return {
          slug: c.slug,
          name: c.name,
          nameCy: c.nameCy,
          sponsor: c.sponsor,
          sponsorCy: c.sponsorCy,
          // Before the winners' time, awards are not known publicly: every finalist is "shortlisted".
          winners: stage === "winners" ? mine.filter((r) => r.status === "winner").map((r) => entry(r, true)) : [],
          highlyCommended:
            stage === "winners" ? mine.filter((r) => r.status === "highly_commended").map((r) => entry(r, true)) : [],
          shortlist: mine.map((r) => entry(r, false)),
        };
      })
      .filter((c) => c.shortlist.length > 0),
  };
}

/** Years with anything public, newest first, with the stage each has reached. */
export async function listPublicYears(now: Date) {
  const all = await db
    .select({
      year: cycles.year,
      name: cycles.name,
      shortlistPublishAt: cycles.shortlistPublishAt,
      winnersPublishAt: cycles.winnersPublishAt,
    })
    .from(cycles)
    .orderBy(desc(cycles.year));
  return all
    .map((c) => ({ year: c.year, name: c.name, stage: publicStage(c, now), times: c }))
    .filter((c) => c.stage !== "none");
}
