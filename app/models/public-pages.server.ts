/**
 * How long a public page may be kept: never past the next moment that could change it.
 * Every public page shows some published result (the archive, the winners, the home page's
 * links), so every one of them ends its lifetime at the next publication of any cycle as
 * well as at its own cycle's dates.
 */
import { gt, or } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";
import { publicPageHeaders } from "~/utils/public-cache.server";

const { cycles } = schema;

/** Every shortlist or winners publication still ahead, in any cycle. */
export async function upcomingPublications(now: Date): Promise<Date[]> {
  const rows = await db
    .select({ shortlist: cycles.shortlistPublishAt, winners: cycles.winnersPublishAt })
    .from(cycles)
    .where(or(gt(cycles.shortlistPublishAt, now), gt(cycles.winnersPublishAt, now)));
  return rows.flatMap((r) => [r.shortlist, r.winners]).filter((t): t is Date => t !== null && t > now);
}

/** Cache-Control for a public page that also changes at `moments` (its own cycle's dates). */
export async function publicHeaders(moments: ReadonlyArray<Date | null | undefined>, now = new Date()) {
  return publicPageHeaders([...moments, ...(await upcomingPublications(now))], now);
}
