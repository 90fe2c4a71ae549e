/**
 * What the Welsh end-to-end specs share: the check that a page is Welsh (no English catalogue
 * string, its twin linked, no axe violation, no sideways scroll at 320 px), the outbox, and
 * campaigns and People's Choice votes with their Welsh written.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type postgres from "postgres";
import { expect } from "./fixtures";
import { expectAccessibleAsServed } from "./nomination-fixtures";

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---------------------------------------------------------------- the English catalogue

const locales = new URL("../../app/locales/", import.meta.url);
function flatten(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else for (const inner of Object.values(value as object)) flatten(inner, into);
  return into;
}
const catalogue = (language: string) =>
  readdirSync(new URL(`${language}/`, locales))
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => flatten(JSON.parse(readFileSync(new URL(`${language}/${f}`, locales), "utf8"))));
const welshStrings = new Set(catalogue("cy"));
/**
 * Every run of English words from the English catalogue, cut at its placeholders and tags:
 * "Nominations close on <time>{{date}}</time> (UK time)." gives "Nominations close on" and
 * "(UK time).". Runs of a single word are left out ("Yes" could be part of a nominee's name).
 */
export const ENGLISH_FRAGMENTS = [
  ...new Set(
    catalogue("en")
      .filter((text) => !welshStrings.has(text))
      .flatMap((text) => text.split(/\{\{[^}]*\}\}|<\/?\w+\s*\/?>/))
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.split(/\s+/).length >= 2 && /[a-z]{3}/i.test(fragment)),
  ),
];

/** The page's visible text and title, leaving out text marked as English (administrators' text with no Welsh yet). */
async function welshPageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, [lang="en-GB"]').forEach((el) => el.remove());
    return `${document.title}\n${body.textContent ?? ""}`.replace(/\s+/g, " ");
  });
}

/** A Welsh page: lang="cy", its English twin linked in the header and in hreflang, no English catalogue string, no axe violation, no sideways scroll. */
export async function expectWelshPage(page: Page, javaScriptEnabled = true, { translated = true } = {}) {
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  const path = new URL(page.url()).pathname;
  const english = path === "/cy" ? "/" : path.replace(/^\/cy/, "");
  await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("href", new RegExp(`^${escape(english)}`));
  await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("lang", "en-GB");
  await expect(page.locator('link[rel="alternate"][hreflang="cy"]')).toHaveAttribute("href", new RegExp(`${escape(path)}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="en-GB"]')).toHaveCount(1);
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
  if (translated) {
    const text = await welshPageText(page);
    expect(ENGLISH_FRAGMENTS.filter((fragment) => text.includes(fragment)), `English on ${path}`).toEqual([]);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  await expectAccessibleAsServed(page, javaScriptEnabled);
}

/** Opens the newest email to `to` whose subject matches, on /dev/mail, and returns the link to `path` in it. */
export async function linkFromOutbox(page: Page, to: string, subject: RegExp, path: string): Promise<string> {
  await page.goto("/dev/mail");
  await page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  const href = await page.getByRole("link", { name: new RegExp(escape(path)) }).first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

/** A campaign with its title and asks in Welsh, its summary still English only (shown marked lang="en-GB"). */
export async function createWelshCampaign(sql: postgres.Sql, tag: string) {
  const slug = `e2e-ymgyrch-${tag}`;
  await sql`insert into campaigns (slug, title, title_cy, summary, asks, asks_cy, letter_guidance, letter_guidance_cy, briefing, briefing_cy, signed_forms_to)
            values (${slug}, ${`Lobby test ${tag}`}, ${`Ymgyrch brawf ${tag}`}, ${"Ask your MP to champion community sponsorship."},
                    ${sql.json([{ title: "Meet a delegation", body: "Meet local leaders who sponsor families." }])},
                    ${sql.json([{ title: "Cyfarfod â dirprwyaeth", body: "Cyfarfod ag arweinwyr lleol sy'n noddi teuluoedd." }])},
                    ${"Use your own words."}, ${"Defnyddiwch eich geiriau eich hun."},
                    ${"Bring a local story."}, ${"Dewch â stori leol gyda chi."}, ${"campaigns@example.org"})`;
  return { slug, title: `Lobby test ${tag}`, titleCy: `Ymgyrch brawf ${tag}` };
}

export const VOTE_NOMINEES = ["Croeso Aberaeron", "Cyfeillion Bangor", "Lloches Caerdydd"];

/** A past year's cycle whose shortlist is public and whose People's Choice vote is open, its category named in Welsh. */
export async function createWelshVote(sql: postgres.Sql) {
  const [{ year }] = await sql<{ year: number }[]>`
    select y as year from generate_series(1850, 1899) as y
    where y not in (select year from cycles) order by random() limit 1`;
  const [cycle] = await sql<{ id: number }[]>`
    insert into cycles (year, name, phase, judging_close_at, shortlist_publish_at, winners_publish_at)
    values (${year}, ${`Awards ${year}`}, 'shortlist_published', now() - interval '1 day', now() - interval '1 hour', now() + interval '1 day')
    returning id`;
  const [category] = await sql<{ id: number }[]>`
    insert into categories (cycle_id, slug, name, name_cy, nominee_types, peoples_choice_opens_at, peoples_choice_closes_at)
    values (${cycle.id}, 'group-of-the-year', 'Group of the Year', 'Grŵp y Flwyddyn', '{group}', now() - interval '1 minute', now() + interval '12 hours')
    returning id`;
  for (const [i, name] of VOTE_NOMINEES.entries()) {
    await sql`
      insert into nominations (cycle_id, category_id, reference, access_token_hash, status, nominee_type, nominee_name,
        nominee_organisation, nominee_local_authority, nominator_name, nominator_email)
      values (${cycle.id}, ${category.id}, ${`CSA-${year}-${i}W${Math.random().toString(36).slice(2, 6).toUpperCase()}`},
        ${`hash-cy-${year}-${i}-${Math.random()}`}, 'shortlisted', 'group', ${name}, ${name}, 'Ceredigion',
        ${`Enwebydd ${i}`}, ${`enwebydd-pc-${year}-${i}@example.test`})`;
  }
  return { year, categoryId: category.id };
}
