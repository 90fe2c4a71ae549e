/**
 * The environment, validated once with zod. A bad variable stops start-up with one
 * clear line per problem, rather than failing later in a request.
 */
import { z } from "zod";
import { DEFAULT_CONTACT_EMAIL } from "~/content/site";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: optional(z.coerce.number().int().min(1).max(65535)).transform((v) => v ?? 3000),
  HOST: optional(z.string()).transform((v) => v ?? "0.0.0.0"),
  APP_URL: optional(z.url({ protocol: /^https?$/, error: "must be a full http(s) URL, such as https://awards.example.org" })),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://"),
  ),
  DATA_DIR: optional(z.string().min(1)).transform((v) => v ?? "./data"),
  DATABASE_POOL_SIZE: optional(z.coerce.number().int().min(1).max(100)).transform((v) => v ?? 10),
  RESEND_API_KEY: optional(z.string().startsWith("re_", "must be a Resend API key, starting with re_")),
  RESEND_BASE_URL: optional(z.url({ error: "must be a URL such as https://api.resend.com" })),
  /** Requests a second the mail provider accepts from this account (Resend's default is 2). */
  RESEND_RATE_PER_SECOND: optional(z.coerce.number().min(0.1).max(1000)).transform((v) => v ?? 2),
  MAIL_FROM: optional(z.string().includes("@", { error: "must be an address such as Awards <awards@example.org>" })).transform(
    (v) => v ?? "Community Sponsorship Awards <awards@example.org>",
  ),
  CONTACT_EMAIL: optional(z.email({ error: "must be an email address such as awards@example.org" })).transform(
    (v) => v ?? DEFAULT_CONTACT_EMAIL,
  ),
  SEED_DEMO: optional(z.enum(["true", "false"], { error: "must be true or false" })).transform((v) => v !== "false"),
  TRUST_PROXY: optional(z.enum(["true", "false"], { error: "must be true or false" })).transform((v) => v === "true"),
  BODY_LIMIT_MB: optional(z.coerce.number().min(1).max(200)).transform((v) => v ?? 35),
  /** A body that stops arriving for this long is refused (408) and its connection closed. */
  BODY_IDLE_SECONDS: optional(z.coerce.number().min(0.2).max(300)).transform((v) => v ?? 10),
  BACKGROUND_WORK: optional(z.enum(["true", "false"], { error: "must be true or false" })).transform((v) => v !== "false"),
  DEV_MAIL: optional(z.enum(["true", "false"], { error: "must be true or false" })),
  // Campaigns: where the MP finder's services live. Unset: use only what the database holds.
  POSTCODES_IO_BASE_URL: optional(z.url({ protocol: /^https?$/, error: "must be a URL such as https://api.postcodes.io" })),
  MEMBERS_API_BASE_URL: optional(z.url({ protocol: /^https?$/, error: "must be a URL such as https://members-api.parliament.uk" })),
});

export type Env = z.infer<typeof schema> & { APP_URL: string; mailConfigured: boolean; devMailPage: boolean };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const env = result.data;
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return {
    ...env,
    APP_URL: appUrl,
    mailConfigured: Boolean(env.RESEND_API_KEY),
    // /dev/mail shows every email, sign-in links included, to anyone: never on a deployed
    // server unless asked for (the demo and the end-to-end tests ask).
    devMailPage: !env.RESEND_API_KEY && (env.DEV_MAIL === undefined ? env.NODE_ENV !== "production" || isLocal(appUrl) : env.DEV_MAIL === "true"),
  };
}

/** A server whose public address is this machine is a local demo, not a deployment. */
function isLocal(url: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases. */
export function resetEnv() {
  cached = undefined;
}
