/** Reading the audit log: filtered and paginated. Nothing here writes to it. */
import { and, desc, eq, gte, ilike, lt, sql, type SQL } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: Date;
  /** Exclusive: the day after the last day asked for. */
  until?: Date;
  page: number;
};

export async function listAuditEntries(f: AuditFilters) {
  const a = schema.auditLog;
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const where: SQL | undefined = and(
    f.entityType ? eq(a.entityType, f.entityType) : undefined,
    f.entityId ? eq(a.entityId, f.entityId) : undefined,
    f.actor ? ilike(a.actorLabel, `%${escape(f.actor)}%`) : undefined,
    f.action ? ilike(a.action, `${escape(f.action)}%`) : undefined,
    f.from ? gte(a.at, f.from) : undefined,
    f.until ? lt(a.at, f.until) : undefined,
  );
  const rows = await db
    .select()
    .from(a)
    .where(where)
    .orderBy(desc(a.at), desc(a.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE);
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** The entity types and actions that occur, for the filter's choices. */
export async function auditFacets() {
  const types = await db.selectDistinct({ value: schema.auditLog.entityType }).from(schema.auditLog).orderBy(schema.auditLog.entityType);
  const actions = await db
    .selectDistinct({ value: sql<string>`split_part(${schema.auditLog.action}, '.', 1)` })
    .from(schema.auditLog)
    .orderBy(sql`1`);
  return { entityTypes: types.map((t) => t.value), actionGroups: actions.map((a) => a.value) };
}
