// ESLint for the whole project (npm run lint), in the place ESLint looks for it.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The layers (docs/ARCHITECTURE.md): routes → models → domain. Each entry below is a
// message for an import that crosses a layer the wrong way; `npm run lint` fails on it.
const DATABASE = [
  { group: ["drizzle-orm", "drizzle-orm/*"], message: "Only models (and db/, app/utils) talk to drizzle: call a named function in app/models." },
  // gitignore-style patterns: a leading "#" is a comment unless escaped.
  { group: ["\\#db", "\\#db/*", "**/db/*"], message: "db/ is the models' business: import the vocabularies from ~/domain/vocabulary, or call app/models." },
  { group: ["~/utils/db.server", "**/utils/db.server"], message: "The database handle belongs to app/models: call a named model function instead." },
];
const MODELS = { group: ["~/models/*", "**/models/*"], message: "app/models is a layer above this one: pass the values in instead." };
const UTILS = { group: ["~/utils/*", "**/utils/*"], message: "app/domain is pure rules: move what it needs into app/domain." };

export const layerRules = [
  // Routes and components: never the database. Components also run in the browser, where the
  // schema's table definitions must not go.
  { files: ["app/routes/**", "app/components/**", "app/root.tsx", "app/entry.client.tsx"], rules: { "no-restricted-imports": ["error", { patterns: DATABASE }] } },
  // Domain: plain TypeScript that needs nothing above it.
  { files: ["app/domain/**"], rules: { "no-restricted-imports": ["error", { patterns: [...DATABASE, MODELS, UTILS] }] } },
  // Utils sit below models.
  { files: ["app/utils/**"], rules: { "no-restricted-imports": ["error", { patterns: [MODELS] }] } },
];

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "tests/.tmp/**", "db/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  ...layerRules,
  // Playwright fixtures call `use`, which is not React's hook.
  { files: ["tests/e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
);
