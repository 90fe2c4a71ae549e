/**
 * Judges and administrators: invitations, profiles (which feed the conflict checks),
 * admin rights, and the panel of each category. Every change is audited.
 */
import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import JudgeInvitationEmail from "#emails/judge-invitation";
import { detectConflictsAfter } from "~/models/conflict-detection.server";
import { audit, type Actor } from "~/utils/audit.server";
import { createSignInToken, LINK_LIFETIME_MS, normaliseEmail } from "~/utils/auth.server";
import { db, schema } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { getEnv } from "~/utils/env.server";

export type Profile = { name: string; organisations: string[]; localAuthority: string | null };

export async function listPeople() {
  return db
    .select()
    .from(schema.people)
    .where(or(eq(schema.people.isJudge, true), eq(schema.people.isAdmin, true)))
    .orderBy(sql`${schema.people.deactivatedAt} is not null`, asc(schema.people.name), asc(schema.people.id));
}

export async function getPerson(id: number) {
  const [person] = await db.select().from(schema.people).where(eq(schema.people.id, id));
  return person ?? null;
}

/** Panels this person sits on, with the category and cycle. */
export async function panelsOf(personId: number) {
  return db
    .select({ categoryId: schema.categories.id, categoryName: schema.categories.name, year: schema.cycles.year, isChair: schema.panelMembers.isChair })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .innerJoin(schema.categories, eq(schema.categories.id, schema.panels.categoryId))
    .innerJoin(schema.cycles, eq(schema.cycles.id, schema.categories.cycleId))
    .where(eq(schema.panelMembers.personId, personId))
    .orderBy(sql`${schema.cycles.year} desc`, asc(schema.categories.position));
}

/**
 * Invites a judge: a new person, or an existing one made a judge again, and an email with
 * a one-time sign-in link that lasts a week. The email is written in the same transaction.
 */
export async function inviteJudge(input: Profile & { email: string }, actor: Actor) {
  const email = normaliseEmail(input.email);
  const env = getEnv();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(schema.people).where(sql`lower(${schema.people.email}) = ${email}`).for("update");
    const profile = { name: input.name, organisations: input.organisations, localAuthority: input.localAuthority };
    const [person] = existing
      ? await tx.update(schema.people).set({ ...profile, isJudge: true, deactivatedAt: null }).where(eq(schema.people.id, existing.id)).returning()
      : await tx.insert(schema.people).values({ email, ...profile, isJudge: true }).returning();
    const { token } = await createSignInToken(tx, person.id, "invitation");
    const link = new URL("/login/link", env.APP_URL);
    link.searchParams.set("token", token);
    link.searchParams.set("redirectTo", "/judge");
    await sendEmail(tx, {
      to: person.email,
      subject: "You are invited to judge the Community Sponsorship Awards",
      template: "judge-invitation",
      react: (
        <JudgeInvitationEmail
          name={person.name}
          url={link.href}
          days={LINK_LIFETIME_MS.invitation / 86_400_000}
          invitedBy={actor.name}
          loginUrl={new URL("/login", env.APP_URL).href}
        />
      ),
      meta: { personId: person.id },
    });
    await audit(tx, {
      actor,
      action: existing ? "judge.reinvited" : "judge.invited",
      entityType: "person",
      entityId: person.id,
      before: existing ? { name: existing.name, isJudge: existing.isJudge, deactivatedAt: existing.deactivatedAt } : null,
      after: { email: person.email, ...profile, isJudge: true },
    });
    await detectConflictsAfter(tx, { personIds: [person.id] }, actor);
    if (!env.mailConfigured) console.info(`Invitation link for ${person.email}: ${link.href}`);
    return person;
  });
}

export async function updateProfile(personId: number, profile: Profile, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.people).where(eq(schema.people.id, personId)).for("update");
    await tx.update(schema.people).set(profile).where(eq(schema.people.id, personId));
    await audit(tx, {
      actor,
      action: "person.profile_updated",
      entityType: "person",
      entityId: personId,
      before: { name: before.name, organisations: before.organisations, localAuthority: before.localAuthority },
      after: profile,
    });
    // A changed organisation or area can reveal new conflicts in every panel the judge sits on.
    await detectConflictsAfter(tx, { personIds: [personId] }, actor);
  });
}

export type RoleChange = { ok: true } | { ok: false; message: string };

/** Removing an admin ends their sessions on the server; the last admin cannot be removed. */
export async function removeAdmin(personId: number, actor: Actor): Promise<RoleChange> {
  return db.transaction(async (tx) => {
    // One admin change at a time, so two admins cannot remove each other at once.
    await tx.execute(sql`select pg_advisory_xact_lock(727273)`);
    const [person] = await tx.select().from(schema.people).where(eq(schema.people.id, personId));
    if (!person?.isAdmin) return { ok: false, message: "That person is not an administrator" };
    const others = await tx
      .select({ id: schema.people.id })
      .from(schema.people)
      .where(and(eq(schema.people.isAdmin, true), isNull(schema.people.deactivatedAt), ne(schema.people.id, personId)));
    if (others.length === 0) return { ok: false, message: "There must always be at least one administrator" };
    await tx.update(schema.people).set({ isAdmin: false }).where(eq(schema.people.id, personId));
    const ended = await tx.delete(schema.sessions).where(eq(schema.sessions.personId, personId)).returning({ id: schema.sessions.id });
    await audit(tx, {
      actor,
      action: "person.admin_removed",
      entityType: "person",
      entityId: personId,
      before: { isAdmin: true },
      after: { isAdmin: false, sessionsEnded: ended.length },
    });
    return { ok: true };
  });
}

/** Stops someone judging: off every panel of cycles not yet archived, sessions ended. */
export async function removeJudge(personId: number, actor: Actor): Promise<RoleChange> {
  return db.transaction(async (tx) => {
    const [person] = await tx.select().from(schema.people).where(eq(schema.people.id, personId)).for("update");
    if (!person?.isJudge) return { ok: false, message: "That person is not a judge" };
    await tx.update(schema.people).set({ isJudge: false }).where(eq(schema.people.id, personId));
    const left = await tx
      .delete(schema.panelMembers)
      .where(
        and(
          eq(schema.panelMembers.personId, personId),
          sql`${schema.panelMembers.panelId} in (select p.id from panels p join categories c on c.id = p.category_id join cycles y on y.id = c.cycle_id where y.archived_at is null)`,
        ),
      )
      .returning({ panelId: schema.panelMembers.panelId });
    if (!person.isAdmin) await tx.delete(schema.sessions).where(eq(schema.sessions.personId, personId));
    await audit(tx, {
      actor,
      action: "judge.removed",
      entityType: "person",
      entityId: personId,
      before: { isJudge: true, panels: left.map((l) => l.panelId) },
      after: { isJudge: false },
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------- panels

export async function getPanelForCategory(categoryId: number) {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(schema.panels).where(eq(schema.panels.categoryId, categoryId));
    if (existing) return existing;
    const [created] = await tx.insert(schema.panels).values({ categoryId }).onConflictDoNothing().returning();
    if (created) return created;
    const [raced] = await tx.select().from(schema.panels).where(eq(schema.panels.categoryId, categoryId));
    return raced;
  });
}

export async function listPanelMembers(panelId: number) {
  return db
    .select({
      personId: schema.people.id,
      name: schema.people.name,
      email: schema.people.email,
      isChair: schema.panelMembers.isChair,
      cap: schema.panelMembers.cap,
      confidentialityAcceptedAt: schema.panelMembers.confidentialityAcceptedAt,
    })
    .from(schema.panelMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.panelMembers.personId))
    .where(eq(schema.panelMembers.panelId, panelId))
    .orderBy(sql`${schema.panelMembers.isChair} desc`, asc(schema.people.name));
}

/** Each category's panel size and chair, for the panels overview. */
export async function panelSummaries(cycleId: number) {
  return db
    .select({
      categoryId: schema.categories.id,
      categoryName: schema.categories.name,
      members: sql<number>`count(${schema.panelMembers.personId})::int`,
      chair: sql<string | null>`max(case when ${schema.panelMembers.isChair} then ${schema.people.name} end)`,
    })
    .from(schema.categories)
    .leftJoin(schema.panels, eq(schema.panels.categoryId, schema.categories.id))
    .leftJoin(schema.panelMembers, eq(schema.panelMembers.panelId, schema.panels.id))
    .leftJoin(schema.people, eq(schema.people.id, schema.panelMembers.personId))
    .where(and(eq(schema.categories.cycleId, cycleId), isNull(schema.categories.retiredAt)))
    .groupBy(schema.categories.id, schema.categories.name, schema.categories.position)
    .orderBy(asc(schema.categories.position), asc(schema.categories.id));
}

export async function addPanelMember(panelId: number, personId: number, actor: Actor): Promise<RoleChange> {
  return addPanelMembers(panelId, [personId], actor);
}

/**
 * Adds several judges to a panel at once: all or none. Each addition is audited; conflict
 * detection runs once, for every category the new members touch, in the same transaction.
 */
export async function addPanelMembers(panelId: number, personIds: number[], actor: Actor): Promise<RoleChange> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return { ok: false, message: "Choose a judge to add" };
  return db.transaction(async (tx) => {
    const people = await tx.select().from(schema.people).where(inArray(schema.people.id, ids));
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const id of ids) {
      const person = byId.get(id);
      if (!person || !person.isJudge || person.deactivatedAt) return { ok: false, message: "Choose a judge who is still active" };
    }
    const existing = await tx
      .select({ personId: schema.panelMembers.personId })
      .from(schema.panelMembers)
      .where(and(eq(schema.panelMembers.panelId, panelId), inArray(schema.panelMembers.personId, ids)));
    if (existing.length) {
      const names = existing.map((e) => byId.get(e.personId)!.name).join(", ");
      return { ok: false, message: `${names} ${existing.length === 1 ? "is" : "are"} already on this panel` };
    }
    for (const id of ids) {
      const added = await tx.insert(schema.panelMembers).values({ panelId, personId: id }).onConflictDoNothing().returning();
      if (added.length === 0) continue; // added meanwhile by another admin: already audited there
      await audit(tx, { actor, action: "panel.member_added", entityType: "panel", entityId: panelId, after: { personId: id, name: byId.get(id)!.name } });
    }
    // Suspicions are raised as soon as judges join, before they could be assigned anything.
    await detectConflictsAfter(tx, { personIds: ids }, actor);
    return { ok: true };
  });
}

export async function removePanelMember(panelId: number, personId: number, actor: Actor) {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(schema.panelMembers)
      .where(and(eq(schema.panelMembers.panelId, panelId), eq(schema.panelMembers.personId, personId)))
      .returning();
    if (!removed) return false;
    await audit(tx, { actor, action: "panel.member_removed", entityType: "panel", entityId: panelId, before: { personId, isChair: removed.isChair } });
    return true;
  });
}

/** One chair per panel: naming a chair stands the previous one down. */
export async function setPanelChair(panelId: number, personId: number | null, actor: Actor): Promise<RoleChange> {
  return db.transaction(async (tx) => {
    const members = await tx.select().from(schema.panelMembers).where(eq(schema.panelMembers.panelId, panelId)).for("update");
    if (personId !== null && !members.some((m) => m.personId === personId)) return { ok: false, message: "The chair must be a member of the panel" };
    const previous = members.find((m) => m.isChair)?.personId ?? null;
    await tx.update(schema.panelMembers).set({ isChair: false }).where(eq(schema.panelMembers.panelId, panelId));
    if (personId !== null) {
      await tx
        .update(schema.panelMembers)
        .set({ isChair: true })
        .where(and(eq(schema.panelMembers.panelId, panelId), eq(schema.panelMembers.personId, personId)));
    }
    await audit(tx, { actor, action: "panel.chair_set", entityType: "panel", entityId: panelId, before: { chair: previous }, after: { chair: personId } });
    return { ok: true };
  });
}

/** The most nominations the assignment gives this judge on this panel; null for no cap. */
export async function setPanelCap(panelId: number, personId: number, cap: number | null, actor: Actor): Promise<RoleChange> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(schema.panelMembers)
      .where(and(eq(schema.panelMembers.panelId, panelId), eq(schema.panelMembers.personId, personId)))
      .for("update");
    if (!before) return { ok: false, message: "That judge is not on this panel" };
    await tx
      .update(schema.panelMembers)
      .set({ cap })
      .where(and(eq(schema.panelMembers.panelId, panelId), eq(schema.panelMembers.personId, personId)));
    await audit(tx, { actor, action: "panel.cap_set", entityType: "panel_member", entityId: `${panelId}:${personId}`, before: { cap: before.cap }, after: { cap } });
    return { ok: true };
  });
}

/** Active judges not yet on the panel, for the "add a judge" list. */
export async function judgesNotOnPanel(panelId: number) {
  return db
    .select({ id: schema.people.id, name: schema.people.name, email: schema.people.email })
    .from(schema.people)
    .where(
      and(
        eq(schema.people.isJudge, true),
        isNull(schema.people.deactivatedAt),
        sql`${schema.people.id} not in (select person_id from panel_members where panel_id = ${panelId})`,
      ),
    )
    .orderBy(asc(schema.people.name));
}
