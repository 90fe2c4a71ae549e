/** Every change with a consequence writes its audit entry in the same transaction. */
import { schema, type Tx } from "./db.server";

export type Actor = { id: number; name: string } | { id: null; name: string };

export const SYSTEM_ACTOR: Actor = { id: null, name: "system" };

export async function audit(
  tx: Tx,
  entry: {
    actor: Actor;
    action: string;
    entityType: string;
    entityId?: string | number | null;
    before?: unknown;
    after?: unknown;
  },
) {
  await tx.insert(schema.auditLog).values({
    actorId: entry.actor.id,
    actorLabel: entry.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
