import { getEnv } from "./env.server";
import { notFound } from "./responses.server";

/** The development outbox pages exist only while no mail provider is configured. */
export function assertDevMailEnabled() {
  if (getEnv().mailConfigured) notFound();
}
