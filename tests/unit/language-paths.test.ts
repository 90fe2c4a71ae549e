import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { englishPath, hasWelshTwin, languageOfPath, localisedPath, twinPath } from "~/domain/language-paths";
import { ENGLISH_ONLY_ROUTE_FILES, WELSH_ROUTES } from "~/welsh-routes";

describe("the language of a page comes from its address", () => {
  test.each([
    ["/", "en"],
    ["/cy", "cy"],
    ["/cy/", "cy"],
    ["/cy/nominate/group-of-the-year/case", "cy"],
    ["/cymru", "en"],
    ["/nominate/cy", "en"],
  ] as const)("%s is %s", (path, language) => expect(languageOfPath(path)).toBe(language));
});

describe("localised paths", () => {
  test.each([
    ["/", "cy", "/cy"],
    ["/privacy", "cy", "/cy/privacy"],
    ["/nominate/x/case?draft=1#answer3", "cy", "/cy/nominate/x/case?draft=1#answer3"],
    ["/cy/privacy", "cy", "/cy/privacy"],
    ["/cy/privacy", "en", "/privacy"],
    ["/cy", "en", "/"],
    ["/winners/2026", "en", "/winners/2026"],
  ] as const)("%s in %s is %s", (path, language, expected) => expect(localisedPath(path, language)).toBe(expected));

  test("the twin of a page, and back", () => {
    expect(twinPath("/nominate")).toBe("/cy/nominate");
    expect(twinPath("/cy/nominate")).toBe("/nominate");
    expect(twinPath("/")).toBe("/cy");
    expect(englishPath("/cy")).toBe("/");
  });

  test("the judges' and administrators' areas stay in English", () => {
    expect(hasWelshTwin("/admin/categories")).toBe(false);
    expect(hasWelshTwin("/judge")).toBe(false);
    expect(hasWelshTwin("/administer")).toBe(true);
    expect(hasWelshTwin("/winners/2026")).toBe(true);
  });
});

describe("every route file is either public in both languages or English only", () => {
  const files = readdirSync(new URL("../../app/routes", import.meta.url)).filter((f) => /\.tsx?$/.test(f));
  const welsh = new Set(WELSH_ROUTES.map(([file]) => file));
  test.each(files)("%s", (file) => {
    const englishOnly = ENGLISH_ONLY_ROUTE_FILES.some((pattern) => pattern.test(file));
    expect(welsh.has(file) !== englishOnly, `${file}: add it to WELSH_ROUTES or ENGLISH_ONLY_ROUTE_FILES in app/welsh-routes.ts`).toBe(true);
  });
  test("every Welsh route names a file that exists", () => {
    for (const [file, path] of WELSH_ROUTES) {
      expect(files).toContain(file);
      expect(path.startsWith("cy")).toBe(true);
    }
  });
});
