/**
 * A small client for postcodes.io (`GET /postcodes/{postcode}`): a postcode's UK
 * Parliament constituency. It answers found / not found / unavailable and never throws,
 * so a service that is down becomes a message and the constituency list, not a 500.
 */
import { getEnv } from "./env.server";

export type ConstituencyLookup =
  | { kind: "found"; postcode: string; constituency: string; constituencyCode: string | null }
  | { kind: "not_found" }
  | { kind: "unavailable"; reason: string };

/** The parts of postcodes.io's answer we read (see tests/fixtures/campaigns/postcodes-io-*.json). */
type PostcodesIoAnswer = {
  status: number;
  error?: string;
  result?: { postcode: string; parliamentary_constituency: string | null; codes?: { parliamentary_constituency?: string | null } };
};

const TIMEOUT_MS = 5_000;

export function postcodesIoConfigured(): boolean {
  return Boolean(getEnv().POSTCODES_IO_BASE_URL);
}

export async function lookUpPostcode(postcode: string, { timeoutMs = TIMEOUT_MS } = {}): Promise<ConstituencyLookup> {
  const base = getEnv().POSTCODES_IO_BASE_URL;
  if (!base) return { kind: "unavailable", reason: "not configured" };
  const url = new URL(`postcodes/${encodeURIComponent(postcode)}`, base.endsWith("/") ? base : `${base}/`);
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { kind: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 404) return { kind: "not_found" };
  if (!response.ok) return { kind: "unavailable", reason: `postcodes.io answered ${response.status}` };
  const answer = (await response.json().catch(() => null)) as PostcodesIoAnswer | null;
  const result = answer?.result;
  if (!result) return { kind: "unavailable", reason: "postcodes.io answered without a result" };
  // Crown dependencies and some new postcodes have no constituency.
  if (!result.parliamentary_constituency) return { kind: "not_found" };
  return {
    kind: "found",
    postcode: result.postcode,
    constituency: result.parliamentary_constituency,
    constituencyCode: result.codes?.parliamentary_constituency ?? null,
  };
}
