import { describe, expect, test } from "vitest";
import { databaseErrorAnswer } from "~/server/database-errors";

const pg = (code: string) => Object.assign(new Error(`postgres ${code}`), { code });
// drizzle wraps the driver's error and keeps it as the cause.
const wrapped = (code: string) => Object.assign(new Error("Failed query"), { cause: pg(code) });

describe("database errors a request can cause", () => {
  test.each([
    ["22003 (an id past 32 bits)", wrapped("22003"), 400],
    ["22021 (NUL in text)", wrapped("22021"), 400],
    ["22008 (a date out of range)", pg("22008"), 400],
    ["23505 (a unique race)", wrapped("23505"), 409],
    ["23503 (a row removed meanwhile)", pg("23503"), 409],
    ["23514 (a check)", pg("23514"), 400],
    ["40001 (serialisation)", pg("40001"), 503],
    ["57P01 (shutting down)", pg("57P01"), 503],
    ["08006 (connection failure)", pg("08006"), 503],
    ["ECONNREFUSED", wrapped("ECONNREFUSED"), 503],
    ["CONNECT_TIMEOUT", pg("CONNECT_TIMEOUT"), 503],
    ["PGlite closed", new Error("PGlite is closed"), 503],
  ])("%s → %i", (_name, error, status) => {
    expect(databaseErrorAnswer(error)?.status).toBe(status);
  });

  test.each([["a plain bug", new TypeError("x is undefined")], ["42P01 (our own SQL is wrong)", pg("42P01")], ["not an error", "text"]])(
    "%s stays a 500",
    (_name, error) => {
      expect(databaseErrorAnswer(error)).toBeNull();
    },
  );
});
