/**
 * The campaign journey through its routes, with postcodes.io and the Members API answered
 * by local mock servers in the services' own shapes: each refusal gets a 4xx with a clear
 * message, keeps the text and writes nothing; a confirmed letter goes to the MP with
 * Reply-To the sender; the follow-up goes once at fourteen days; and the directory job
 * keeps the last good copy when the Members API fails.
 */
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { PDFDocument } from "pdf-lib";
import { action as newCampaignAction } from "~/routes/admin.campaigns.new";
import { loader as formLoader } from "~/routes/campaigns.$slug.commitment-form[.]pdf";
import { action as confirmAction, loader as confirmLoader } from "~/routes/campaigns.confirm";
import { loader as followUpLoader } from "~/routes/campaigns.follow-up";
import { action as writeAction, loader as writeLoader } from "~/routes/campaigns.$slug.write";
import { jobHandlers } from "~/server/background";
import { erasePerson } from "~/models/privacy.server";
import { DIRECTORY_JOB, scheduleDirectoryRefresh } from "~/models/mp-directory.server";
import { db, schema } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { runDueJobs } from "~/utils/jobs.server";
import { deliverDueEmails, resetMailer } from "~/utils/mailer.server";
import { startMockResend } from "../support/mock-resend";
import { cookieFor, createPerson, loaderArgs, makeRequest, run, uniqueEmail } from "../support/fixtures";
import { MOCK_WORLD, startMockMpServices } from "../support/mock-mp-services.mjs";

let mock: Awaited<ReturnType<typeof startMockMpServices>>;
const MP_EMAIL = "robin.mockworth.mp@example.org";
let ipCounter = 0;
const nextIp = () => `198.19.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  mock = await startMockMpServices();
  process.env.POSTCODES_IO_BASE_URL = mock.postcodesIoUrl;
  process.env.MEMBERS_API_BASE_URL = mock.membersApiUrl;
  resetEnv();
});

afterAll(async () => {
  delete process.env.POSTCODES_IO_BASE_URL;
  delete process.env.MEMBERS_API_BASE_URL;
  resetEnv();
  await mock.close();
});

beforeEach(() => {
  mock.set("postcodes", "ok");
  mock.set("members", "ok");
});

let campaignCounter = 0;
async function createCampaign(overrides: Partial<typeof schema.campaigns.$inferInsert> = {}) {
  campaignCounter += 1;
  const [campaign] = await db
    .insert(schema.campaigns)
    .values({
      slug: `test-campaign-${campaignCounter}`,
      title: "Test campaign",
      summary: "A campaign for the tests.",
      asks: [{ title: "Meet us", body: "Meet a delegation." }],
      ...overrides,
    })
    .returning();
  return campaign;
}

/** A letter of about 70 words, different for each seed word. */
function ownWords(seed: string) {
  return `Dear MP, I live in your constituency and I am writing because ${seed} matters deeply to my family and neighbours. ` +
    `Our church group welcomed a family from ${seed} last spring, and I have seen how a town can change when people work together. ` +
    `I would like you to meet a small delegation of local leaders, including our vicar and a councillor, to hear what we have learned ` +
    `and to commit to supporting community sponsorship in Parliament. Thank you for reading my letter about ${seed}.`;
}

function letterForm(overrides: Record<string, string> = {}) {
  return {
    constituency: "Mockford Vale",
    senderName: "Sara Supporter",
    senderAddress: "1 Example Street, Mockford",
    senderPostcode: "ZZ5 1AB",
    senderEmail: uniqueEmail("supporter"),
    body: ownWords(`seed-${Math.random().toString(36).slice(2)}`),
    ...overrides,
  };
}

type WriteData = {
  status: number;
  postcode: string;
  postcodeError: string | null;
  constituencies: string[] | null;
  mp: { name: string; email: string | null } | null;
};
type ReplyData = { result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } };

const getWrite = (slug: string, query: string) =>
  run<WriteData>(() => writeLoader(loaderArgs(makeRequest(`/campaigns/${slug}/write${query}`), { slug })));
const postLetter = (slug: string, form: Record<string, string>, ip = nextIp()) =>
  run<ReplyData>(() => writeAction(loaderArgs(makeRequest(`/campaigns/${slug}/write`, { form }), { slug }, ip)));

async function footprint() {
  const tables = [schema.campaignLetters, schema.emailOutbox, schema.postcodeCache, schema.mpDirectory, schema.jobs] as const;
  const counts = await Promise.all(tables.map((t) => db.select({ n: count() }).from(t)));
  return counts.map((c) => c[0].n);
}

async function latestMail(template: string) {
  const rows = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.template, template)).orderBy(sql`id desc`).limit(1);
  return rows[0];
}

describe("finding the MP", () => {
  test("a postcode the service knows finds the MP through both mock services, and is cached", async () => {
    const campaign = await createCampaign();
    const page = await getWrite(campaign.slug, "?postcode=zz61aa");
    expect(page.status).toBe(200);
    expect(page.data.mp?.name).toBe("Kit Stubbs");
    expect(page.data.mp?.email).toBe("kit.stubbs.mp@example.org");
    const [cached] = await db.select().from(schema.postcodeCache).where(eq(schema.postcodeCache.postcode, "ZZ6 1AA"));
    expect(cached.constituency).toBe("Stubbington Marsh");
    expect(mock.requests.some((r) => r.startsWith("/members-api/api/Location/Constituency/Search"))).toBe(true);
  });

  test("an invalid postcode: 400, a clear message, the text kept, nothing written", async () => {
    const campaign = await createCampaign();
    const before = await footprint();
    const page = await getWrite(campaign.slug, "?postcode=not%20a%20postcode");
    expect(page.status).toBe(400);
    expect(page.data.postcodeError).toBe("Enter a full UK postcode, like SW1A 1AA");
    expect(page.data.postcode).toBe("not a postcode");
    expect(await footprint()).toEqual(before);
  });

  test("a postcode the service does not know: 404, a clear message, the postcode kept, nothing written", async () => {
    const campaign = await createCampaign();
    const before = await footprint();
    const page = await getWrite(campaign.slug, "?postcode=ZZ9%209ZZ");
    expect(page.status).toBe(404);
    expect(page.data.postcodeError).toBe("We could not find the postcode ZZ9 9ZZ. Check it and try again.");
    expect(page.data.postcode).toBe("ZZ9 9ZZ");
    expect(await footprint()).toEqual(before);
  });

  test("postcodes.io down: 503 and the constituency picker from the stored directory, nothing written", async () => {
    const campaign = await createCampaign();
    await db.insert(schema.mpDirectory).values({ key: "picker test", constituency: "Picker Test", name: "Pat Picker", source: "csv", email: "pat@example.org" }).onConflictDoNothing();
    mock.set("postcodes", 500);
    const before = await footprint();
    const page = await getWrite(campaign.slug, "?postcode=ZZ5%201AA");
    expect(page.status).toBe(503);
    expect(page.data.constituencies).toContain("Picker Test");
    expect(page.data.postcode).toBe("ZZ5 1AA");
    expect(await footprint()).toEqual(before);
    // The picked constituency then finds the MP from the directory.
    const picked = await getWrite(campaign.slug, "?constituency=Picker%20Test");
    expect(picked.data.mp?.name).toBe("Pat Picker");
  });

  test("the Members API down for an MP not yet stored: the picker too", async () => {
    const campaign = await createCampaign();
    mock.set("members", 500);
    const page = await getWrite(campaign.slug, "?postcode=ZZ5%201AA");
    expect(page.status).toBe(503);
    expect(page.data.constituencies).not.toBeNull();
  });
});

describe("refusing a letter", () => {
  async function refusedWithoutWrites(slug: string, form: Record<string, string>, status: number, field: string | null, message: RegExp, ip?: string) {
    const before = await footprint();
    const reply = await postLetter(slug, form, ip);
    expect(reply.status).toBe(status);
    const errors = field ? reply.data.result.error?.[field] : reply.data.result.error?.[""];
    expect(errors?.join(" ")).toMatch(message);
    expect(reply.data.result.initialValue?.body).toBe(form.body);
    expect(await footprint()).toEqual(before);
  }

  test("a letter too short", async () => {
    const campaign = await createCampaign();
    await getWrite(campaign.slug, "?postcode=ZZ5%201AA"); // caches the postcode and the MP
    await refusedWithoutWrites(campaign.slug, letterForm({ body: "Please meet us. Thank you." }), 400, "body", /at least 50 words/);
  });

  test("a letter near-identical to one already sent", async () => {
    const campaign = await createCampaign();
    await getWrite(campaign.slug, "?postcode=ZZ5%201AA");
    const first = letterForm({ body: ownWords("Mockford") });
    expect((await postLetter(campaign.slug, first)).status).toBe(302);
    const [letter] = await db.select().from(schema.campaignLetters).where(eq(schema.campaignLetters.senderEmail, first.senderEmail));
    await db.update(schema.campaignLetters).set({ status: "sent", sentAt: new Date() }).where(eq(schema.campaignLetters.id, letter.id));
    const copy = ownWords("Mockford").replace("Dear MP,", "Dear Robin,").toUpperCase();
    await refusedWithoutWrites(campaign.slug, letterForm({ body: copy }), 400, "body", /same, or almost the same/);
  });

  test("a sender over the rate limit", async () => {
    const campaign = await createCampaign();
    await getWrite(campaign.slug, "?postcode=ZZ5%201AA");
    const email = uniqueEmail("busy");
    for (let i = 0; i < 6; i++) expect((await postLetter(campaign.slug, letterForm({ senderEmail: email }))).status).toBe(302);
    await refusedWithoutWrites(campaign.slug, letterForm({ senderEmail: email }), 429, null, /too many times/);
  });

  test("a closed campaign", async () => {
    const campaign = await createCampaign({ closesAt: new Date(Date.now() - 60_000) });
    await refusedWithoutWrites(campaign.slug, letterForm(), 403, null, /This campaign closed on/);
  });

  test("a sender whose address is in another constituency", async () => {
    const campaign = await createCampaign();
    await getWrite(campaign.slug, "?postcode=ZZ5%201AA");
    await refusedWithoutWrites(campaign.slug, letterForm({ senderPostcode: "ZZ6 1AA" }), 400, "senderPostcode", /is in Stubbington Marsh, not Mockford Vale/);
  });

  test("the honeypot", async () => {
    const campaign = await createCampaign();
    await refusedWithoutWrites(campaign.slug, letterForm({ website: "http://spam.example" }), 400, null, /Leave this empty/);
  });
});

describe("a letter that is confirmed", () => {
  test("goes to the MP with Reply-To the sender, a copy to the sender, and one follow-up at 14 days", async () => {
    const campaign = await createCampaign();
    await getWrite(campaign.slug, "?postcode=ZZ5%201AA");
    const form = letterForm();
    expect((await postLetter(campaign.slug, form)).status).toBe(302);
    expect(await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, "robin.mockworth.mp@example.org"))).toHaveLength(0);

    const confirmMail = await latestMail("campaign-letter-confirm");
    expect(confirmMail.to).toBe(form.senderEmail);
    const link = new URL(confirmMail.text.match(/http:\/\/localhost:3000\/campaigns\/confirm\?t=\S+/)![0].replace(/[)\]]+$/, ""));
    const t = link.searchParams.get("t")!;
    const shown = await run<{ valid: boolean }>(() => confirmLoader(loaderArgs(makeRequest(link.pathname + link.search))));
    expect(shown.data.valid).toBe(true);
    const sentAt = new Date();
    const confirmed = await run(() => confirmAction(loaderArgs(makeRequest("/campaigns/confirm", { form: { t } }))));
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe(`/campaigns/${campaign.slug}/meet?sent=1`);

    const toMp = await latestMail("campaign-letter");
    expect(toMp.to).toBe("robin.mockworth.mp@example.org");
    expect(toMp.replyTo).toBe(form.senderEmail);
    expect(toMp.text).toContain("Dear Robin Mockworth");
    expect(toMp.text).toContain(form.body.slice(0, 60));
    const copy = await latestMail("campaign-letter-copy");
    expect(copy.to).toBe(form.senderEmail);

    // Confirming twice sends nothing more.
    await run(() => confirmAction(loaderArgs(makeRequest("/campaigns/confirm", { form: { t } }))));
    expect(await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.template, "campaign-letter")).then((r) => r.filter((m) => m.replyTo === form.senderEmail))).toHaveLength(1);

    const followUps = async () => (await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, form.senderEmail))).filter((m) => m.template === "campaign-follow-up");
    const day = 24 * 60 * 60 * 1000;
    await runDueJobs(jobHandlers, () => new Date(sentAt.getTime() + 13 * day));
    expect(await followUps()).toHaveLength(0);
    await runDueJobs(jobHandlers, () => new Date(sentAt.getTime() + 14 * day + 60_000));
    await runDueJobs(jobHandlers, () => new Date(sentAt.getTime() + 15 * day));
    const sent = await followUps();
    expect(sent).toHaveLength(1);

    const answer = new URL(sent[0].text.match(/http:\/\/localhost:3000\/campaigns\/follow-up\?\S*replied=yes/)![0]);
    const page = await run<{ recorded: { mpName: string } | null }>(() => followUpLoader(loaderArgs(makeRequest(answer.pathname + answer.search))));
    expect(page.status).toBe(200);
    const [letter] = await db.select().from(schema.campaignLetters).where(eq(schema.campaignLetters.senderEmail, form.senderEmail));
    expect(letter.mpReplied).toBe(true);
    expect(letter.mpSigned).toBeNull();

    // The filled-in commitment form names the MP.
    const pdf = await run<string>(() => formLoader(loaderArgs(makeRequest(`/campaigns/${campaign.slug}/commitment-form.pdf?constituency=Mockford%20Vale`), { slug: campaign.slug })));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");

    // Erasure removes the writer's details and letter, and the emails that carried them.
    const report = await erasePerson(form.senderEmail, { id: null, name: "test" });
    expect(report.campaignLetters).toEqual([letter.id]);
    const [erased] = await db.select().from(schema.campaignLetters).where(eq(schema.campaignLetters.id, letter.id));
    expect(erased.body).toBe("[erased]");
    expect((await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.id, toMp.id)))[0].text).toBe("[erased]");
  });

  test("the commitment form PDF is valid and names the MP", async () => {
    const campaign = await createCampaign();
    await getWrite(campaign.slug, "?postcode=ZZ5%201AA");
    const response = await formLoader(loaderArgs(makeRequest(`/campaigns/${campaign.slug}/commitment-form.pdf?constituency=Mockford%20Vale`), { slug: campaign.slug }));
    const bytes = new Uint8Array(await (response as Response).arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toContain("Robin Mockworth");
    expect(Buffer.from(bytes).toString("latin1")).toContain("%PDF-");
  });
});

describe("delivery", () => {
  test("the outbox hands the letter's Reply-To to the mail provider", async () => {
    const resend = await startMockResend();
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = resend.url;
    resetEnv();
    resetMailer();
    try {
      const campaign = await createCampaign();
      await getWrite(campaign.slug, "?postcode=ZZ5%201AA");
      const form = letterForm();
      await postLetter(campaign.slug, form);
      const confirmMail = await latestMail("campaign-letter-confirm");
      const t = new URL(confirmMail.text.match(/http:\/\/localhost:3000\/campaigns\/confirm\?t=\S+/)![0]).searchParams.get("t")!;
      await run(() => confirmAction(loaderArgs(makeRequest("/campaigns/confirm", { form: { t } }))));
      for (let i = 0; i < 10 && (await deliverDueEmails({ limit: 50 })).sent > 0; i++);
      const toMp = resend.received.find((r) => r.body.to === MP_EMAIL && r.body.subject.includes(form.senderName) && JSON.stringify(r.body).includes(form.senderEmail));
      expect(toMp).toBeDefined();
      expect((toMp!.body as unknown as { reply_to?: string | string[] }).reply_to).toEqual(form.senderEmail);
      const copy = resend.received.find((r) => r.body.to === form.senderEmail && r.body.subject.startsWith("Your letter to"));
      expect((copy!.body as unknown as { reply_to?: string }).reply_to).toBeUndefined();
    } finally {
      delete process.env.RESEND_API_KEY;
      delete process.env.RESEND_BASE_URL;
      resetEnv();
      resetMailer();
      await resend.close();
    }
  });
});

describe("the MP directory job", () => {
  test("keeps the previous directory when the Members API answers 500, and replaces it when it answers", async () => {
    await db.delete(schema.mpDirectory);
    await db.insert(schema.mpDirectory).values({ key: "old place", constituency: "Old Place", name: "Olive Old", source: "csv", email: "olive@example.org" });
    mock.set("members", 500);
    // Real time: a failed job is retried a minute later, so the clock here must not run ahead.
    const now = new Date();
    const key = `${DIRECTORY_JOB}:${now.toISOString().slice(0, 10)}`;
    await scheduleDirectoryRefresh(now);
    const failed = await runDueJobs(jobHandlers, () => new Date(now.getTime() + 1000));
    expect(failed.failed).toEqual([key]);
    expect((await db.select().from(schema.mpDirectory)).map((e) => e.name)).toEqual(["Olive Old"]);
    const [job] = await db.select().from(schema.jobs).where(eq(schema.jobs.kind, DIRECTORY_JOB));
    expect(job.lastError).toMatch(/500/);

    mock.set("members", "ok");
    const done = await runDueJobs(jobHandlers, () => new Date(now.getTime() + 10 * 60 * 1000));
    expect(done.done).toContain(key);
    const names = (await db.select().from(schema.mpDirectory)).map((e) => e.name).sort();
    expect(names).toEqual(MOCK_WORLD.members.map((m) => m.name).sort());
    expect((await db.select().from(schema.mpDirectory).where(eq(schema.mpDirectory.name, "Kit Stubbs")))[0].email).toBe("kit.stubbs.mp@example.org");
  });
});

describe("admin", () => {
  test("a commitment form that is not a PDF is refused, by its content; a PDF is accepted and audited", async () => {
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const fields = { title: "Admin campaign", slug: `admin-campaign-${Date.now()}`, summary: "Summary", asks: "Meet us\nA meeting with local leaders." };
    const form = (file: File) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      f.append("commitmentForm", file);
      return f;
    };
    const fake = new File([new TextEncoder().encode("<html>not a pdf</html>")], "form.pdf", { type: "application/pdf" });
    const refused = await run<{ fileErrors: Record<string, string[]> }>(() => newCampaignAction(loaderArgs(makeRequest("/admin/campaigns/new", { form: form(fake), cookie }))));
    expect(refused.status).toBe(400);
    expect(refused.data.fileErrors.commitmentForm[0]).toMatch(/must be a PDF/);
    expect(await db.select().from(schema.campaigns).where(eq(schema.campaigns.slug, fields.slug))).toHaveLength(0);

    const doc = await PDFDocument.create();
    doc.addPage();
    const real = new File([Buffer.from(await doc.save())], "commitment.pdf", { type: "application/pdf" });
    const created = await run(() => newCampaignAction(loaderArgs(makeRequest("/admin/campaigns/new", { form: form(real), cookie }))));
    expect(created.status).toBe(302);
    const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.slug, fields.slug));
    expect(campaign.commitmentFormName).toBe("commitment.pdf");
    expect(campaign.asks).toEqual([{ title: "Meet us", body: "A meeting with local leaders." }]);
    const entries = await db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, String(campaign.id)));
    expect(entries.map((e) => e.action)).toContain("campaign.created");
  });
});

describe("in Welsh", () => {
  const welshWrite = (slug: string, query: string) => run<WriteData & { campaign: { title: { text: string; language: string }; asks: { language: string } } }>(() =>
    writeLoader(loaderArgs(makeRequest(`/cy/campaigns/${slug}/write${query}`), { slug })),
  );
  const postWelsh = (slug: string, form: Record<string, string>, ip = nextIp()) =>
    run<ReplyData>(() => writeAction(loaderArgs(makeRequest(`/cy/campaigns/${slug}/write`, { form }), { slug }, ip)));

  test("the campaign's Welsh shows where written; missing Welsh falls back to the English, marked as English", async () => {
    const campaign = await createCampaign({ titleCy: "Ymgyrch brawf", asksCy: null });
    const page = await welshWrite(campaign.slug, "");
    expect(page.data.campaign.title).toEqual({ text: "Ymgyrch brawf", language: "cy" });
    expect(page.data.campaign.asks.language).toBe("en");
    const english = await getWrite(campaign.slug, "");
    expect((english.data as unknown as { campaign: { title: { text: string } } }).campaign.title.text).toBe("Test campaign");
  });

  test("postcode and letter errors in Welsh, from the same schemas", async () => {
    const campaign = await createCampaign();
    const bad = await welshWrite(campaign.slug, "?postcode=not%20a%20postcode");
    expect(bad.data.postcodeError).toBe("Rhowch god post llawn yn y DU, fel SW1A 1AA");
    await welshWrite(campaign.slug, "?postcode=ZZ5%201AA");
    const empty = await postWelsh(campaign.slug, letterForm({ senderName: "", senderEmail: "not-an-address" }));
    expect(empty.status).toBe(400);
    expect(empty.data.result.error?.senderName).toEqual(["Rhowch eich enw llawn"]);
    expect(empty.data.result.error?.senderEmail).toEqual(["Rhowch eich cyfeiriad e-bost yn y fformat cywir, fel enw@example.org"]);
    const short = await postWelsh(campaign.slug, letterForm({ body: "Cyfarfod â ni, os gwelwch yn dda." }));
    expect(short.data.result.error?.body?.[0]).toMatch(/^Rhaid i'ch llythyr fod yn o leiaf 50 gair/);
  });

  test("a letter written on the Welsh page: the language is kept, the supporter's emails are Welsh, the letter to the MP is framed in English", async () => {
    const campaign = await createCampaign({ titleCy: "Ymgyrch brawf" });
    await welshWrite(campaign.slug, "?postcode=ZZ5%201AA");
    const form = letterForm();
    const sent = await postWelsh(campaign.slug, form);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/cy/campaigns/${campaign.slug}/check-email`);
    const [letter] = await db.select().from(schema.campaignLetters).where(eq(schema.campaignLetters.senderEmail, form.senderEmail));
    expect(letter.language).toBe("cy");

    const confirmMail = await latestMail("campaign-letter-confirm");
    expect(confirmMail.subject).toBe("Cadarnhewch eich llythyr at Robin Mockworth");
    expect(confirmMail.html).toContain('lang="cy"');
    expect(confirmMail.text).toContain("Ymgyrch brawf");
    const link = new URL(confirmMail.text.match(/http:\/\/localhost:3000\/cy\/campaigns\/confirm\?t=\S+/)![0].replace(/[)\]]+$/, ""));
    const confirmed = await run(() => confirmAction(loaderArgs(makeRequest("/cy/campaigns/confirm", { form: { t: link.searchParams.get("t")! } }))));
    expect(confirmed.headers.get("Location")).toBe(`/cy/campaigns/${campaign.slug}/meet?sent=1`);

    const toMp = await latestMail("campaign-letter");
    expect(toMp.subject).toContain("a letter from");
    expect(toMp.text).toContain("Dear Robin Mockworth");
    const copy = await latestMail("campaign-letter-copy");
    expect(copy.subject).toBe("Mae eich llythyr at Robin Mockworth wedi'i anfon");
    expect(copy.html).toMatch(/<p[^>]*lang="cy"[^>]*>Dyma eich copi/);
  });
});

describe("the admin's Welsh fields", () => {
  test("are saved beside the English, audited, and Welsh with no English to translate is refused beside its field", async () => {
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const slug = `welsh-campaign-${Date.now()}`;
    const post = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ title: "Welsh campaign", slug, summary: "Summary", asks: "Meet us\nA meeting.", ...fields })) f.append(k, v);
      return run<ReplyData>(() => newCampaignAction(loaderArgs(makeRequest("/admin/campaigns/new", { form: f, cookie }))));
    };
    const refused = await post({ letterGuidanceCy: "Defnyddiwch eich geiriau eich hun." });
    expect(refused.status).toBe(400);
    expect(refused.data.result.error?.letterGuidanceCy).toEqual(["Write the English guidance before its Welsh"]);
    expect(await db.select().from(schema.campaigns).where(eq(schema.campaigns.slug, slug))).toHaveLength(0);

    const created = await post({ titleCy: "Ymgyrch Gymraeg", asksCy: "Cyfarfod â ni\nCyfarfod gydag arweinwyr lleol.", summaryCy: "  " });
    expect(created.status).toBe(302);
    const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.slug, slug));
    expect(campaign.titleCy).toBe("Ymgyrch Gymraeg");
    expect(campaign.summaryCy).toBeNull();
    expect(campaign.asksCy).toEqual([{ title: "Cyfarfod â ni", body: "Cyfarfod gydag arweinwyr lleol." }]);
    const [entry] = await db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, String(campaign.id)));
    expect(entry.after).toMatchObject({ titleCy: "Ymgyrch Gymraeg" });
  });
});
