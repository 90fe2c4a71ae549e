/** Setting up a cycle: list, copy from last year, dates, phase moves. Every change audited. */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Phase } from "#db/schema";
import { nextPhases, type CycleDateFields } from "~/domain/cycle-setup";
import { effectivePhase } from "~/domain/phases";
import { normaliseWelsh, welshProblem, WELSH_LIMITS } from "~/domain/welsh-content";
import { audit, type Actor } from "~/utils/audit.server";
import { detectConflictsAfter } from "./conflict-detection.server";
import { db, schema } from "~/utils/db.server";
import { getCurrentCycle } from "./cycle.server";
import { closeFinalRoundIn, startFinalRoundIn } from "./final-round.server";
import { setPublicationTimes } from "./results-publication.server";
import type { PublicationField } from "~/domain/phase-rules";
import { feedbackSettingProblem } from "~/domain/feedback";
import { releasedFeedbackCount } from "./feedback.server";

export async function listCycles() {
  return db.select().from(schema.cycles).orderBy(desc(schema.cycles.year));
}

export async function getCycleByYear(year: number) {
  const [cycle] = await db.select().from(schema.cycles).where(eq(schema.cycles.year, year));
  return cycle ?? null;
}

/**
 * The cycle a page is about: the year from its address (`?year=2026`, read by `yearParam`),
 * or the current cycle when there is none or no such cycle.
 */
export async function cycleByYearOrCurrent(param: number | string | null) {
  const year = Number(param);
  if (param !== null && Number.isInteger(year) && year > 0) {
    const cycle = await getCycleByYear(year);
    if (cycle) return cycle;
  }
  return getCurrentCycle();
}

const COPIED_CYCLE_FIELDS = ["blindJudging", "rankingMethod", "minScoresPerJudge", "retentionDays"] as const;

/**
 * Creates a draft cycle with the source cycle's live categories, questions, rubric, scale
 * anchors and a panel per category (with its judges when asked). Dates start empty.
 */
export async function createCycleFromPrevious(
  input: { sourceYear: number; year: number; name: string; copyPanelMembers: boolean },
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const [source] = await tx.select().from(schema.cycles).where(eq(schema.cycles.year, input.sourceYear));
    if (!source) throw new Error(`no cycle ${input.sourceYear}`);
    const copied = Object.fromEntries(COPIED_CYCLE_FIELDS.map((f) => [f, source[f]]));
    const [cycle] = await tx
      .insert(schema.cycles)
      .values({ year: input.year, name: input.name, phase: "draft", ...copied })
      .returning();

    const categories = await tx
      .select()
      .from(schema.categories)
      .where(and(eq(schema.categories.cycleId, source.id), isNull(schema.categories.retiredAt)))
      .orderBy(asc(schema.categories.position), asc(schema.categories.id));
    const sourceIds = categories.map((c) => c.id);
    const [questions, criteria, anchors, panels] = sourceIds.length
      ? await Promise.all([
          tx.select().from(schema.questions).where(and(inArray(schema.questions.categoryId, sourceIds), isNull(schema.questions.retiredAt))).orderBy(asc(schema.questions.position), asc(schema.questions.id)),
          tx.select().from(schema.criteria).where(and(inArray(schema.criteria.categoryId, sourceIds), isNull(schema.criteria.retiredAt))).orderBy(asc(schema.criteria.position), asc(schema.criteria.id)),
          tx.select().from(schema.scaleAnchors).where(inArray(schema.scaleAnchors.categoryId, sourceIds)),
          tx
            .select({ categoryId: schema.panels.categoryId, personId: schema.panelMembers.personId, isChair: schema.panelMembers.isChair, cap: schema.panelMembers.cap })
            .from(schema.panels)
            .innerJoin(schema.panelMembers, eq(schema.panelMembers.panelId, schema.panels.id))
            .innerJoin(schema.people, eq(schema.people.id, schema.panelMembers.personId))
            .where(and(inArray(schema.panels.categoryId, sourceIds), isNull(schema.people.deactivatedAt), eq(schema.people.isJudge, true))),
        ])
      : [[], [], [], []];

    for (const [position, c] of categories.entries()) {
      const [category] = await tx
        .insert(schema.categories)
        .values({
          cycleId: cycle.id,
          slug: c.slug,
          name: c.name,
          description: c.description,
          eligibility: c.eligibility,
          nomineeTypes: c.nomineeTypes,
          selfNominationAllowed: c.selfNominationAllowed,
          nomineeUnder18: c.nomineeUnder18,
          sponsor: c.sponsor,
          nameCy: c.nameCy,
          descriptionCy: c.descriptionCy,
          eligibilityCy: c.eligibilityCy,
          sponsorCy: c.sponsorCy,
          shortlistSize: c.shortlistSize,
          judgesPerNomination: c.judgesPerNomination,
          scaleMin: c.scaleMin,
          scaleMax: c.scaleMax,
          position,
        })
        .returning();
      const qs = questions.filter((q) => q.categoryId === c.id);
      if (qs.length) {
        await tx.insert(schema.questions).values(
          qs.map((q, i) => ({
            categoryId: category.id,
            label: q.label,
            help: q.help,
            labelCy: q.labelCy,
            helpCy: q.helpCy,
            wordLimit: q.wordLimit,
            required: q.required,
            position: i,
          })),
        );
      }
      const cs = criteria.filter((r) => r.categoryId === c.id);
      if (cs.length) {
        await tx.insert(schema.criteria).values(
          cs.map((r, i) => ({ categoryId: category.id, name: r.name, guidance: r.guidance, weight: r.weight, position: i })),
        );
      }
      const as = anchors.filter((a) => a.categoryId === c.id);
      if (as.length) {
        await tx.insert(schema.scaleAnchors).values(as.map((a) => ({ categoryId: category.id, value: a.value, description: a.description })));
      }
      const [panel] = await tx.insert(schema.panels).values({ categoryId: category.id }).returning();
      const members = input.copyPanelMembers ? panels.filter((m) => m.categoryId === c.id) : [];
      if (members.length) {
        await tx.insert(schema.panelMembers).values(members.map((m) => ({ panelId: panel.id, personId: m.personId, isChair: m.isChair, cap: m.cap })));
      }
    }

    const copiedCategories = await tx.select({ id: schema.categories.id }).from(schema.categories).where(eq(schema.categories.cycleId, cycle.id));
    await detectConflictsAfter(tx, { categoryIds: copiedCategories.map((c) => c.id) }, actor);
    await audit(tx, {
      actor,
      action: "cycle.created_from_previous",
      entityType: "cycle",
      entityId: cycle.id,
      after: { year: cycle.year, name: cycle.name, copiedFrom: source.year, categories: categories.length, copyPanelMembers: input.copyPanelMembers },
    });
    return cycle;
  });
}

type Settings = CycleDateFields & {
  name: string;
  /** The name on Welsh pages; blank or absent: the English, marked as English. */
  nameCy?: string | null;
  retentionDays: number;
  blindJudging: boolean;
  rankingMethod: "calibrated" | "raw";
  minScoresPerJudge: number;
  /** Left out: unchanged. */
  feedbackToNominees?: boolean;
};

export type SettingsOutcome = { ok: true } | { ok: false; problems: Partial<Record<PublicationField | "feedbackToNominees" | "nameCy", string>> };

/** Saves the cycle's settings; its publication times go through the one rule that guards them. */
export async function updateCycleSettings(cycleId: number, settings: Settings, actor: Actor, now = new Date()): Promise<SettingsOutcome> {
  return db.transaction(async (tx) => {
    const { shortlistPublishAt, winnersPublishAt, ...given } = settings;
    // Welsh left out is left as it is; blank is no Welsh.
    const { nameCy, ...others } = given;
    const [current] = await tx
      .select({ feedbackToNominees: schema.cycles.feedbackToNominees, nameCy: schema.cycles.nameCy })
      .from(schema.cycles)
      .where(eq(schema.cycles.id, cycleId))
      .for("update");
    const nameCyProblem = welshProblem(settings.name, nameCy === undefined ? current?.nameCy : nameCy, "name", WELSH_LIMITS.cycleName);
    if (nameCyProblem) return { ok: false, problems: { nameCy: nameCyProblem } };
    const rest = nameCy === undefined ? others : { ...others, nameCy: normaliseWelsh(nameCy) };
    const feedback = current && feedbackSettingProblem({ before: current.feedbackToNominees, after: rest.feedbackToNominees ?? current.feedbackToNominees, released: await releasedFeedbackCount(tx, cycleId) });
    if (feedback) return { ok: false, problems: { feedbackToNominees: feedback } };
    const published = await setPublicationTimes(tx, { cycleId, shortlistPublishAt, winnersPublishAt, actor, now });
    // Refused before anything is written: nothing of the form is saved, and the page shows why.
    if (!published.ok) return published;
    const [before] = await tx.select().from(schema.cycles).where(eq(schema.cycles.id, cycleId)).for("update");
    if (!before) throw new Error(`no cycle ${cycleId}`);
    const [after] = await tx.update(schema.cycles).set(rest).where(eq(schema.cycles.id, cycleId)).returning();
    const keys = Object.keys(rest) as Array<keyof typeof rest>;
    await audit(tx, {
      actor,
      action: "cycle.updated",
      entityType: "cycle",
      entityId: cycleId,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: Object.fromEntries(keys.map((k) => [k, after[k]])),
    });
    return { ok: true };
  });
}

export type PhaseMove = { ok: true; from: Phase; to: Phase } | { ok: false; message: string };

/**
 * Moves the cycle on one phase, from the phase it is effectively in now. Starting and
 * closing the final round go through their own rules (app/models/final-round.server.ts).
 */
export async function moveCycleToPhase(cycleId: number, to: Phase, actor: Actor, now = new Date()): Promise<PhaseMove> {
  return db.transaction(async (tx) => {
    const [cycle] = await tx.select().from(schema.cycles).where(eq(schema.cycles.id, cycleId)).for("update");
    if (!cycle) return { ok: false, message: "That cycle does not exist" };
    const from = effectivePhase(cycle, now);
    if (!nextPhases(from).includes(to)) {
      return { ok: false, message: "The cycle has moved on since you opened this page. Check its phase and try again." };
    }
    if (to === "final_round" || from === "final_round") {
      const moved = to === "final_round" ? await startFinalRoundIn(tx, cycle, actor, now) : await closeFinalRoundIn(tx, cycle, actor, now);
      return moved.ok ? { ok: true, from, to } : moved;
    }
    await tx
      .update(schema.cycles)
      .set({ phase: to, ...(to === "archived" ? { archivedAt: now } : {}) })
      .where(eq(schema.cycles.id, cycleId));
    await audit(tx, { actor, action: "cycle.phase_changed", entityType: "cycle", entityId: cycleId, before: { phase: from }, after: { phase: to } });
    return { ok: true, from, to };
  });
}
