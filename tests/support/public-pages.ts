/**
 * The public pages served whole, as the built server serves them: root, the route modules,
 * entry.server, with Remix's own request handler. A test reads the HTML a visitor gets, the
 * data request (`.data`) a client-side visit makes, and the sitemap, without a browser.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import * as entry from "~/entry.server";
import * as root from "~/root";
import * as home from "~/routes/_index";
import { welshRouteId } from "~/welsh-routes";
import * as archive from "~/routes/archive";
import * as privacy from "~/routes/privacy";
import * as sitemap from "~/routes/sitemap[.]xml";
import * as winnersYear from "~/routes/winners.$year";
import * as winners from "~/routes/winners._index";

type RouteModule = Record<string, unknown>;
const ROUTES: Array<{ id: string; path?: string; index?: boolean; module: RouteModule }> = [
  { id: "routes/_index", index: true, module: home },
  { id: "routes/winners._index", path: "winners", index: true, module: winners },
  { id: "routes/winners.$year", path: "winners/:year", module: winnersYear },
  { id: "routes/archive", path: "archive", module: archive },
  { id: "routes/privacy", path: "privacy", module: privacy },
  { id: "routes/sitemap[.]xml", path: "sitemap.xml", module: sitemap },
  // The same modules under /cy, as app/welsh-routes.ts registers them.
  { id: welshRouteId("_index.tsx"), path: "cy", module: home },
  { id: welshRouteId("winners._index.tsx"), path: "cy/winners", module: winners },
  { id: welshRouteId("winners.$year.tsx"), path: "cy/winners/:year", module: winnersYear },
  { id: welshRouteId("archive.tsx"), path: "cy/archive", module: archive },
  { id: welshRouteId("privacy.tsx"), path: "cy/privacy", module: privacy },
];

function build(): ServerBuild {
  const all = [{ id: "root", path: "", module: root as RouteModule, parentId: undefined as string | undefined, index: undefined as boolean | undefined }, ...ROUTES.map((r) => ({ ...r, parentId: "root" }))];
  const routes = Object.fromEntries(
    all.map((r) => [r.id, { id: r.id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: undefined, module: r.module }]),
  );
  const assets = Object.fromEntries(
    all.map((r) => [
      r.id,
      {
        id: r.id,
        parentId: r.parentId,
        path: r.path,
        index: r.index,
        caseSensitive: undefined,
        module: `/assets/${r.id}.js`,
        imports: [],
        hasAction: "action" in r.module,
        hasLoader: "loader" in r.module,
        hasClientAction: false,
        hasClientLoader: false,
        hasErrorBoundary: "ErrorBoundary" in r.module,
      },
    ]),
  );
  return {
    mode: "production",
    entry: { module: entry },
    routes,
    assets: { entry: { module: "/assets/entry.client.js", imports: [] }, routes: assets, url: "/assets/manifest.js", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_singleFetch: true,
      v3_lazyRouteDiscovery: true,
      v3_routeConfig: false,
    },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

const handler = createRequestHandler(build(), "production");

/** A public page (or its `.data`), as a crawler would fetch it: the whole document at once. */
export async function fetchPublic(path: string): Promise<{ status: number; body: string }> {
  const request = new Request(`http://localhost:3000${path}`, { headers: { "User-Agent": "Googlebot/2.1" } });
  const response = await handler(request, { cspNonce: "" });
  return { status: response.status, body: await response.text() };
}

export const PUBLIC_PAGE_PATHS = (year: number) => ["/", "/winners", `/winners/${year}`, "/archive", "/privacy", "/sitemap.xml"];
