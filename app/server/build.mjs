// Bundles the server (app/server/index.ts) into build/server.mjs. Packages stay external;
// the Remix bundle is loaded from build/server/index.js at run time.
import { build } from "esbuild";

await build({
  entryPoints: ["app/server/index.ts"],
  outfile: "build/server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  sourcemap: true,
  logLevel: "warning",
});
