// A second app process for the race test: opens DATABASE_URL and runs the due jobs once.
import { runScheduledWork } from "~/server/background";
import { openAppDatabase } from "~/server/start";
import { getEnv } from "~/utils/env.server";

const database = await openAppDatabase(getEnv(), { seed: false });
try {
  await runScheduledWork();
} finally {
  await database.close();
}
