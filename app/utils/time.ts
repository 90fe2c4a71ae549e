/** Times are stored in UTC and always shown in Europe/London. */
export const LONDON = "Europe/London";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
});

const dateOnly = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "Friday 30 January 2026 at 5:00pm" (GOV.UK style). */
export function formatLondon(date: Date | string | null | undefined): string {
  if (!date) return "not set";
  const d = typeof date === "string" ? new Date(date) : date;
  const parts = Object.fromEntries(dateTime.formatToParts(d).map((p) => [p.type, p.value]));
  const minute = parts.minute === "00" ? "" : `:${parts.minute}`;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}${minute}${(parts.dayPeriod ?? "").toLowerCase().replace(/\s/g, "")}`;
}

export function formatLondonDate(date: Date | string | null | undefined): string {
  if (!date) return "not set";
  return dateOnly.format(typeof date === "string" ? new Date(date) : date);
}

/** ISO string for a <time dateTime> attribute. */
export function isoString(date: Date | string | null | undefined): string | undefined {
  if (!date) return undefined;
  return (typeof date === "string" ? new Date(date) : date).toISOString();
}

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The value for an <input type="datetime-local"> showing this moment in London time. */
export function toLondonInput(date: Date | string | null | undefined): string {
  if (!date) return "";
  const d = typeof date === "string" ? new Date(date) : date;
  const p = Object.fromEntries(londonParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * Reads "2026-03-29T01:30" as London wall-clock time and returns the UTC moment, or null
 * if it is not a valid date. A time skipped by the clocks going forward moves on an hour;
 * a repeated time when they go back means the first (BST) one.
 */
export function fromLondonInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  const offsetAt = (t: number) => {
    const p = Object.fromEntries(londonParts.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - t;
  };
  // Try the offsets either side of the guess: the earlier instant that shows this wall time wins.
  for (const offset of [...new Set([offsetAt(wall - 3 * 3600_000), offsetAt(wall + 3 * 3600_000)])].sort((a, b) => b - a)) {
    const t = wall - offset;
    if (offsetAt(t) === offset) return new Date(t);
  }
  return new Date(wall - offsetAt(wall - 3 * 3600_000));
}
