/**
 * What a request body may hold before any form library sees it (the gate itself is
 * app/server/body-gate.ts). Form libraries expand `a[100000000]` into a sparse array and
 * slow down badly on thousands of repeats of one name; PostgreSQL refuses NUL; bidi
 * overrides make a name display as something else. Every rule here is checked once, for
 * every route, so no action has to remember them.
 */

export const FORM_LIMITS = {
  /** Fields (and files) in one body. The largest real form has a few dozen. */
  fields: 1000,
  /** Characters in a field name. Our names are short ASCII such as `criteria[3].score`. */
  nameLength: 100,
  /** Characters in one value: far above any answer a form accepts. */
  valueLength: 100_000,
  /** Bytes of a urlencoded body. Files come as multipart, under BODY_LIMIT_MB. */
  urlencodedBytes: 1024 * 1024,
  /** `name[n]`: n at most this, and at most `indexDepth` of them in one name. */
  arrayIndex: 99,
  indexDepth: 3,
} as const;

/** Conform's own control fields: honoured only where a route says it uses them. */
export const RESERVED_FIELD_NAMES = ["__intent__", "__state__"] as const;

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

export type FieldNameProblem = "empty" | "too-long" | "characters" | "index" | "reserved";

/** Why a field name is refused, or null when it is fine. */
export function fieldNameProblem(name: string, { allowReserved = false } = {}): FieldNameProblem | null {
  if (name.length === 0) return "empty";
  if (name.length > FORM_LIMITS.nameLength) return "too-long";
  // Names come from our own pages: printable ASCII, never spaces, quotes or controls.
  if (!/^[\x21-\x7e]+$/.test(name) || /["'<>\\`]/.test(name)) return "characters";
  if ((RESERVED_FIELD_NAMES as readonly string[]).includes(name)) return allowReserved ? null : "reserved";
  const brackets = name.match(/\[[^\]]*\]?/g) ?? [];
  if (brackets.length > FORM_LIMITS.indexDepth) return "index";
  for (const bracket of brackets) {
    const inside = /^\[(\d{1,3})\]$/.exec(bracket);
    if (!inside || Number(inside[1]) > FORM_LIMITS.arrayIndex) return "index";
  }
  if (name.split(/[.[\]]/).some((segment) => FORBIDDEN_SEGMENTS.has(segment))) return "reserved";
  return null;
}

/* eslint-disable no-control-regex */
// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
// Bidi embeddings, overrides and isolates: `invoice\u202Efdp.pdf` shows as invoicepdf.exe.
// Arabic or Hebrew text never needs them; the browser's bidi algorithm does the work.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * Text as it will be stored: control characters (NUL among them, which PostgreSQL refuses)
 * and bidi overrides removed, line breaks kept, composed to NFC once so that the same
 * words typed on two devices compare equal.
 */
export function cleanText(value: string): string {
  return value.replace(CONTROLS, "").replace(BIDI_CONTROLS, "").normalize("NFC");
}

export function hasUnwantedCharacters(value: string): boolean {
  CONTROLS.lastIndex = 0;
  BIDI_CONTROLS.lastIndex = 0;
  return CONTROLS.test(value) || BIDI_CONTROLS.test(value);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export class MalformedBody extends Error {}

function percentDecode(component: string): string {
  if (!/[%+\x80-\xff]/.test(component)) return component;
  const bytes = new Uint8Array(component.length);
  let length = 0;
  for (let i = 0; i < component.length; i++) {
    const c = component.charCodeAt(i);
    if (c === 0x2b) {
      bytes[length++] = 0x20;
    } else if (c === 0x25) {
      const hex = component.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new MalformedBody("a broken %-escape");
      bytes[length++] = parseInt(hex, 16);
      i += 2;
    } else {
      bytes[length++] = c;
    }
  }
  try {
    return strictUtf8.decode(bytes.subarray(0, length));
  } catch {
    throw new MalformedBody("text that is not valid UTF-8");
  }
}

/**
 * Splits an `application/x-www-form-urlencoded` body (given as latin1, one character per
 * byte) into name/value pairs, strictly: a broken %-escape or invalid UTF-8 is a malformed
 * body, not silently replaced. Counting happens before decoding, so a flood of fields costs
 * one split.
 */
export function parseUrlEncoded(latin1: string): Array<[string, string]> | "too-many-fields" {
  if (latin1 === "") return [];
  const pieces = latin1.split("&");
  if (pieces.length > FORM_LIMITS.fields) return "too-many-fields";
  const pairs: Array<[string, string]> = [];
  for (const piece of pieces) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const name = percentDecode(eq === -1 ? piece : piece.slice(0, eq));
    const value = eq === -1 ? "" : percentDecode(piece.slice(eq + 1));
    pairs.push([name, value]);
  }
  return pairs;
}
