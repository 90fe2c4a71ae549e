/**
 * The one database handle of this process. It lives on globalThis so that the server,
 * the Remix bundle and (in development) Vite's module graph all share it.
 */
import type { DatabaseHandle, Db } from "#db/client";

const KEY = Symbol.for("csa.database");
type Holder = { [KEY]?: DatabaseHandle };
const holder = globalThis as Holder;

export function setDatabase(handle: DatabaseHandle | undefined) {
  holder[KEY] = handle;
}

export function getDatabase(): DatabaseHandle {
  const handle = holder[KEY];
  if (!handle) throw new Error("The database has not been opened yet (see app/server/index.ts).");
  return handle;
}

/** `db` forwards to the current handle, so modules can import it at the top. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const current = getDatabase().db;
    const value = Reflect.get(current, prop, current);
    return typeof value === "function" ? value.bind(current) : value;
  },
});

export type { Db, Tx } from "#db/client";
export * as schema from "#db/schema";
