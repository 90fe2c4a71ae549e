import { pingDatabase } from "~/models/health.server";

const TIMEOUT_MS = 2_000;

/** 200 when the database answers within two seconds, 503 when it does not. */
export async function loader() {
  try {
    const { kind, ms } = await pingDatabase(TIMEOUT_MS);
    return Response.json({ status: "ok", database: kind, ms }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "unavailable", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
