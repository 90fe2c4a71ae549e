/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import { WELSH_ROUTES, welshRouteId } from "./app/welsh-routes";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * In the browser bundle, Conform's zod adapter builds its coercion wrappers (`pipe`, `transform`,
 * `optional`, `lazy`) with `zod/mini` instead of classic `zod`: the same core schemas, which
 * parse identically, without the whole classic API (about 20 KB gzipped) on every page with a
 * form (docs/decisions/038). The server keeps the package as published.
 */
const conformZodOnMini: Plugin = {
  name: "conform-zod-on-mini",
  enforce: "pre",
  async resolveId(source, importer, options) {
    if (options?.ssr || source !== "zod/v4" || !importer?.includes("/@conform-to/zod/")) return null;
    return this.resolve("zod/mini", importer, { ...options, skipSelf: true });
  },
};
const integrationOnPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: {
    alias: {
      "~": here("./app"),
      "#db": here("./db"),
      "#emails": here("./emails"),
    },
  },
  build: { target: "es2022", assetsInlineLimit: 0 },
  // Pre-bundle what the browser needs up front, so the first page in development does
  // not trigger a re-optimisation and a second copy of React.
  optimizeDeps: {
    include: ["react", "react-dom", "react-dom/client", "react/jsx-runtime", "@remix-run/react", "i18next", "react-i18next", "i18next-resources-to-backend", "@conform-to/react", "@conform-to/zod/v4", "zod"],
    // Server-only packages that route files import for their loaders and actions.
    exclude: ["@remix-run/node", "drizzle-orm", "postgres", "@electric-sql/pglite", "@oslojs/crypto", "@oslojs/encoding", "resend", "@react-email/components", "@react-email/render"],
  },
  server: { port: 3000 },
  plugins: [
    conformZodOnMini,
    !process.env.VITEST &&
      remix({
        ignoredRouteFiles: ["**/*.test.*", "**/.*"],
        // Every public page a second time under /cy, from the same module (docs/decisions/030).
        routes: async (defineRoutes) =>
          defineRoutes((route) => {
            for (const [file, path] of WELSH_ROUTES) route(path, `routes/${file}`, { id: welshRouteId(file) });
          }),
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: false,
        },
      }),
  ],
  test: {
    pool: "forks",
    silent: "passed-only",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration:pglite",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/setup/integration.ts"],
          globalSetup: ["tests/setup/global-pglite.ts"],
          env: { TEST_DB_KIND: "pglite" },
          // Bounds for a machine with other work on its cores; a passing test never waits for them.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // npm run bench at smoke sizes, on the built server (see tests/bench/run.ts).
          name: "bench",
          include: ["tests/bench/**/*.test.ts"],
          testTimeout: 600_000,
        },
      },
      ...(integrationOnPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: "integration:postgres",
                include: ["tests/integration/**/*.test.{ts,tsx}"],
                setupFiles: ["tests/setup/integration.ts"],
                globalSetup: ["tests/setup/global-postgres.ts"],
                env: { TEST_DB_KIND: "postgres" },
                testTimeout: 120_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
