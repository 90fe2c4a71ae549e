import { describe, expect, test } from "vitest";
import { parseCsv } from "~/domain/csv";
import { getCategoryResults } from "~/models/results-leaderboard.server";
import { loader as resultsLoader } from "~/routes/admin.results.$categoryId";
import { loader as exportLoader } from "~/routes/admin.results.$categoryId_.export";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { createCycle, createJudgedCategory } from "../support/results";

type Page = Awaited<ReturnType<typeof resultsLoader>>;

describe("results you can defend", () => {
  test("each calibrated score has an interval, each place a probability, and the CSV carries both", async () => {
    const cycle = await createCycle();
    const { category } = await createJudgedCategory({
      cycleId: cycle.id,
      nominees: ["Ash", "Birch", "Cedar", "Damson"],
      judges: 3,
      shortlistSize: 2,
      scores: [
        [5, 4, 4, 1],
        [5, 3, 4, 2],
        [4, 4, 3, 1],
      ],
    });
    const results = (await getCategoryResults(category.id))!;
    for (const row of results.board.rows) {
      expect(row.calibratedInterval!.low).toBeLessThan(row.calibrated!);
      expect(row.calibratedInterval!.high).toBeGreaterThan(row.calibrated!);
    }
    const [ash, second, third] = results.board.rows;
    expect(ash.label).toMatch(/^Ash/);
    // Birch and Cedar tie on every figure, so the edge of a shortlist of two is a coin toss.
    expect(second.aboveNext).toBeCloseTo(0.5, 6);
    expect(results.boundary).toMatchObject({ lastIn: second.nominationId, firstOut: third.nominationId, clear: false });

    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const page = await run<Page>(() => resultsLoader(loaderArgs(makeRequest(`/admin/results/${category.id}`, { cookie }), { categoryId: String(category.id) })));
    expect(page.data.rows.find((r) => r.nominationId === second.nominationId)!.boundary).toBe("last-in");
    expect(page.data.rows.find((r) => r.nominationId === third.nominationId)!.boundary).toBe("first-out");
    expect(page.data.rows[0].intervalPlot!.label).toMatch(/^Calibrated \d\.\d\d, 95% interval/);

    const csv = await run<string>(() => exportLoader(loaderArgs(makeRequest(`/admin/results/${category.id}/export`, { cookie }), { categoryId: String(category.id) })));
    const [header, first, ...rest] = parseCsv(csv.data.replace(/^\uFEFF/, ""));
    const col = (name: string) => header.indexOf(name);
    expect(col("Calibrated 95% low")).toBeGreaterThan(0);
    expect(Number(first[col("Calibrated 95% low")])).toBeCloseTo(ash.calibratedInterval!.low, 3);
    expect(Number(first[col("Calibrated 95% high")])).toBeCloseTo(ash.calibratedInterval!.high, 3);
    expect(Number(first[col("Mean 95% low")])).toBeCloseTo(ash.meanInterval!.low, 3);
    expect(Number(first[col("Weighted mean")])).toBeCloseTo(ash.mean!, 3);
    expect(rest.map((r) => r[col("Shortlist edge")])).toEqual(["unclear: last in", "unclear: first out", ""]);
  });

  test("a panel split in two is reported with the judges and nominations of each part", async () => {
    const cycle = await createCycle();
    const { category } = await createJudgedCategory({
      cycleId: cycle.id,
      nominees: ["Elm", "Fir", "Gorse", "Hazel"],
      judges: 4,
      scores: [
        [5, 3, null, null],
        [4, 2, null, null],
        [null, null, 4, 1],
        [null, null, 3, 2],
      ],
    });
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const page = await run<Page>(() => resultsLoader(loaderArgs(makeRequest(`/admin/results/${category.id}`, { cookie }), { categoryId: String(category.id) })));
    expect(page.data.warnings.parts).toEqual([
      { judges: ["Judge A", "Judge B"], nominations: ["Elm (Elm Org)", "Fir (Fir Org)"] },
      { judges: ["Judge C", "Judge D"], nominations: ["Gorse (Gorse Org)", "Hazel (Hazel Org)"] },
    ]);
  });
});
