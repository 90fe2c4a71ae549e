import { describe, expect, test } from "vitest";
import {
  campaignRates,
  campaignState,
  constituencyBarChart,
  constituencyKey,
  countWords,
  isNearDuplicate,
  letterBodyProblem,
  letterSimilarity,
  lettersByConstituency,
  LETTER_NEAR_DUPLICATE,
  LETTER_TOO_SHORT,
  MIN_LETTER_WORDS,
  NEAR_DUPLICATE_THRESHOLD,
  normalisePostcode,
  parseFollowUpAnswer,
  readDirectoryCsv,
} from "~/domain/campaign";
import { formatAsks, parseAsks } from "~/domain/campaign-admin-forms";
import { parseCsv } from "~/domain/csv";

const TEMPLATE =
  "I am writing as your constituent to ask you to support community sponsorship. Local groups in our town have welcomed refugee families, " +
  "and I would like you to meet a delegation of local leaders to hear about their work and to commit to championing the scheme in Parliament.";

describe("normalisePostcode", () => {
  test.each([
    ["sw1a1aa", "SW1A 1AA"],
    ["  SW1A 1AA ", "SW1A 1AA"],
    ["zz1 1aa", "ZZ1 1AA"],
    ["EC1A1BB", "EC1A 1BB"],
    ["hello", null],
    ["SW1A", null],
    ["", null],
    [null, null],
    ["SW1A 1AA SW1A 1AA", null],
  ])("%s → %s", (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });
});

describe("constituencyKey", () => {
  test.each([
    ["Ynys Môn", "ynys mon"],
    ["Brighton Kemptown & Peacehaven", "brighton kemptown and peacehaven"],
    ["Brighton Kemptown and Peacehaven", "brighton kemptown and peacehaven"],
    ["Cities of London and Westminster", "cities of london and westminster"],
    ["  Na h-Eileanan an Iar ", "na h eileanan an iar"],
  ])("%s → %s", (input, expected) => {
    expect(constituencyKey(input)).toBe(expected);
  });
});

describe("letterSimilarity: the same letter is caught however it is dressed; letters in people's own words are not", () => {
  test.each([
    ["identical", TEMPLATE, TEMPLATE, true],
    ["only case and punctuation changed", TEMPLATE, TEMPLATE.toUpperCase().replace(/[.,]/g, "!"), true],
    ["extra spaces and line breaks", TEMPLATE, TEMPLATE.replace(/ /g, "  \n "), true],
    ["a greeting and a name added", TEMPLATE, `Dear Ms Example, ${TEMPLATE} Yours sincerely, Sam`, true],
    ["one word swapped", TEMPLATE, TEMPLATE.replace("town", "village"), true],
    [
      "the same asks in different words",
      TEMPLATE,
      "Our mosque started a sponsor group two years ago. The family we welcomed now runs a bakery on the high street. " +
        "Please would you meet us and some other community leaders, and promise to speak up for community sponsorship when it is debated?",
      false,
    ],
    ["half the template and half their own", TEMPLATE, TEMPLATE.slice(0, 120) + " My neighbour arrived from Syria in 2019 and now teaches maths at the school where my children go.", false],
    ["nothing in common", "The quick brown fox jumps over the lazy dog", "Lorem ipsum dolor sit amet consectetur adipiscing", false],
  ])("%s", (_name, a, b, duplicate) => {
    expect(letterSimilarity(a, b) >= NEAR_DUPLICATE_THRESHOLD).toBe(duplicate);
    expect(letterSimilarity(a, b)).toBeCloseTo(letterSimilarity(b, a));
  });

  test("1 for the same text, between 0 and 1 otherwise", () => {
    expect(letterSimilarity(TEMPLATE, TEMPLATE)).toBe(1);
    expect(letterSimilarity("a b c d", "e f g h")).toBe(0);
  });
});

describe("letterBodyProblem", () => {
  const words = (n: number, word = "word") => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");
  test.each([
    ["too short", words(MIN_LETTER_WORDS - 1), [], LETTER_TOO_SHORT],
    ["just long enough", words(MIN_LETTER_WORDS), [], null],
    ["a copy of one already sent", words(80), [words(80)], LETTER_NEAR_DUPLICATE],
    ["different from those sent", words(80, "mine"), [words(80, "theirs")], null],
  ])("%s", (_name, body, earlier, expected) => {
    expect(letterBodyProblem(body, earlier)).toBe(expected);
  });

  test("countWords and isNearDuplicate with nothing sent yet", () => {
    expect(countWords("  one two\nthree ")).toBe(3);
    expect(isNearDuplicate(TEMPLATE, [])).toBe(false);
  });
});

describe("campaignState", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  test.each([
    [null, null, "open"],
    ["2026-06-02T00:00:00Z", null, "not_open"],
    [null, "2026-06-01T12:00:00Z", "closed"],
    ["2026-05-01T00:00:00Z", "2026-07-01T00:00:00Z", "open"],
  ])("opens %s, closes %s → %s", (opens, closes, state) => {
    expect(campaignState({ opensAt: opens ? new Date(opens) : null, closesAt: closes ? new Date(closes) : null }, now)).toBe(state);
  });
});

describe("the dashboard's figures", () => {
  const letters = [
    { constituency: "A", status: "sent" as const, mpReplied: true, mpSigned: false },
    { constituency: "A", status: "sent" as const, mpReplied: false, mpSigned: null },
    { constituency: "A", status: "awaiting_confirmation" as const, mpReplied: null, mpSigned: null },
    { constituency: "B", status: "sent" as const, mpReplied: null, mpSigned: null },
  ];
  test("by constituency, most letters first", () => {
    expect(lettersByConstituency(letters)).toEqual([
      { constituency: "A", sent: 2, awaiting: 1, replied: 1, signed: 0, answered: 2 },
      { constituency: "B", sent: 1, awaiting: 0, replied: 0, signed: 0, answered: 0 },
    ]);
  });
  test("rates among those who answered; null before anyone has", () => {
    expect(campaignRates(letters)).toEqual({ sent: 3, awaiting: 1, answered: 2, replyRate: 0.5, commitmentRate: 0 });
    expect(campaignRates([]).replyRate).toBeNull();
  });
  test("the chart's longest bar fills the plot", () => {
    const chart = constituencyBarChart(lettersByConstituency(letters), { width: 560, labelWidth: 220 });
    expect(chart.bars[0].sentWidth + chart.bars[0].awaitingWidth).toBe(300);
    expect(chart.bars[1].sentWidth).toBe(100);
    expect(chart.label).toContain("A 2 sent");
  });
});

describe("follow-up answers", () => {
  test.each([
    ["replied=yes", { question: "replied", answer: true }],
    ["signed=no", { question: "signed", answer: false }],
    ["replied=maybe", null],
    ["", null],
  ])("%s", (query, expected) => {
    expect(parseFollowUpAnswer(new URLSearchParams(query))).toEqual(expected);
  });
});

describe("the asks as an admin types them", () => {
  test("blocks separated by blank lines, first line the title", () => {
    const asks = parseAsks("Meet us\nA delegation of leaders.\n\n\nSign the form\r\nPlease sign\nit.");
    expect(asks).toEqual([
      { title: "Meet us", body: "A delegation of leaders." },
      { title: "Sign the form", body: "Please sign it." },
    ]);
    expect(parseAsks(formatAsks(asks))).toEqual(asks);
  });
});

describe("readDirectoryCsv", () => {
  test("reads the columns by name and refuses bad lines with their numbers", () => {
    const csv = "constituency,name,party,email\r\nExampleton North,Alex Placeholder,Example Party,alex@example.org\r\nTestbridge,Jordan Fictitious,,\r\nBad,Bad Email,,not-an-email\r\n";
    const { rows, problems } = readDirectoryCsv(parseCsv(csv));
    expect(rows.map((r) => r.name)).toEqual(["Alex Placeholder", "Jordan Fictitious"]);
    expect(rows[1].email).toBeNull();
    expect(problems).toEqual(['Line 4: "not-an-email" is not an email address']);
  });
  test("a file without the columns", () => {
    expect(readDirectoryCsv(parseCsv("a,b\r\n1,2\r\n")).problems[0]).toMatch(/must name the columns/);
  });
});
