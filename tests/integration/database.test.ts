import { count, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { DEMO_CATEGORIES, DEMO_PEOPLE, seedDemoIfEmpty } from "#db/seed";
import { addAdmin } from "~/models/person.server";
import { getDatabase, db, schema } from "~/utils/db.server";

describe("migrations and the demo seed", () => {
  test("migrating again is a no-op", async () => {
    await getDatabase().migrate();
    await getDatabase().migrate();
    const [{ n }] = await db.select({ n: count() }).from(schema.cycles);
    expect(n).toBe(0);
  });

  test("an empty database gets the demo cycle once, complete", async () => {
    const now = new Date("2026-11-21T10:00:00Z");
    expect(await seedDemoIfEmpty(getDatabase().db, now)).toBe(true);
    expect(await seedDemoIfEmpty(getDatabase().db, now)).toBe(false);

    const cycles = await db.select().from(schema.cycles);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ year: 2026, phase: "nominations_open" });
    expect(cycles[0].nominationsOpenAt!.getTime()).toBeLessThan(now.getTime());
    expect(cycles[0].nominationsCloseAt!.getTime()).toBeGreaterThan(now.getTime());

    const categories = await db.select().from(schema.categories).orderBy(schema.categories.position);
    expect(categories.map((c) => c.name)).toEqual([
      "Group of the Year",
      "New Group of the Year",
      "Volunteer of the Year",
      "Young Champion",
      "Champion of the Year",
      "Local Authority of the Year",
      "International Award",
    ]);
    expect(categories.find((c) => c.slug === "young-champion")?.nomineeUnder18).toBe(true);
    for (const category of categories) {
      const questions = await db.select().from(schema.questions).where(eq(schema.questions.categoryId, category.id));
      const criteria = await db.select().from(schema.criteria).where(eq(schema.criteria.categoryId, category.id));
      const anchors = await db.select().from(schema.scaleAnchors).where(eq(schema.scaleAnchors.categoryId, category.id));
      const panels = await db.select().from(schema.panels).where(eq(schema.panels.categoryId, category.id));
      expect(questions.length).toBe(DEMO_CATEGORIES.find((c) => c.slug === category.slug)!.questions.length);
      expect(criteria.length).toBeGreaterThan(0);
      expect(anchors.map((a) => a.value).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(panels).toHaveLength(1);
    }
    const people = await db.select().from(schema.people);
    expect(people.filter((p) => p.isAdmin)).toHaveLength(1);
    expect(people.filter((p) => p.isJudge)).toHaveLength(3);
    expect(people.length).toBe(DEMO_PEOPLE.length);
  });
});

describe("the audit log", () => {
  test("is append-only: updates and deletes are refused by the database", async () => {
    const { person } = await addAdmin({ email: "New.Admin@Example.test", name: "New Admin" }, { id: null, name: "test" });
    expect(person.email).toBe("new.admin@example.test");
    const [entry] = await db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, String(person.id)));
    expect(entry).toMatchObject({ action: "person.admin_added", actorLabel: "test", entityType: "person" });
    await expect(db.update(schema.auditLog).set({ action: "tampered" }).where(eq(schema.auditLog.id, entry.id))).rejects.toThrow();
    await expect(db.delete(schema.auditLog).where(eq(schema.auditLog.id, entry.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [still] = await db.select().from(schema.auditLog).where(eq(schema.auditLog.id, entry.id));
    expect(still.action).toBe("person.admin_added");
  });

  test("adding an existing person as admin promotes them and says so", async () => {
    const [judge] = await db.insert(schema.people).values({ email: "judge.promoted@example.test", name: "Judge", isJudge: true }).returning();
    const { person, created } = await addAdmin({ email: "JUDGE.promoted@example.test", name: "Ignored" }, { id: null, name: "test" });
    expect(created).toBe(false);
    expect(person).toMatchObject({ id: judge.id, isAdmin: true, isJudge: true, name: "Judge" });
    const entries = await db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, String(judge.id)));
    expect(entries.map((e) => e.action)).toEqual(["person.made_admin"]);
  });
});
