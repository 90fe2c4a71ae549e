/**
 * Row ids, years and other integers that come from addresses and forms. PostgreSQL's
 * `integer` stops at 2,147,483,647: a larger number (or NaN) would make the query itself
 * fail, a 500 for what is only a wrong address. Anything outside the range is "no such row".
 */
export const MAX_ID = 2_147_483_647;

/** A positive whole number that fits an `integer` column, or null. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value).trim();
  if (!/^\d{1,10}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= MAX_ID ? id : null;
}
