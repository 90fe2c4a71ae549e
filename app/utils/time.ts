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
  hourCycle: "h12",
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
