/** Integration helpers for the public nomination journey: a seeded cycle, drafts and files made through the routes. */
import { desc, eq } from "drizzle-orm";
import { seedDemoIfEmpty } from "#db/seed";
import { action as checkAction } from "~/routes/nominate.$slug.check";
import { action as caseAction } from "~/routes/nominate.$slug.case";
import { action as nominatorAction } from "~/routes/nominate.$slug.nominator";
import { action as nomineeAction } from "~/routes/nominate.$slug.nominee";
import { db, schema } from "~/utils/db.server";
import { loaderArgs, makeRequest, run, uniqueEmail } from "./fixtures";

export async function seedCycle() {
  await seedDemoIfEmpty(db);
  const [cycle] = await db.select().from(schema.cycles).orderBy(desc(schema.cycles.year)).limit(1);
  return cycle;
}

export async function categoryBySlug(slug: string) {
  const [category] = await db.select().from(schema.categories).where(eq(schema.categories.slug, slug));
  const questions = await db.select().from(schema.questions).where(eq(schema.questions.categoryId, category.id));
  return { category, questions };
}

let ipCounter = 0;
/** A fresh client address per test, so rate limits only bite where a test means them to. */
export function nextIp() {
  ipCounter += 1;
  return `198.18.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

export const cookieOf = (token: string, slug: string) => `csa_nomination_${slug}=${token}`;

export type ReplyData = { result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } };

export function post(
  fn: (args: ReturnType<typeof loaderArgs>) => Promise<unknown>,
  path: string,
  slug: string,
  form: Record<string, string | string[]> | FormData,
  { token, ip = nextIp() }: { token?: string | null; ip?: string } = {},
) {
  return run<ReplyData>(() => fn(loaderArgs(makeRequest(path, { form, cookie: token ? cookieOf(token, slug) : undefined }), { slug }, ip)));
}

export function groupNominee(overrides: Record<string, string> = {}) {
  return {
    nomineeType: "group",
    nomineeName: "Harbour Welcome Group",
    nomineeOrganisation: "St Anne's Church",
    nomineeLocalAuthority: "Bristol",
    nomineeKnows: "no",
    ...overrides,
  };
}

export function aboutMe(overrides: Record<string, string> = {}) {
  return {
    nominatorName: "Nadia Nominator",
    nominatorEmail: uniqueEmail("nominator"),
    nominatorRelationship: "I volunteer alongside them",
    isSelfNomination: "no",
    ...overrides,
  };
}

/** Starts a draft through the nominee step; returns the secret from the cookie it sets. */
export async function startDraft(slug: string, nominee: Record<string, string>, ip = nextIp()): Promise<string> {
  const answer = await post(nomineeAction, `/nominate/${slug}/nominee`, slug, nominee, { ip });
  if (answer.status !== 302) throw new Error(`draft not started: ${answer.status} ${JSON.stringify(answer.data)}`);
  const cookie = answer.headers.get("Set-Cookie") ?? "";
  const token = cookie.match(new RegExp(`^csa_nomination_${slug}=([a-z2-7]+);`))?.[1];
  if (!token) throw new Error(`no cookie in ${cookie}`);
  return token;
}

/** A draft with every step answered, ready to submit. */
export async function completeDraft(
  slug: string,
  { nominee = groupNominee(), me = aboutMe() }: { nominee?: Record<string, string>; me?: Record<string, string> } = {},
) {
  const token = await startDraft(slug, nominee);
  const saved = await post(nominatorAction, `/nominate/${slug}/nominator`, slug, me, { token });
  if (saved.status !== 302) throw new Error(`nominator not saved: ${JSON.stringify(saved.data)}`);
  const { questions } = await categoryBySlug(slug);
  const answers = Object.fromEntries(questions.map((q) => [`answer${q.id}`, `They did a great deal for question ${q.id}.`]));
  const savedCase = await post(caseAction, `/nominate/${slug}/case`, slug, answers, { token });
  if (savedCase.status !== 302) throw new Error(`case not saved: ${JSON.stringify(savedCase.data)}`);
  return { token, email: me.nominatorEmail };
}

export async function submit(slug: string, token: string, extra: Record<string, string> = {}) {
  return post(checkAction, `/nominate/${slug}/check`, slug, { privacyConsent: "on", ...extra }, { token });
}

export async function nominationsCount() {
  return (await db.select({ id: schema.nominations.id }).from(schema.nominations)).length;
}

export async function nominationByEmail(email: string) {
  const [row] = await db.select().from(schema.nominations).where(eq(schema.nominations.nominatorEmail, email));
  return row;
}

export async function mailTo(email: string, template?: string) {
  const rows = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, email));
  return template ? rows.filter((r) => r.template === template) : rows;
}

export function linkIn(text: string, path: string): URL {
  const match = text.match(new RegExp(`https?://[^\\s]+${path.replace(/\//g, "\\/")}\\?[^\\s)\\]]+`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return new URL(match[0]);
}

/** Minimal files, recognised by content. */
export const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export function fileForm(name: string, bytes: Uint8Array, type = "application/octet-stream") {
  const form = new FormData();
  form.append("intent", "upload");
  form.append("file", new File([bytes as BlobPart], name, { type }));
  return form;
}
