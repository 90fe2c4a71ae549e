/**
 * The message catalogues (app/locales/<language>/<namespace>.json, docs/decisions/030): every
 * key in both languages, every plural in every form the language has (Welsh has six), the same
 * placeholders and tags in each translation, and every Welsh string on the review list.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

const root = new URL("../../app/locales/", import.meta.url);
const LANGUAGES = { en: "en-GB", cy: "cy" } as const;
type Catalogue = Record<string, string>;

/** "a.b.c" → string, for one namespace of one language. */
function flatten(value: unknown, prefix = "", into: Catalogue = {}): Catalogue {
  if (typeof value === "string") into[prefix] = value;
  else for (const [key, inner] of Object.entries(value as object)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  return into;
}
const read = (language: string, namespace: string): Catalogue =>
  flatten(JSON.parse(readFileSync(new URL(`${language}/${namespace}.json`, root), "utf8")));

const namespaces = (language: string) => readdirSync(new URL(`${language}/`, root)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Keys without plural endings, each with the plural forms present. */
function baseKeys(catalogue: Catalogue): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const key of Object.keys(catalogue)) {
    const form = PLURAL.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    if (!keys.has(base)) keys.set(base, new Set());
    if (form) keys.get(base)!.add(form);
  }
  return keys;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<(\/?\w+)\s*\/?>/g)].map((m) => m[1] ?? m[2]).sort();

describe("the catalogues", () => {
  test("both languages have the same namespaces", () => {
    expect(namespaces("cy")).toEqual(namespaces("en"));
  });

  describe.each(namespaces("en"))("%s", (namespace) => {
    const en = read("en", namespace);
    const cy = read("cy", namespace);
    const enKeys = baseKeys(en);
    const cyKeys = baseKeys(cy);

    test("no key is missing from either language", () => {
      expect([...enKeys.keys()].filter((k) => !cyKeys.has(k)), "missing in Welsh").toEqual([]);
      expect([...cyKeys.keys()].filter((k) => !enKeys.has(k)), "missing in English").toEqual([]);
    });

    test("every plural has every form its language uses", () => {
      for (const [language, keys] of [["en", enKeys], ["cy", cyKeys]] as const) {
        const forms = new Intl.PluralRules(LANGUAGES[language]).resolvedOptions().pluralCategories;
        for (const [key, present] of keys) {
          if (present.size === 0) continue;
          expect([...present].sort(), `${language} ${namespace}:${key}`).toEqual([...forms].sort());
        }
      }
      // Welsh has six: zero, one, two, few, many, other.
      expect(new Intl.PluralRules("cy").resolvedOptions().pluralCategories).toHaveLength(6);
    });

    test("each translation keeps the placeholders and tags of the English", () => {
      for (const key of Object.keys(cy)) {
        const base = key.replace(PLURAL, "");
        const english = en[key] ?? en[`${base}_other`] ?? en[base];
        const wanted = placeholders(english).filter((p) => p !== "count");
        expect(placeholders(cy[key]).filter((p) => p !== "count"), `${namespace}:${key}`).toEqual(wanted);
      }
    });

    test("no Welsh string is left empty", () => {
      for (const [key, text] of Object.entries(cy)) {
        expect(text.trim(), `${namespace}:${key}`).not.toBe("");
      }
    });
  });

  test("every Welsh string is on the review list, and the list names nothing else", () => {
    const review = JSON.parse(readFileSync(new URL("cy-review.json", root), "utf8")) as Record<string, string>;
    const keys = namespaces("cy").flatMap((ns) => Object.keys(read("cy", ns)).map((key) => `${ns}:${key}`));
    expect(keys.filter((k) => !(k in review)), "add these to app/locales/cy-review.json as \"draft\"").toEqual([]);
    expect(Object.keys(review).filter((k) => !keys.includes(k)), "no longer in the catalogue").toEqual([]);
    for (const [key, state] of Object.entries(review)) expect(["draft", "reviewed"], key).toContain(state);
  });
});

// <Trans> reads a catalogue string as HTML: a tag named like a void element (<link>, <img>…)
// closes at once and its words vanish, leaving an empty link on the page.
const VOID_ELEMENTS = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

test("no catalogue string names a component tag after an HTML void element", () => {
  const found: string[] = [];
  for (const language of Object.keys(LANGUAGES)) {
    for (const namespace of namespaces(language)) {
      for (const [key, text] of Object.entries(read(language, namespace))) {
        for (const m of text.matchAll(/<(\w+)>/g)) if (VOID_ELEMENTS.includes(m[1].toLowerCase())) found.push(`${language}/${namespace}:${key} <${m[1]}>`);
      }
    }
  }
  expect(found).toEqual([]);
});
