/**
 * JavaScript per public page, in both languages, from the production build alone (no server):
 * `npm run build && npx tsx tests/bench/js-per-page.ts` prints a Markdown table.
 *
 * A page loads the browser entry, the root route and its own route module, each with the
 * chunks the Remix manifest lists as their imports, then (entry.client.tsx) the catalogue
 * chunks of the page's language for "common" and the namespaces its route names in
 * `handle.i18n`. Each file is counted once, gzipped at zlib's default level (what the
 * server's compression sends). The inline scripts (about 2 KB gzipped: the page's slice of
 * the route manifest and its loader data) are not counted here; `BENCH_ONLY=js npm run bench`
 * counts them on a running server for the English pages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { WELSH_ROUTES, welshRouteId } from "~/welsh-routes";

const CLIENT = "build/client";
const ASSETS = join(CLIENT, "assets");

type RouteEntry = { module: string; imports?: string[] };
type Manifest = { entry: RouteEntry; routes: Record<string, RouteEntry> };

function readManifest(): Manifest {
  const file = readdirSync(ASSETS).find((f) => /^manifest-[0-9a-f]+\.js$/.test(f));
  if (!file) throw new Error("No Remix manifest in build/client/assets: run npm run build first");
  const text = readFileSync(join(ASSETS, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

/** "./locales/cy/nomination.json" → "/assets/nomination-….js", from the entry's dynamic imports. */
function catalogueChunks(entry: string): Map<string, string> {
  const code = readFileSync(join(CLIENT, entry), "utf8");
  const chunks = new Map<string, string>();
  for (const m of code.matchAll(/"\.\/locales\/([a-z]+)\/([a-z-]+)\.json":\(\)=>[^"]*import\("\.\/([^"]+)"\)/g)) chunks.set(`${m[1]}/${m[2]}`, `/assets/${m[3]}`);
  return chunks;
}

/** The namespaces a route file names in its `handle`, besides "common". */
function namespacesOf(file: string): string[] {
  const source = readFileSync(join("app/routes", file), "utf8");
  const match = /handle: I18nHandle = \{ i18n: \[([^\]]*)\]/.exec(source);
  return match ? [...match[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [];
}

const gzipped = new Map<string, number>();
function size(asset: string): number {
  if (!gzipped.has(asset)) gzipped.set(asset, gzipSync(readFileSync(join(CLIENT, asset))).length);
  return gzipped.get(asset)!;
}

const manifest = readManifest();
const catalogues = catalogueChunks(manifest.entry.module);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

type Figure = { total: number; catalogues: number; namespaces: string[] };
function measure(routeId: string, file: string, language: "en" | "cy"): Figure {
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`route ${routeId} is not in the manifest`);
  const files = new Set<string>();
  for (const r of [manifest.entry, manifest.routes.root, route]) for (const f of [r.module, ...(r.imports ?? [])]) files.add(f);
  const namespaces = ["common", ...namespacesOf(file)];
  let catalogueBytes = 0;
  for (const ns of namespaces) {
    const chunk = catalogues.get(`${language}/${ns}`);
    if (!chunk) throw new Error(`no catalogue chunk for ${language}/${ns}`);
    files.add(chunk);
    catalogueBytes += size(chunk);
  }
  let total = 0;
  for (const f of files) total += size(f);
  return { total, catalogues: catalogueBytes, namespaces };
}

const rows: string[] = [];
let largest = { page: "", bytes: 0 };
for (const [file, welshPath] of WELSH_ROUTES) {
  if (/\[\.\]pdf/.test(file)) continue; // PDFs, not pages
  const english = `/${welshPath.replace(/^cy\/?/, "")}`;
  const en = measure(`routes/${file.replace(/\.tsx?$/, "")}`, file, "en");
  const cy = measure(welshRouteId(file), file, "cy");
  for (const [page, f] of [[english, en], [`/${welshPath}`, cy]] as const) if (f.total > largest.bytes) largest = { page, bytes: f.total };
  rows.push(`| \`${english}\` | ${kb(en.total)} KB | ${kb(cy.total)} KB | ${kb(en.catalogues)} / ${kb(cy.catalogues)} KB | ${en.namespaces.join(", ")} |`);
}

console.log("| page (and its /cy twin) | English | Welsh | of which catalogues, en / cy | namespaces |");
console.log("| --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
console.log(`\nLargest: ${largest.page}, ${kb(largest.bytes)} KB gzipped (without the inline scripts).`);
