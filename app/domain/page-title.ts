/**
 * The one rule for a page's title, used on the server (entry.server.tsx, so it holds without
 * JavaScript) and in the browser after a client-side change (components/page-change.tsx):
 * the title starts with the page's main heading, the route's own title kept when it already
 * does, and starts with "Error: " exactly when an error summary shows.
 */
export type TitleWords = { siteName: string; errorPrefix: string };

export function titleForPage({ title, heading, hasErrors }: { title: string; heading: string | null; hasErrors: boolean }, words: TitleWords) {
  let base = title.startsWith(words.errorPrefix) ? title.slice(words.errorPrefix.length) : title;
  if (heading && !base.startsWith(heading)) base = `${heading} – ${words.siteName}`;
  return `${hasErrors ? words.errorPrefix : ""}${base}`;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Text of an HTML fragment as a reader hears it: tags dropped, entities decoded, spaces collapsed. */
export function htmlText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === "#") {
        const n = code[1].toLowerCase() === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The attribute that keeps, on a <title> this rewrote, the text React rendered there. React
 * hydrates the whole document and must find its own text in <title>, or it throws the server
 * HTML away (a hydration mismatch): the browser puts it back just before hydrating
 * (`restoreRenderedTitle` in components/page-change.tsx), and the title rule runs again once the page is hydrated.
 */
export const RENDERED_TITLE_ATTRIBUTE = "data-rendered-title";

/**
 * A whole server-rendered page with its <title> made to follow `titleForPage`: the heading is
 * the first <h1> inside #main, errors are an element of class "error-summary" there.
 */
export function withTitleForPage(html: string, words: TitleWords): string {
  const titleMatch = /<title>([\s\S]*?)<\/title>/.exec(html);
  const mainAt = html.indexOf('id="main"');
  if (!titleMatch || mainAt < 0) return html;
  const main = html.slice(mainAt);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(main);
  const wanted = titleForPage({
    title: htmlText(titleMatch[1]),
    heading: h1 ? htmlText(h1[1]) || null : null,
    hasErrors: /class="error-summary[ "]/.test(main),
  }, words);
  if (wanted === htmlText(titleMatch[1])) return html;
  // React escapes its text for HTML ('"' too), so it is a safe attribute value as it is.
  const rendered = titleMatch[1].replace(/"/g, "&quot;");
  return (
    html.slice(0, titleMatch.index) +
    `<title ${RENDERED_TITLE_ATTRIBUTE}="${rendered}">${escapeHtml(wanted)}</title>` +
    html.slice(titleMatch.index + titleMatch[0].length)
  );
}
