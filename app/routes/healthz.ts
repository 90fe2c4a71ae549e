import { getDatabase } from "~/utils/db.server";

const TIMEOUT_MS = 2_000;

/** 200 when the database answers within two seconds, 503 when it does not. */
export async function loader() {
  const started = Date.now();
  try {
    const handle = getDatabase();
    await Promise.race([
      handle.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS).unref()),
    ]);
    return Response.json(
      { status: "ok", database: handle.kind, ms: Date.now() - started },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "unavailable", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
