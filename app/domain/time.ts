/** Times are stored in UTC and always shown in Europe/London, in English or in Welsh. */
import type { Language } from "./vocabulary";

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

// Welsh names of days and months from Node's ICU; the hour as Welsh writes it, "5yh" (yr hwyr)
// or "9:30yb" (y bore).
const welshDateTime = new Intl.DateTimeFormat("cy", {
  timeZone: LONDON,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h23",
});
const welshDateOnly = new Intl.DateTimeFormat("cy", { timeZone: LONDON, day: "numeric", month: "long", year: "numeric" });

const NOT_SET: Record<Language, string> = { en: "not set", cy: "heb ei osod" };

/** "Friday 30 January 2026 at 5:00pm" (GOV.UK style); in Welsh "Dydd Gwener 30 Ionawr 2026 am 5yh". */
export function formatLondon(date: Date | string | null | undefined, language: Language = "en"): string {
  if (!date) return NOT_SET[language];
  const d = typeof date === "string" ? new Date(date) : date;
  if (language === "cy") {
    const p = Object.fromEntries(welshDateTime.formatToParts(d).map((x) => [x.type, x.value]));
    const hour24 = Number(p.hour) % 24;
    const hour = hour24 % 12 === 0 ? 12 : hour24 % 12;
    const minute = p.minute === "00" ? "" : `:${p.minute}`;
    return `${p.weekday} ${p.day} ${p.month} ${p.year} am ${hour}${minute}${hour24 < 12 ? "yb" : "yh"}`;
  }
  const parts = Object.fromEntries(dateTime.formatToParts(d).map((p) => [p.type, p.value]));
  const minute = parts.minute === "00" ? "" : `:${parts.minute}`;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}${minute}${(parts.dayPeriod ?? "").toLowerCase().replace(/\s/g, "")}`;
}

export function formatLondonDate(date: Date | string | null | undefined, language: Language = "en"): string {
  if (!date) return NOT_SET[language];
  return (language === "cy" ? welshDateOnly : dateOnly).format(typeof date === "string" ? new Date(date) : date);
}

/** ISO string for a <time dateTime> attribute. */
export function isoString(date: Date | string | null | undefined): string | undefined {
  if (!date) return undefined;
  return (typeof date === "string" ? new Date(date) : date).toISOString();
}

const offsetParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** London's offset from UTC, in minutes, at the given instant. */
function londonOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(offsetParts.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The years a date in a form may fall in: this century and the next. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2199;

/**
 * Reads a London wall-clock time from an <input type="datetime-local"> ("2026-10-14T19:00")
 * as the UTC instant it names. In the autumn hour that happens twice the first is meant;
 * a spring time that never happens is read one hour on. Returns null for anything else.
 */
export function parseLondonDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0));
  // Date.UTC reads years 0–99 as 1900–1999 (0050 would be stored as 1950), and nothing in
  // an awards cycle happens outside this century and the next.
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return null;
  // Try the offsets London could have around then; keep the earliest that reads back right.
  const candidates = [0, 60].map((offset) => new Date(wall - offset * 60_000)).sort((a, b) => a.getTime() - b.getTime());
  for (const candidate of candidates) {
    if (londonOffsetMinutes(candidate) * 60_000 === wall - candidate.getTime()) return candidate;
  }
  return new Date(wall);
}

/** The value for an <input type="datetime-local"> showing this instant in London. */
export function toLondonInputValue(date: Date | string | null | undefined): string {
  if (!date) return "";
  const d = typeof date === "string" ? new Date(date) : date;
  const p = Object.fromEntries(offsetParts.formatToParts(d).map((x) => [x.type, x.value]));
  const seconds = p.second === "00" ? "" : `:${p.second}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}${seconds}`;
}
