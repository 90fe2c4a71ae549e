import { getEnv } from "./env.server";
import { notFound } from "./responses.server";

/**
 * The development outbox pages exist only while no mail provider is configured, and in
 * production only with DEV_MAIL=true: they show every email, sign-in links included.
 */
export function assertDevMailEnabled() {
  if (!getEnv().devMailPage) notFound();
}
