/**
 * The current cycle, its categories and their questions, held in memory for the nomination
 * journey (decision 037): every step of every nomination reads them, and they do not change
 * while a deadline brings a burst of submissions.
 *
 * They are dropped whenever the database says public content changed: the triggers of
 * migration 0006 NOTIFY 'csa_public_content' at the commit of any change to cycles,
 * categories or questions, the same notice that empties the page cache
 * (app/server/page-cache.ts). A load that began before such a notice is used for the
 * request that asked, never kept. The rules themselves are still enforced where the
 * nomination is written (the deadline under a share lock on the cycle, in the transaction),
 * so a notice still on its way can only delay a kind message, never let a write through.
 *
 * On in production, where the server listens for the notice; off elsewhere (tests call the
 * models directly and change these tables between calls), unless a test turns it on.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Category, Cycle, Question } from "#db/schema";
import { publicCycleOf } from "~/domain/phase-rules";
import { getDatabase, schema } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/** The channel of migration 0006's triggers (app/server/page-cache.ts listens to it as well). */
export const PUBLIC_CONTENT_CHANNEL = "csa_public_content";

export type CategoryContent = { category: Category; questions: Question[] };
export type PublicContent = {
  /** The cycle the public sees (publicCycleOf), or null before there is one. */
  cycle: Cycle | null;
  /** Its categories still in use, by slug, with their questions in order. */
  bySlug: ReadonlyMap<string, CategoryContent>;
  byId: ReadonlyMap<number, CategoryContent>;
};

type State = {
  /** null: as the environment says (production); true or false: set by a test. */
  forced: boolean | null;
  /** The database handle the notice is listened for on, and whether it is listening yet. */
  handle: unknown;
  listening: boolean;
  generation: number;
  /** The load of this generation, and its content once it has arrived. */
  held: { generation: number; content: Promise<PublicContent>; value?: PublicContent } | null;
  loads: number;
};

// On globalThis, like the database handle: the server and the Remix bundle share one.
const KEY = Symbol.for("csa.publicContent");
const holder = globalThis as { [KEY]?: State };
const state: State = (holder[KEY] ??= { forced: null, handle: null, listening: false, generation: 0, held: null, loads: 0 });

/** Turns holding on or off (tests), or back to what the environment says (`null`). */
export function holdPublicContent(on: boolean | null) {
  state.forced = on;
  forgetPublicContent();
}

/** Drops what is held: the next request reads the database again. */
export function forgetPublicContent() {
  state.generation += 1;
  state.held = null;
}

/** How many times the content was read from the database (for tests). */
export function publicContentLoads() {
  return state.loads;
}

function enabled(): boolean {
  return state.forced ?? getEnv().NODE_ENV === "production";
}

/**
 * Listens for the notice on the current database, once per handle. Until the first LISTEN is
 * in place nothing is kept, since a change committed meanwhile would go unheard; and each
 * time the listening connection comes back (notices sent while it was down are lost) the
 * listener is called, which drops what is held.
 */
function listening(): boolean {
  const handle = getDatabase();
  if (state.handle !== handle) {
    state.handle = handle;
    state.listening = false;
    forgetPublicContent();
    handle
      .listen(PUBLIC_CONTENT_CHANNEL, () => forgetPublicContent())
      .then(() => {
        if (state.handle === handle) {
          forgetPublicContent();
          state.listening = true;
        }
      })
      .catch((error: unknown) => {
        console.error("Could not listen for changes to public content; it is read from the database each time.", error);
      });
  }
  return state.listening;
}

/** The current cycle, its categories and questions: held when holding is on, read afresh otherwise. */
export async function getPublicContent(): Promise<PublicContent> {
  if (!enabled() || !listening()) return loadPublicContent();
  const { generation } = state;
  if (state.held && state.held.generation === generation) return state.held.content;
  const content = loadPublicContent();
  const held: NonNullable<State["held"]> = { generation, content };
  state.held = held;
  content.then(
    (value) => {
      held.value = value;
    },
    () => {
      if (state.held === held) state.held = null;
    },
  );
  return content;
}

/**
 * What is held now, without reading or waiting: for code inside a transaction, which must not
 * wait for a read on another connection (PGlite has one). Null when nothing is held yet.
 */
export function heldPublicContent(): PublicContent | null {
  if (!enabled() || !state.listening || !state.held || state.held.generation !== state.generation) return null;
  // Only content that has arrived: waiting for a load still queued behind this transaction would never end.
  return state.held.value ?? null;
}

async function loadPublicContent(): Promise<PublicContent> {
  state.loads += 1;
  const { db } = getDatabase();
  const cycles = await db.select().from(schema.cycles).orderBy(desc(schema.cycles.year));
  const cycle = publicCycleOf(cycles);
  const categories = cycle
    ? await db
        .select()
        .from(schema.categories)
        .where(and(eq(schema.categories.cycleId, cycle.id), isNull(schema.categories.retiredAt)))
        .orderBy(asc(schema.categories.position), asc(schema.categories.id))
    : [];
  const questions = categories.length
    ? await db
        .select()
        .from(schema.questions)
        .where(and(inArray(schema.questions.categoryId, categories.map((c) => c.id)), isNull(schema.questions.retiredAt)))
        .orderBy(asc(schema.questions.position), asc(schema.questions.id))
    : [];
  // Shared by every request while held: frozen, so no caller can change it for the others.
  const entries = categories.map((category) => deepFreeze({ category, questions: questions.filter((q) => q.categoryId === category.id) }));
  return {
    cycle: cycle ? deepFreeze(cycle) : null,
    bySlug: new Map(entries.map((e) => [e.category.slug, e])),
    byId: new Map(entries.map((e) => [e.category.id, e])),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
