import { describe, expect, test } from "vitest";
import { isWriteAllowed } from "~/utils/origin.server";

describe("Origin check on writes", () => {
  test.each([
    ["GET", undefined, "localhost:3000", [], true],
    ["HEAD", "https://evil.example", "localhost:3000", [], true],
    ["POST", "http://localhost:3000", "localhost:3000", [], true],
    ["POST", "https://awards.example.org", "127.0.0.1:3000", ["https://awards.example.org"], true],
    ["POST", undefined, "localhost:3000", [], false],
    ["POST", "null", "localhost:3000", [], false],
    ["POST", "https://evil.example", "localhost:3000", [], false],
    ["POST", "http://localhost:3000.evil.example", "localhost:3000", [], false],
    ["DELETE", "http://localhost:4000", "localhost:3000", [], false],
    ["put", "http://localhost:3000", "localhost:3000", [], true],
    ["POST", "http://localhost:3000", undefined, [], false],
    ["POST", "not a url", "localhost:3000", ["also not a url"], false],
  ])("%s from %s to %s → %s", (method, origin, host, trusted, expected) => {
    expect(isWriteAllowed(method, origin, host, trusted)).toBe(expected);
  });
});
