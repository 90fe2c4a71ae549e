/**
 * The layers are enforced by the project's own ESLint config (eslint.config.mjs), so an
 * import that crosses one fails `npm run lint`. Each case lints a small snippet as if it
 * were a file at that path, through ESLint's Node API and the real config.
 */
import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("an import that crosses a layer fails the lint", () => {
  test.each([
    ["a route imports drizzle", "app/routes/admin.fixture.tsx", `import { eq } from "drizzle-orm";\nexport const x = eq;\n`],
    ["a route imports the schema", "app/routes/admin.fixture.tsx", `import { cycles } from "#db/schema";\nexport const x = cycles;\n`],
    ["a route imports the schema only for a type", "app/routes/admin.fixture.tsx", `import type { Cycle } from "#db/schema";\nexport type X = Cycle;\n`],
    ["a route imports the database handle", "app/routes/admin.fixture.tsx", `import { db } from "~/utils/db.server";\nexport const x = db;\n`],
    ["a component imports the schema", "app/components/fixture.tsx", `import { NOMINEE_TYPES } from "#db/schema";\nexport const x = NOMINEE_TYPES;\n`],
    ["a domain rule imports a model", "app/domain/fixture.ts", `import { getCurrentCycle } from "~/models/cycle.server";\nexport const x = getCurrentCycle;\n`],
    ["a domain rule imports a model by a relative path", "app/domain/fixture.ts", `import { getCurrentCycle } from "../models/cycle.server";\nexport const x = getCurrentCycle;\n`],
    ["a domain rule imports a util", "app/domain/fixture.ts", `import { clientIp } from "~/utils/request.server";\nexport const x = clientIp;\n`],
    ["a domain rule imports the schema", "app/domain/fixture.ts", `import { PHASES } from "#db/schema";\nexport const x = PHASES;\n`],
    ["a domain rule imports the schema by a relative path", "app/domain/fixture.ts", `import { PHASES } from "../../db/schema";\nexport const x = PHASES;\n`],
    ["a domain rule imports drizzle", "app/domain/fixture.ts", `import { sql } from "drizzle-orm";\nexport const x = sql;\n`],
    ["a util imports a model", "app/utils/fixture.server.ts", `import { loadJourney } from "~/models/nomination.server";\nexport const x = loadJourney;\n`],
    ["a util imports a model by a relative path", "app/utils/fixture.server.ts", `import { loadJourney } from "../models/nomination.server";\nexport const x = loadJourney;\n`],
  ])("%s", async (_, filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });
});

describe("imports along the layers pass", () => {
  test.each([
    ["a route imports a model, a rule, a component and a util", "app/routes/admin.fixture.tsx", `import { getCurrentCycle } from "~/models/cycle.server";\nimport { PHASES } from "~/domain/vocabulary";\nimport { Field } from "~/components/forms";\nimport { requireAdmin } from "~/utils/auth.server";\nexport const x = [getCurrentCycle, PHASES, Field, requireAdmin];\n`],
    ["a model imports drizzle, the database, a rule and a util", "app/models/fixture.server.ts", `import { eq } from "drizzle-orm";\nimport { db, schema } from "~/utils/db.server";\nimport { PHASES } from "~/domain/vocabulary";\nimport { audit } from "~/utils/audit.server";\nexport const x = [eq, db, schema, PHASES, audit];\n`],
    ["a domain rule imports another rule and zod", "app/domain/fixture.ts", `import { z } from "zod";\nimport { PHASES } from "./vocabulary";\nexport const x = [z, PHASES];\n`],
    ["a util imports the database and a rule", "app/utils/fixture.server.ts", `import { db } from "./db.server";\nimport { PHASES } from "~/domain/vocabulary";\nexport const x = [db, PHASES];\n`],
  ])("%s", async (_, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
