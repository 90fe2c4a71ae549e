import { eq } from "drizzle-orm";
import { audit, type Actor } from "~/utils/audit.server";
import { normaliseEmail } from "~/utils/auth.server";
import { db, schema } from "~/utils/db.server";

/** Adds an administrator, or makes an existing person one. Audited. */
export async function addAdmin({ email, name }: { email: string; name: string }, actor: Actor) {
  const address = normaliseEmail(email);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.people).where(eq(schema.people.email, address));
    const [person] = before
      ? await tx
          .update(schema.people)
          .set({ isAdmin: true, deactivatedAt: null })
          .where(eq(schema.people.id, before.id))
          .returning()
      : await tx.insert(schema.people).values({ email: address, name: name.trim(), isAdmin: true }).returning();
    await audit(tx, {
      actor,
      action: before ? "person.made_admin" : "person.admin_added",
      entityType: "person",
      entityId: person.id,
      before: before ? { isAdmin: before.isAdmin, deactivatedAt: before.deactivatedAt } : null,
      after: { email: person.email, name: person.name, isAdmin: true },
    });
    return { person, created: !before };
  });
}
