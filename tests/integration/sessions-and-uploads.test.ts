/**
 * The parts of issue 8 that auth.test.ts and nominations.test.ts do not already cover:
 * Secure cookies over HTTPS, sessions ended by an administrator's removal, sign-in answers
 * that do not tell a registered address from an unknown one, and uploads that lie:
 * about their type, with names that climb folders, and DOCX zip bombs.
 * (Link tokens working once and expiring: auth.test.ts; logout: the authorization matrix.)
 */
import { deflateRawSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { loader as judgeLoader } from "~/routes/judge._index";
import { action as loginAction } from "~/routes/login";
import { action as linkAction } from "~/routes/login_.link";
import { action as personAction } from "~/routes/admin.people.$id";
import { action as filesAction } from "~/routes/nominate.$slug.files";
import { loader as downloadLoader } from "~/routes/nominate.$slug.files_.$fileId";
import { createSignInToken } from "~/utils/auth.server";
import { db, schema } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { isZipBomb } from "~/utils/zip-bomb.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run, uniqueEmail } from "../support/fixtures";
import { completeDraft, cookieOf, fileForm, nominationByEmail, PDF, PNG, post, seedCycle } from "../support/nominations";

const SLUG = "group-of-the-year";

/** A ZIP with deflated entries, as Word writes them (CRCs left at 0: nothing here checks them). */
function zip(entries: Array<[string, Uint8Array]>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = deflateRawSync(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, eocd]));
}

const text = (s: string) => new TextEncoder().encode(s);
const DOCX = zip([
  ["[Content_Types].xml", text('<?xml version="1.0"?><Types/>')],
  ["word/document.xml", text("<w:document><w:body>Hello</w:body></w:document>")],
]);
// 300 MB of zeros deflate to about 300 KB.
const BOMB = zip([
  ["[Content_Types].xml", text("<Types/>")],
  ["word/document.xml", new Uint8Array(300 * 1024 * 1024)],
]);

beforeAll(async () => {
  await seedCycle();
});
afterEach(() => {
  process.env.APP_URL = "http://localhost:3000";
  resetEnv();
});

async function filesOf(email: string) {
  const row = await nominationByEmail(email);
  return db.select().from(schema.nominationFiles).where(eq(schema.nominationFiles.nominationId, row.id));
}

describe("uploads that lie", () => {
  test("a real Word document is taken; a DOCX zip bomb is refused with a clear 415 and nothing stored", async () => {
    expect(isZipBomb(DOCX)).toBe(false);
    expect(isZipBomb(BOMB)).toBe(true);
    expect(BOMB.length).toBeLessThan(10 * 1024 * 1024);
    const { token, email } = await completeDraft(SLUG);
    expect((await post(filesAction, `/nominate/${SLUG}/files`, SLUG, fileForm("letter.docx", DOCX), { token })).status).toBe(302);
    const bomb = await post(filesAction, `/nominate/${SLUG}/files`, SLUG, fileForm("support.docx", BOMB), { token });
    expect(bomb.status).toBe(415);
    expect(JSON.stringify(bomb.data)).toMatch(/unpacks to far more than a document would/);
    const files = await filesOf(email);
    expect(files.map((f) => f.filename)).toEqual(["letter.docx"]);
  });

  test("a PNG that says it is a PDF is kept as what it is", async () => {
    const { token, email } = await completeDraft(SLUG);
    expect((await post(filesAction, `/nominate/${SLUG}/files`, SLUG, fileForm("report.pdf", PNG, "application/pdf"), { token })).status).toBe(302);
    const [file] = await filesOf(email);
    expect(file).toMatchObject({ filename: "report.png", mediaType: "image/png" });
  });

  test.each([
    ["../../../etc/passwd.pdf", "passwd.pdf"],
    ["..\\..\\windows\\win.ini.pdf", "win.ini.pdf"],
    ["/absolute/path/x.pdf", "x.pdf"],
    [".htaccess", "htaccess.pdf"],
    ["evil\u0000.exe.pdf", "evil.exe.pdf"],
    ["report\r\nContent-Type: text/html.pdf", "reportContent-Type text/html.pdf".replace("/", "")],
    ["\u202egpj.exe", "\u202egpj.pdf"],
  ])("a file named %j is stored without folders, control characters or a leading dot", async (name) => {
    const { token, email } = await completeDraft(SLUG);
    const answer = await post(filesAction, `/nominate/${SLUG}/files`, SLUG, fileForm(name, PDF), { token });
    expect(answer.status).toBe(302);
    const [file] = await filesOf(email);
    // eslint-disable-next-line no-control-regex
    expect(file.filename).not.toMatch(/[/\\]|^\.|[\u0000-\u001f]/);
    expect(file.filename.endsWith(".pdf")).toBe(true);
    const download = await run<string>(() =>
      downloadLoader(loaderArgs(makeRequest(`/nominate/${SLUG}/files/${file.id}`, { cookie: cookieOf(token, SLUG) }), { slug: SLUG, fileId: String(file.id) })),
    );
    const disposition = download.headers.get("Content-Disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''/);
    expect(disposition).not.toMatch(/[\r\n]/);
  });

  test("two file fields in one form store one file at most, and never a 500", async () => {
    const { token, email } = await completeDraft(SLUG);
    const form = fileForm("one.pdf", PDF);
    form.append("file", new File([PDF as BlobPart], "two.pdf"));
    const answer = await post(filesAction, `/nominate/${SLUG}/files`, SLUG, form, { token });
    expect(answer.status).toBeLessThan(500);
    expect((await filesOf(email)).length).toBeLessThanOrEqual(1);
  });
});

describe("sessions and sign-in", () => {
  test("over HTTPS the session and nomination cookies are Secure, HttpOnly and SameSite=Lax", async () => {
    process.env.APP_URL = "https://awards.example.org";
    resetEnv();
    const judge = await createPerson({ isJudge: true });
    const { token } = await db.transaction((tx) => createSignInToken(tx, judge.id));
    const signedIn = await run(() => linkAction(loaderArgs(makeRequest("/login/link", { form: { token } }))));
    const session = signedIn.headers.get("Set-Cookie") ?? "";
    for (const flag of ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]) expect(session).toContain(flag);

    const started = await post((await import("~/routes/nominate.$slug.nominee")).action, `/nominate/${SLUG}/nominee`, SLUG, {
      nomineeType: "group",
      nomineeName: "Secure Group",
      nomineeKnows: "no",
    });
    const nomination = started.headers.get("Set-Cookie") ?? "";
    for (const flag of ["Secure", "HttpOnly", "SameSite=Lax", "Path=/nominate"]) expect(nomination).toContain(flag);
  });

  test("over plain HTTP (development) cookies are not marked Secure, or the browser would drop them", async () => {
    const judge = await createPerson({ isJudge: true });
    const { token } = await db.transaction((tx) => createSignInToken(tx, judge.id));
    const signedIn = await run(() => linkAction(loaderArgs(makeRequest("/login/link", { form: { token } }))));
    expect(signedIn.headers.get("Set-Cookie")).not.toContain("Secure");
  });

  test("removal by an administrator ends the person's sessions on the server", async () => {
    const admin = await createPerson({ isAdmin: true });
    const judge = await createPerson({ isJudge: true });
    const judgeCookie = await cookieFor(judge.id);
    expect((await run(() => judgeLoader(loaderArgs(makeRequest("/judge", { cookie: judgeCookie }))))).status).toBe(200);
    const adminCookie = await cookieFor(admin.id);
    const removed = await run(() =>
      personAction(loaderArgs(makeRequest(`/admin/people/${judge.id}`, { form: { intent: "remove-judge" }, cookie: adminCookie }), { id: String(judge.id) })),
    );
    expect(removed.status).toBe(302);
    expect(await db.select().from(schema.sessions).where(eq(schema.sessions.personId, judge.id))).toHaveLength(0);
    const after = await run(() => judgeLoader(loaderArgs(makeRequest("/judge", { cookie: judgeCookie }))));
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);

    const otherAdmin = await createPerson({ isAdmin: true });
    const otherCookie = await cookieFor(otherAdmin.id);
    const demoted = await run(() =>
      personAction(loaderArgs(makeRequest(`/admin/people/${otherAdmin.id}`, { form: { intent: "remove-admin" }, cookie: adminCookie }), { id: String(otherAdmin.id) })),
    );
    expect(demoted.status).toBe(302);
    expect(await db.select().from(schema.sessions).where(eq(schema.sessions.personId, otherAdmin.id))).toHaveLength(0);
    expect(otherCookie).toBeTruthy();
  });

  test("the answer to a sign-in request is the same for a registered address and an unknown one", async () => {
    const judge = await createPerson({ isJudge: true });
    const unknown = uniqueEmail("stranger");
    const ask = (email: string) => run(() => loginAction(loaderArgs(makeRequest("/login", { form: { email } }), {}, `192.0.2.${Math.floor(Math.random() * 200)}`)));
    const known = await ask(judge.email);
    const stranger = await ask(unknown);
    expect(known.status).toBe(stranger.status);
    expect([...known.headers.keys()].sort()).toEqual([...stranger.headers.keys()].sort());
    expect(JSON.stringify(known.data).replaceAll(judge.email, "X")).toBe(JSON.stringify(stranger.data).replaceAll(unknown, "X"));
  });
});
