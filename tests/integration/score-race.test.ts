/**
 * A judge's save racing their own submit (two tabs, a double click): an acknowledged save
 * is never lost. Either the save lands first and the submit, which showed older values,
 * is refused with a message; or the submit lands first and the save is refused as final.
 * Run 50 times on each database (the integration projects run this file on PGlite and on
 * PostgreSQL, where the two requests really overlap on separate connections).
 */
import { expect, test } from "vitest";
import * as nominationRoute from "~/routes/judge.nominations.$nominationId";
import * as submitRoute from "~/routes/judge.nominations.$nominationId_.submit";
import { cookieFor, loaderArgs, makeRequest, run } from "../support/fixtures";
import { addToPanel, assign, createJudge, createJudgedCategory, createJudgingCycle, createNomination, scoreRow } from "../support/judging";

const ROUNDS = 50;

test(`save versus submit, ${ROUNDS} rounds: an acknowledged save is never lost`, async () => {
  const cycle = await createJudgingCycle();
  const { category, criteria, panel } = await createJudgedCategory(cycle.id);
  const judge = await createJudge();
  await addToPanel(panel.id, judge.id);
  const cookie = await cookieFor(judge.id);
  const sheet = (score: string, comment: string) => ({
    ...Object.fromEntries(criteria.map((c) => [`criterion-${c.id}`, score])),
    comment,
    intent: "save",
  });
  const outcomes = { saveFirst: 0, submitFirst: 0 };

  for (let round = 0; round < ROUNDS; round++) {
    const nomination = await createNomination(category, { nomineeName: `Race ${round}` });
    await assign(nomination.id, judge.id);
    const params = { nominationId: String(nomination.id) };
    const path = `/judge/nominations/${nomination.id}`;
    const first = await run(() => nominationRoute.action(loaderArgs(makeRequest(path, { cookie, form: sheet("3", "older") }), params)));
    expect(first.status).toBe(302);
    const page = await run<{ version: string }>(() => submitRoute.loader(loaderArgs(makeRequest(`${path}/submit`, { cookie }), params)));
    expect(page.data.version).toBeTruthy();

    const [save, submit] = await Promise.all([
      run(() => nominationRoute.action(loaderArgs(makeRequest(path, { cookie, form: sheet("5", `newer ${round}`) }), params))),
      run(() => submitRoute.action(loaderArgs(makeRequest(`${path}/submit`, { cookie, form: { version: page.data.version } }), params))),
    ]);
    const saveAcknowledged = save.status === 302 && save.headers.get("Location") === `${path}?notice=draft-saved`;
    const submitted = submit.status === 302;
    const row = await scoreRow(nomination.id, judge.id);

    expect(saveAcknowledged !== submitted, `round ${round}: save ${save.status}, submit ${submit.status}`).toBe(true);
    if (saveAcknowledged) {
      outcomes.saveFirst++;
      expect(submit.status).toBe(409);
      expect(JSON.stringify(submit.data)).toMatch(/changed after this page was opened/);
      expect(row).toMatchObject({ comment: `newer ${round}`, submittedAt: null });
      expect(Object.values(row!.values)).toEqual(criteria.map(() => 5));
    } else {
      outcomes.submitFirst++;
      expect(save.status).toBe(409);
      expect(row?.submittedAt).toBeInstanceOf(Date);
      expect(row).toMatchObject({ comment: "older" });
    }
  }
  expect(outcomes.saveFirst + outcomes.submitFirst).toBe(ROUNDS);
}, 120_000);
