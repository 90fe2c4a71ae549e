/**
 * The emails catalogue (app/locales/<language>/emails.json): the same keys in English and
 * Welsh, each language with the plural forms its own rules need (Welsh has six), every
 * Welsh string on the review list, and the words reaching the rendered email.
 */
import { render, toPlainText } from "@react-email/render";
import { describe, expect, test } from "vitest";
import { EMAIL_CATALOGUES, emailText } from "#emails/i18n";
import NominationNewsEmail from "#emails/nomination-news";
import { localised } from "~/domain/language";
import { formatLondon } from "~/domain/time";
import review from "~/locales/cy-review.json";

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

const keys = { en: leaves(EMAIL_CATALOGUES.en), cy: leaves(EMAIL_CATALOGUES.cy) };
const base = (list: string[]) => [...new Set(list.map((k) => k.replace(PLURAL, "")))].sort();

describe("the emails catalogue", () => {
  test("English and Welsh have the same keys", () => {
    expect(base(keys.cy)).toEqual(base(keys.en));
  });

  test.each(["en", "cy"] as const)("%s has every plural form its language needs, and no others", (language) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories.sort();
    const plurals = base(keys[language].filter((k) => PLURAL.test(k)));
    expect(plurals.length).toBeGreaterThan(0);
    for (const key of plurals) {
      const forms = keys[language].filter((k) => k.replace(PLURAL, "") === key).map((k) => k.match(PLURAL)![1]);
      expect(forms.sort(), key).toEqual(needed);
    }
  });

  test("no string is empty, and each keeps the placeholders of its English", () => {
    const get = (tree: Tree, key: string) => key.split(".").reduce<string | Tree>((t, k) => (t as Tree)[k], tree) as string;
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of keys.cy) {
      const english = get(EMAIL_CATALOGUES.en, keys.en.includes(key) ? key : key.replace(PLURAL, "_other"));
      const welsh = get(EMAIL_CATALOGUES.cy, key);
      expect(welsh.trim(), key).not.toBe("");
      expect(holes(welsh), key).toEqual(holes(english));
    }
  });

  test("every Welsh string is on the review list", () => {
    for (const key of keys.cy) expect((review as Record<string, string>)[`emails:${key}`], key).toMatch(/^(draft|reviewed)$/);
  });

  test("a Welsh plural: 2 days mutates, 7 does not", () => {
    const e = emailText("cy");
    expect(e.t("confirm.linkWorks", { count: 2 })).toContain("2 ddiwrnod");
    expect(e.t("confirm.linkWorks", { count: 7 })).toContain("7 diwrnod");
    expect(emailText("en").t("confirm.linkWorks", { count: 1 })).toContain("1 day.");
  });

  test("dates in Welsh, in Europe/London, as the pages write them", () => {
    // 31 March 2027 23:30 UTC is 1 April 00:30 in British Summer Time.
    expect(emailText("cy").date(new Date("2027-03-31T23:30:00Z"))).toBe("Dydd Iau 1 Ebrill 2027 am 12:30yb");
    for (const language of ["en", "cy"] as const) expect(emailText(language).date(new Date("2027-01-27T17:00:00Z"))).toBe(formatLondon(new Date("2027-01-27T17:00:00Z"), language));
  });
});

describe("the news of an ineligible nomination", () => {
  const about = { name: "Nia", reference: "CSA-2026-AAAAA", nominee: "Amira", kind: "ineligible" as const };
  const textOf = async (props: Parameters<typeof NominationNewsEmail>[0]) => toPlainText(await render(NominationNewsEmail(props)));

  test("the reason appears only when shared", async () => {
    const category = localised("Young Champion", null, "en");
    expect(await textOf({ ...about, language: "en", category, reason: "Too old" })).toContain("The reason: Too old");
    expect(await textOf({ ...about, language: "en", category, reason: null })).not.toContain("Too old");
  });

  test("in Welsh, a category with no Welsh name yet is marked as English", async () => {
    const html = await render(NominationNewsEmail({ ...about, language: "cy", category: localised("Young Champion", null, "cy"), reason: null }));
    expect(html).toContain('<span lang="en-GB">Young Champion</span>');
    expect(html).toMatch(/<html[^>]*lang="cy"/);
    const welshName = await render(NominationNewsEmail({ ...about, language: "cy", category: localised("Young Champion", "Hyrwyddwr Ifanc", "cy"), reason: null }));
    expect(welshName).toContain("Hyrwyddwr Ifanc");
    expect(welshName).not.toContain("lang=\"en-GB\"");
  });
});
