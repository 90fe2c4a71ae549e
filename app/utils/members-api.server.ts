/**
 * A small client for the UK Parliament Members API (members-api.parliament.uk): the
 * current MP of a constituency, and the whole current House of Commons for the daily
 * directory refresh. Answers found / not found / unavailable; only `fetchAllCurrentMps`
 * throws, so the job that calls it fails and keeps the last good directory.
 */
import { getEnv } from "./env.server";

export type MpRecord = {
  memberId: number;
  name: string;
  party: string;
  constituency: string;
  photoUrl: string | null;
  email: string | null;
};

export type MpLookup = { kind: "found"; mp: MpRecord } | { kind: "not_found" } | { kind: "unavailable"; reason: string };

/** The parts of the API's shapes we read (samples in tests/fixtures/campaigns/members-api-*.json). */
type MemberValue = {
  id: number;
  nameDisplayAs: string;
  latestParty?: { name?: string | null } | null;
  latestHouseMembership?: { membershipFrom?: string | null; house?: number } | null;
  thumbnailUrl?: string | null;
};
type ConstituencySearch = {
  items: Array<{ value: { id: number; name: string; currentRepresentation?: { member?: { value?: MemberValue | null } | null } | null } }>;
  totalResults: number;
};
type MembersSearch = { items: Array<{ value: MemberValue }>; totalResults: number; skip: number; take: number };
type Contacts = { value: Array<{ type?: string; isPreferred?: boolean; email?: string | null }> };

const TIMEOUT_MS = 8_000;
const PAGE = 20; // the API's largest page

export function membersApiConfigured(): boolean {
  return Boolean(getEnv().MEMBERS_API_BASE_URL);
}

class Unavailable extends Error {}

async function getJson<T>(path: string, timeoutMs = TIMEOUT_MS): Promise<T | null> {
  const base = getEnv().MEMBERS_API_BASE_URL;
  if (!base) throw new Unavailable("not configured");
  const url = new URL(path.replace(/^\//, ""), base.endsWith("/") ? base : `${base}/`);
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new Unavailable(error instanceof Error ? error.message : String(error));
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new Unavailable(`the Members API answered ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch {
    throw new Unavailable("the Members API answered with something that is not JSON");
  }
}

function toRecord(member: MemberValue, constituency: string, email: string | null): MpRecord {
  return {
    memberId: member.id,
    name: member.nameDisplayAs,
    party: member.latestParty?.name ?? "",
    constituency,
    photoUrl: member.thumbnailUrl && /^https:\/\//.test(member.thumbnailUrl) ? member.thumbnailUrl : null,
    email,
  };
}

/** The preferred contact's email, else the first with one (the parliamentary office). */
async function contactEmail(memberId: number): Promise<string | null> {
  const contacts = await getJson<Contacts>(`/api/Members/${memberId}/Contact`);
  const withEmail = (contacts?.value ?? []).filter((c) => c.email && c.email.includes("@"));
  return (withEmail.find((c) => c.isPreferred) ?? withEmail[0])?.email?.trim() ?? null;
}

export async function findCurrentMp(constituency: string, sameConstituency: (a: string, b: string) => boolean): Promise<MpLookup> {
  try {
    const search = await getJson<ConstituencySearch>(`/api/Location/Constituency/Search?searchText=${encodeURIComponent(constituency)}&skip=0&take=20`);
    const match = search?.items.find((i) => sameConstituency(i.value.name, constituency));
    const member = match?.value.currentRepresentation?.member?.value;
    if (!match || !member) return { kind: "not_found" };
    return { kind: "found", mp: toRecord(member, match.value.name, await contactEmail(member.id)) };
  } catch (error) {
    if (error instanceof Unavailable) return { kind: "unavailable", reason: error.message };
    throw error;
  }
}

/** Every current MP with their email, page by page. Throws when any request fails. */
export async function fetchAllCurrentMps({ concurrency = 4 } = {}): Promise<MpRecord[]> {
  const members: MemberValue[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await getJson<MembersSearch>(`/api/Members/Search?House=1&IsCurrentMember=true&skip=${skip}&take=${PAGE}`);
    if (!page) throw new Unavailable("the Members API has no member search");
    members.push(...page.items.map((i) => i.value));
    if (page.items.length < PAGE || members.length >= page.totalResults || skip > 2000) break;
  }
  const records: MpRecord[] = new Array(members.length);
  let next = 0;
  const worker = async () => {
    while (next < members.length) {
      const i = next++;
      const m = members[i];
      records[i] = toRecord(m, m.latestHouseMembership?.membershipFrom ?? "", await contactEmail(m.id));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, members.length) }, worker));
  return records.filter((r) => r.constituency);
}
