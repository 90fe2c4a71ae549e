/**
 * The nomination journey under /cy: the same route modules answer in Welsh, keep the nominator
 * on Welsh addresses, and the nomination remembers the language it was started in.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { action as nominatorAction } from "~/routes/nominate.$slug.nominator";
import { action as nomineeAction } from "~/routes/nominate.$slug.nominee";
import { loader as checkLoader } from "~/routes/nominate.$slug.check";
import { db, schema } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { loaderArgs, makeRequest, run } from "../support/fixtures";
import { cookieOf, groupNominee, post, seedCycle, type ReplyData } from "../support/nominations";

const GROUP = "group-of-the-year";

beforeAll(async () => {
  await seedCycle();
});

const tokenFrom = (headers: Headers) => headers.get("Set-Cookie")?.match(new RegExp(`^csa_nomination_${GROUP}=([a-z2-7]+);`))?.[1];
const languageOf = async (token: string) =>
  (await db.select().from(schema.nominations).where(eq(schema.nominations.accessTokenHash, hashToken(token))))[0].language;

describe("the Welsh journey", () => {
  test("a draft started in Welsh is a Welsh nomination, and the next step is Welsh too", async () => {
    const answer = await post(nomineeAction, `/cy/nominate/${GROUP}/nominee`, GROUP, groupNominee({ nomineeName: "Grŵp Croeso Aberteifi" }));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/cy/nominate/${GROUP}/nominator`);
    // The draft's secret reaches both languages' journeys.
    expect(answer.headers.get("Set-Cookie")).toContain("Path=/nominate;");
    expect(answer.headers.get("Set-Cookie")).toContain("Path=/cy/nominate;");
    const token = tokenFrom(answer.headers)!;
    expect(await languageOf(token)).toBe("cy");

    // The same zod schema, its messages in Welsh.
    const empty = await post(nominatorAction, `/cy/nominate/${GROUP}/nominator`, GROUP, {}, { token });
    expect(empty.status).toBe(400);
    const errors = (empty.data as ReplyData).result.error ?? {};
    expect(errors.nominatorName).toEqual(["Rhowch eich enw"]);
    expect(errors.nominatorEmail).toEqual(["Rhowch eich cyfeiriad e-bost"]);

    // Check your answers: the summary in Welsh, the unfinished step named in Welsh.
    const check = await run<{ sections: Array<{ title: string }>; incomplete: Array<{ step: string; message: string }>; closes: string }>(() =>
      checkLoader(loaderArgs(makeRequest(`/cy/nominate/${GROUP}/check`, { cookie: cookieOf(token, GROUP) }), { slug: GROUP })),
    );
    expect(check.data.sections.map((s) => s.title)).toEqual(["Yr enwebai", "Amdanoch chi", "Eich achos", "Ffeiliau ategol"]);
    expect(check.data.incomplete.find((p) => p.step === "nominator")?.message).toBe("Rhowch eich enw");
    expect(check.data.closes).toMatch(/^Dydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul) \d{1,2} /);
  });

  test("a draft started in English stays an English nomination", async () => {
    const answer = await post(nomineeAction, `/nominate/${GROUP}/nominee`, GROUP, groupNominee({ nomineeName: "Harbour Welcome English" }));
    expect(answer.headers.get("Location")).toBe(`/nominate/${GROUP}/nominator`);
    expect(await languageOf(tokenFrom(answer.headers)!)).toBe("en");
  });
});
