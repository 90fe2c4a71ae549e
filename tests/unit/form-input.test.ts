import { describe, expect, test } from "vitest";
import { cleanText, fieldNameProblem, FORM_LIMITS, MalformedBody, parseUrlEncoded } from "~/domain/form-input";

describe("field names", () => {
  test.each([
    ["email", null],
    ["answer12", null],
    ["criteria[3].score", null],
    ["a[99][0][1]", null],
    ["email[100]", "index"],
    ["email[100000000]", "index"],
    ["a[1][1][1][1]", "index"],
    ["a[x]", "index"],
    ["a[", "index"],
    ["a[-1]", "index"],
    ["", "empty"],
    ["n".repeat(FORM_LIMITS.nameLength + 1), "too-long"],
    ["na me", "characters"],
    ["na\u0000me", "characters"],
    ["na\u202eme", "characters"],
    ["naïve", "characters"],
    ['a"b', "characters"],
    ["__intent__", "reserved"],
    ["__state__", "reserved"],
    ["a.__proto__.b", "reserved"],
    ["constructor", "reserved"],
  ] as const)("%j → %s", (name, problem) => {
    expect(fieldNameProblem(name)).toBe(problem);
  });

  test("a route that uses Conform's intents may send them", () => {
    expect(fieldNameProblem("__intent__", { allowReserved: true })).toBeNull();
  });
});

describe("text", () => {
  test.each([
    ["plain", "plain"],
    ["line one\r\nline two\ttab", "line one\r\nline two\ttab"],
    ["nul\u0000byte", "nulbyte"],
    ["bell\u0007 and esc\u001b", "bell and esc"],
    ["c1\u0085\u009f", "c1"],
    ["invoice\u202efdp.pdf", "invoicefdp.pdf"],
    ["isolate\u2066x\u2069", "isolatex"],
    ["مرحبا بكم", "مرحبا بكم"],
    ["e\u0301", "\u00e9"],
  ])("%j → %j", (input, output) => {
    expect(cleanText(input)).toBe(output);
  });
});

describe("urlencoded bodies", () => {
  const latin1 = (s: string) => Buffer.from(s, "utf8").toString("latin1");

  test("pairs are decoded strictly", () => {
    expect(parseUrlEncoded(latin1("a=1&b=two+words&c=%C3%A9&d&&e="))).toEqual([
      ["a", "1"],
      ["b", "two words"],
      ["c", "é"],
      ["d", ""],
      ["e", ""],
    ]);
    expect(parseUrlEncoded(latin1("name=Zoë"))).toEqual([["name", "Zoë"]]);
    expect(parseUrlEncoded("")).toEqual([]);
  });

  test.each([["a=%zz"], ["a=%C3"], ["a=%FF%FE"], ["a=\xff"], ["%="]])("%j is malformed", (body) => {
    expect(() => parseUrlEncoded(body)).toThrow(MalformedBody);
  });

  test("more fields than the limit are counted before anything is decoded", () => {
    expect(parseUrlEncoded(Array(FORM_LIMITS.fields + 1).fill("f=1").join("&"))).toBe("too-many-fields");
    expect(parseUrlEncoded(Array(FORM_LIMITS.fields).fill("f=1").join("&"))).toHaveLength(FORM_LIMITS.fields);
  });
});
