import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "~/utils/env.server";

describe("environment", () => {
  test("defaults run the demo on PGlite without mail", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATA_DIR: "./data",
      APP_URL: "http://localhost:3000",
      mailConfigured: false,
      SEED_DEMO: true,
      TRUST_PROXY: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test("empty strings count as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", RESEND_API_KEY: "", PORT: "" }).PORT).toBe(3000);
  });

  test("APP_URL follows PORT and loses a trailing slash", () => {
    expect(parseEnv({ PORT: "8080" }).APP_URL).toBe("http://localhost:8080");
    expect(parseEnv({ APP_URL: "https://awards.example.org/" }).APP_URL).toBe("https://awards.example.org");
  });

  test("a Resend key turns mail on", () => {
    expect(parseEnv({ RESEND_API_KEY: "re_123" }).mailConfigured).toBe(true);
  });

  test("the development outbox page is off on a deployed server unless DEV_MAIL=true, and off whenever mail is sent", () => {
    expect(parseEnv({}).devMailPage).toBe(true);
    // The README's demo: a production build answering on localhost.
    expect(parseEnv({ NODE_ENV: "production" }).devMailPage).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", APP_URL: "http://127.0.0.1:3000" }).devMailPage).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", APP_URL: "https://awards.example.org" }).devMailPage).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", APP_URL: "https://localhost.example.org" }).devMailPage).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", APP_URL: "https://awards.example.org", DEV_MAIL: "true" }).devMailPage).toBe(true);
    expect(parseEnv({ DEV_MAIL: "false" }).devMailPage).toBe(false);
    expect(parseEnv({ DEV_MAIL: "true", RESEND_API_KEY: "re_1" }).devMailPage).toBe(false);
  });

  test("each bad variable gets one clear line", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", RESEND_API_KEY: "sk_live", APP_URL: "ftp://x", SEED_DEMO: "maybe" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith("DATABASE_URL"))).toMatch(/postgres:\/\//);
    expect(problems.find((p) => p.startsWith("RESEND_API_KEY"))).toMatch(/re_/);
    expect(problems.find((p) => p.startsWith("APP_URL"))).toMatch(/http/);
    expect(problems.find((p) => p.startsWith("SEED_DEMO"))).toMatch(/true or false/);
    expect(problems.find((p) => p.startsWith("PORT"))).toBeDefined();
    expect((error as EnvError).message.split("\n")).toHaveLength(6);
  });
});
