import { describe, expect, test } from "vitest";
import { htmlText, titleForPage, withTitleForPage } from "~/domain/page-title";

const words = { siteName: "Community Sponsorship Awards", errorPrefix: "Error: " };
const page = (title: string, main: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body><header><h1>Not this</h1></header><main id="main" class="page">${main}</main></body></html>`;
const titleOf = (html: string) => /<title[^>]*>([\s\S]*?)<\/title>/.exec(html)![1];

describe("a page's title", () => {
  test("keeps the route's title when it already starts with the heading", () => {
    expect(titleForPage({ title: "Outbox – Administration – Community Sponsorship Awards", heading: "Outbox", hasErrors: false }, words)).toBe(
      "Outbox – Administration – Community Sponsorship Awards",
    );
  });

  test("names the heading when the route's title names another page", () => {
    expect(titleForPage({ title: "Sign in – Community Sponsorship Awards", heading: "Check your email", hasErrors: false }, words)).toBe(
      "Check your email – Community Sponsorship Awards",
    );
  });

  test('starts with "Error: " exactly when errors show, never twice', () => {
    expect(titleForPage({ title: "Sign in – X", heading: "Sign in", hasErrors: true }, words)).toBe("Error: Sign in – X");
    expect(titleForPage({ title: "Error: Sign in – X", heading: "Sign in", hasErrors: true }, words)).toBe("Error: Sign in – X");
    expect(titleForPage({ title: "Error: Sign in – X", heading: "Sign in", hasErrors: false }, words)).toBe("Sign in – X");
  });

  test("is rewritten in server-rendered HTML from the first h1 in #main, entities and tags read as text", () => {
    const html = page("Judging – Community Sponsorship Awards", '<p class="caption">x</p><h1>Welcome, <span>Jo &amp; Sam</span> O&#x27;Neill</h1>');
    expect(titleOf(withTitleForPage(html, words))).toBe("Welcome, Jo &amp; Sam O'Neill – Community Sponsorship Awards");
    const errors = page("Sign in – Community Sponsorship Awards", '<div class="error-summary" role="alert"></div><h1>Sign in</h1>');
    expect(titleOf(withTitleForPage(errors, words))).toBe("Error: Sign in – Community Sponsorship Awards");
    // Nothing to change: the page comes back as it was.
    const fine = page("Privacy notice – Community Sponsorship Awards", "<h1>Privacy notice</h1>");
    expect(withTitleForPage(fine, words)).toBe(fine);
  });

  test("keeps the title React rendered on the rewritten <title>, for the browser to hydrate against", () => {
    const html = page("Nominate &amp; vote – Community Sponsorship Awards", "<h1>Nominate someone</h1>");
    const rewritten = withTitleForPage(html, words);
    expect(rewritten).toContain('<title data-rendered-title="Nominate &amp; vote – Community Sponsorship Awards">Nominate someone – Community Sponsorship Awards</title>');
    // A title left as it was carries no attribute.
    const fine = page("Privacy notice – Community Sponsorship Awards", "<h1>Privacy notice</h1>");
    expect(withTitleForPage(fine, words)).not.toContain("data-rendered-title");
  });

  test("htmlText decodes what React escapes", () => {
    expect(htmlText("People &amp; panels")).toBe("People & panels");
    expect(htmlText("  a\n <b>b</b>&quot;c&#39;  ")).toBe('a b"c\'');
  });
});
