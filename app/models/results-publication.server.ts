/**
 * Publication of the results: the times the shortlist and winners become public, the jobs
 * that publish and email at those moments, and what to check about under-18 nominees first.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { emailText } from "#emails/i18n";
import { ResultAnnouncementEmail, subjectFor, type Outcome } from "#emails/result-announcement";
import { PHASES } from "#db/schema";
import { localised, type Language } from "~/domain/language";
import { resultsRound } from "~/domain/judging";
import { publicationProblems, type PublicationField } from "~/domain/phase-rules";
import { publicationWindowProblems } from "~/domain/peoples-choice";
import { isUnder18, publicNamingSummary, publicNominee } from "~/domain/public-naming";
import { outcomeRecipients, type Audience } from "~/domain/recipients";
import { formatLondon } from "~/domain/time";
import { votingWindowsOf } from "~/models/peoples-choice.server";
import { audit, SYSTEM_ACTOR, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { getEnv } from "~/utils/env.server";
import { scheduleJob, type JobHandlers } from "~/utils/jobs.server";
import { categorySummaries } from "./results-decisions.server";

const { nominations, categories, cycles } = schema;

export const PUBLISH_SHORTLIST = "publish_shortlist";
export const PUBLISH_WINNERS = "publish_winners";

export type PublicationOutcome = { ok: true } | { ok: false; problems: Partial<Record<PublicationField, string>> };

/**
 * THE writer of publication times, for every page that sets them (results, cycle settings):
 * the shortlist rule of app/domain/phase-rules.ts under a lock on the cycle, then the
 * times, the jobs that publish and email at those moments, and the audit entry.
 */
export async function setPublicationTimes(
  tx: Tx,
  input: { cycleId: number; shortlistPublishAt: Date | null; winnersPublishAt: Date | null; actor: Actor; now?: Date },
): Promise<PublicationOutcome> {
  const [before] = await tx.select().from(cycles).where(eq(cycles.id, input.cycleId)).for("update");
  if (!before) return { ok: false, problems: { shortlistPublishAt: "That cycle does not exist" } };
  const requested = { shortlistPublishAt: input.shortlistPublishAt, winnersPublishAt: input.winnersPublishAt };
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  if (same(before.shortlistPublishAt, requested.shortlistPublishAt) && same(before.winnersPublishAt, requested.winnersPublishAt)) {
    return { ok: true };
  }
  const problems = {
    ...publicationWindowProblems({ windows: await votingWindowsOf(tx, before.id), current: before, requested }),
    ...publicationProblems({
      cycle: before,
      categories: await categorySummaries(before.id, resultsRound(before), tx),
      requested,
      now: input.now ?? new Date(),
    }),
  };
  if (Object.keys(problems).length) return { ok: false, problems };
  await tx.update(cycles).set(requested).where(eq(cycles.id, input.cycleId));
  await syncPublicationJobsFor(tx, { id: input.cycleId, ...requested });
  await audit(tx, {
    actor: input.actor,
    action: "publication.scheduled",
    entityType: "cycle",
    entityId: input.cycleId,
    before: { shortlistPublishAt: before.shortlistPublishAt, winnersPublishAt: before.winnersPublishAt },
    after: requested,
  });
  return { ok: true };
}

/** Sets the publication times from the results page. */
export async function schedulePublication(input: {
  cycleId: number;
  shortlistPublishAt: Date | null;
  winnersPublishAt: Date | null;
  actor: Actor;
  now?: Date;
}): Promise<PublicationOutcome> {
  return db.transaction((tx) => setPublicationTimes(tx, input));
}

async function syncPublicationJobsFor(
  tx: Tx,
  cycle: { id: number; shortlistPublishAt: Date | null; winnersPublishAt: Date | null },
) {
  for (const [kind, at] of [
    [PUBLISH_SHORTLIST, cycle.shortlistPublishAt],
    [PUBLISH_WINNERS, cycle.winnersPublishAt],
  ] as const) {
    const key = `cycle:${cycle.id}`;
    if (at) await scheduleJob(tx, { kind, key, runAt: at, payload: { cycleId: cycle.id } });
    else
      await tx
        .update(schema.jobs)
        .set({ status: "cancelled" })
        .where(and(eq(schema.jobs.kind, kind), eq(schema.jobs.key, key), eq(schema.jobs.status, "pending")));
  }
}

/**
 * Makes sure every cycle's publication times have their jobs, whichever page set them.
 * Cheap, and run before each round of jobs.
 */
export async function syncPublicationJobs() {
  const all = await db
    .select({ id: cycles.id, shortlistPublishAt: cycles.shortlistPublishAt, winnersPublishAt: cycles.winnersPublishAt })
    .from(cycles)
    .where(sql`${cycles.shortlistPublishAt} is not null or ${cycles.winnersPublishAt} is not null`);
  for (const cycle of all) {
    await db.transaction((tx) => syncPublicationJobsFor(tx, cycle));
  }
}

const fallbackName = (language: Language, who: Audience) => emailText(language).t(`fallbackName.${who === "guardian" ? "guardian" : "nominator"}`);

/**
 * When the winners are public by the time the shortlist is announced (both at one moment,
 * or the shortlist late), the shortlist announcement tells only those not shortlisted: the
 * rest hear once, in the winners' email, which says both.
 */
function winnersAnnouncedTogether(cycle: typeof cycles.$inferSelect, now = new Date()) {
  return cycle.winnersPublishAt !== null && cycle.winnersPublishAt.getTime() <= now.getTime();
}

async function announce(tx: Tx, cycleId: number, stage: "shortlist" | "winners") {
  const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) return;
  const statuses: (typeof nominations.$inferSelect.status)[] =
    stage === "shortlist" ? ["shortlisted", "not_shortlisted", "eligible", "winner", "highly_commended"] : ["shortlisted", "winner", "highly_commended"];
  const rows = await tx
    .select({ nomination: nominations, categoryName: categories.name, categoryNameCy: categories.nameCy, nomineeUnder18: categories.nomineeUnder18 })
    .from(nominations)
    .innerJoin(categories, eq(categories.id, nominations.categoryId))
    .where(and(eq(nominations.cycleId, cycleId), inArray(nominations.status, statuses), isNull(nominations.mergedIntoId)))
    .orderBy(asc(nominations.id));
  // The Welsh pages are the English ones under /cy.
  const resultsUrl = (language: Language) => `${getEnv().APP_URL}${language === "cy" ? "/cy" : ""}/winners/${cycle.year}`;
  const together = stage === "shortlist" && winnersAnnouncedTogether(cycle);
  const mergedAway = rows.length
    ? await tx.select().from(nominations).where(inArray(nominations.mergedIntoId, rows.map((r) => r.nomination.id)))
    : [];
  for (const { nomination, categoryName, categoryNameCy, nomineeUnder18 } of rows) {
    let outcome: Outcome;
    if (stage === "shortlist") {
      const onList = ["shortlisted", "winner", "highly_commended"].includes(nomination.status);
      outcome = onList ? "shortlisted" : "not_shortlisted";
      if (nomination.status === "eligible") {
        // Never decided: at publication it was not on the list.
        await tx.update(nominations).set({ status: "not_shortlisted" }).where(eq(nominations.id, nomination.id));
      }
    } else {
      outcome = nomination.status === "winner" ? "winner" : nomination.status === "highly_commended" ? "highly_commended" : "not_winner";
    }
    if (together && outcome === "shortlisted") continue;
    const recipients = outcomeRecipients(nomination, { under18Category: nomineeUnder18, merged: mergedAway.filter((m) => m.mergedIntoId === nomination.id) });
    const category = { nomineeUnder18 };
    const shown = publicNominee(nomination, category);
    // The guardian of a nominee on a public list reads how their child is named there.
    const naming = outcome !== "not_shortlisted" && isUnder18(nomination, category) ? { kind: shown.naming, shownName: shown.name } : null;
    for (const r of recipients) {
      const categoryText = localised(categoryName, categoryNameCy, r.language);
      // The public form of the citation (names taken out) is made from the English; a reader who is not named it reads that, marked as English.
      const citation =
        stage !== "winners" || !nomination.citation
          ? null
          : r.named
            ? localised(nomination.citation, nomination.citationCy, r.language)
            : shown.citation
              ? localised(shown.citation, null, r.language)
              : null;
      await sendEmail(tx, {
        to: r.to,
        subject: subjectFor({ language: r.language, outcome, categoryName: categoryText, year: cycle.year }),
        template: `result-${outcome}`,
        react: createElement(ResultAnnouncementEmail, {
          language: r.language,
          outcome,
          audience: r.audience,
          recipientName: r.name ?? fallbackName(r.language, r.audience),
          nomineeName: r.named ? nomination.nomineeName : shown.name,
          categoryName: categoryText,
          year: cycle.year,
          citation,
          naming: r.audience === "guardian" ? naming : null,
          resultsUrl: resultsUrl(r.language),
        }),
        meta: { nominationIds: [nomination.id], stage },
      });
    }
  }
  // The phase only moves forward: a late shortlist publication must not end a final round already under way.
  const reached = stage === "shortlist" ? "shortlist_published" : "winners_published";
  const phase = PHASES.indexOf(cycle.phase) < PHASES.indexOf(reached) ? reached : cycle.phase;
  await tx.update(cycles).set({ phase }).where(eq(cycles.id, cycleId));
  if (phase !== cycle.phase) {
    await audit(tx, { actor: SYSTEM_ACTOR, action: "cycle.phase_changed", entityType: "cycle", entityId: cycleId, before: { phase: cycle.phase }, after: { phase } });
  }
  await audit(tx, {
    actor: { id: null, name: "system" },
    action: stage === "shortlist" ? "shortlist.published" : "winners.published",
    entityType: "cycle",
    entityId: cycleId,
    after: { emails: rows.length, phase },
  });
}

export const publicationJobs: JobHandlers = {
  [PUBLISH_SHORTLIST]: (tx, job) => announce(tx, Number(job.payload.cycleId), "shortlist"),
  [PUBLISH_WINNERS]: (tx, job) => announce(tx, Number(job.payload.cycleId), "winners"),
};

/**
 * Before publishing: every under-18 nominee on a shortlist or among the winners, with the
 * consent their guardian gave to publication and the name the public pages will show.
 */
export async function underEighteenOnPublicLists(cycleId: number) {
  const rows = await db
    .select({
      id: nominations.id,
      reference: nominations.reference,
      status: nominations.status,
      category: categories.name,
      nomineeUnder18: categories.nomineeUnder18,
      nomineeName: nominations.nomineeName,
      nomineeOrganisation: nominations.nomineeOrganisation,
      nomineeLocalAuthority: nominations.nomineeLocalAuthority,
      nomineeIsUnder18: nominations.nomineeIsUnder18,
      guardianPublicationConsent: nominations.guardianPublicationConsent,
      guardianPublicationConsentAt: nominations.guardianPublicationConsentAt,
    })
    .from(nominations)
    .innerJoin(categories, eq(categories.id, nominations.categoryId))
    .where(
      and(
        eq(nominations.cycleId, cycleId),
        inArray(nominations.status, ["shortlisted", "winner", "highly_commended"]),
        isNull(nominations.mergedIntoId),
        isNull(nominations.erasedAt),
      ),
    )
    .orderBy(asc(categories.position), asc(nominations.id));
  return rows.flatMap((r) => {
    const naming = publicNamingSummary(r, { nomineeUnder18: r.nomineeUnder18 });
    if (!naming) return [];
    return [
      {
        id: r.id,
        reference: r.reference,
        status: r.status,
        category: r.category,
        nomineeName: r.nomineeName,
        consent: naming.consent,
        shownAs: naming.shownAs,
        consentAt: r.guardianPublicationConsentAt ? formatLondon(r.guardianPublicationConsentAt) : null,
      },
    ];
  });
}
