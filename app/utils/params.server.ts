/**
 * The one way to read a number from an address: a route's `$id` segment, or a query
 * parameter such as `?year=2026`. Every number is checked by the domain's `parseId`, so a
 * wrong or oversized number is "no such page" (404), never a database error.
 */
import { parseId } from "~/domain/ids";
import { notFound } from "./responses.server";

/** A route parameter that names a row: its id, or a 404 for anything else. */
export function requireId(value: string | undefined, message = "We could not find that page."): number {
  const id = parseId(value);
  if (id === null) notFound(message);
  return id;
}

/** A whole-number query parameter (`?round=2`), or null when it is missing or not a number. */
export function numberParam(request: Request | URL, name: string): number | null {
  const url = request instanceof URL ? request : new URL(request.url);
  return parseId(url.searchParams.get(name));
}

/** The cycle a page is about, by its year: `?year=2026`. Null means "the current cycle". */
export function yearParam(request: Request | URL): number | null {
  return numberParam(request, "year");
}
