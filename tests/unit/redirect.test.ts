import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "~/domain/redirect";

describe("safeRedirectPath keeps only a path on this site", () => {
  test.each([
    ["/judge", "/judge"],
    ["/admin/results?year=2026#top", "/admin/results?year=2026#top"],
    ["/nominate/group-of-the-year/check", "/nominate/group-of-the-year/check"],
    ["/a/../admin", "/admin"],
  ])("%s → %s", (to, expected) => expect(safeRedirectPath(to, "/")).toBe(expected));

  test.each([
    ["a tab makes a protocol-relative address", "/\t/evil.example"],
    ["a newline would break the header", "/\n/evil.example"],
    ["a carriage return", "/judge\r\nSet-Cookie: x=1"],
    ["protocol-relative", "//evil.example"],
    ["backslash read as a slash", "/\\evil.example"],
    ["backslash later", "/judge\\..\\..\\/evil.example"],
    ["absolute", "https://evil.example/"],
    ["scheme without slashes", "javascript:alert(1)"],
    ["relative", "judge"],
    ["NUL", "/judge\u0000"],
    ["DEL", "/\u007f/evil.example"],
    ["C1 control", "/\u0085/evil.example"],
    ["empty", ""],
    ["too long", `/${"a".repeat(2001)}`],
  ])("%s is refused", (_why, to) => expect(safeRedirectPath(to, "/home")).toBe("/home"));

  test("nothing is refused by throwing", () => {
    for (let code = 0; code < 0x3000; code += 7) {
      expect(() => safeRedirectPath(`/${String.fromCharCode(code)}/x`, "/")).not.toThrow();
    }
  });
});
