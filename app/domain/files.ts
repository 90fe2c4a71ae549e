/**
 * Supporting files are recognised by their content, never by their name or the type the
 * browser claims: PDF, PNG, JPEG, or DOCX (a ZIP whose central directory lists
 * [Content_Types].xml and word/ entries).
 */

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_NOMINATION = 3;

export type SniffedType = { mediaType: string; extension: string; label: string };

export const ACCEPTED_TYPES = {
  pdf: { mediaType: "application/pdf", extension: "pdf", label: "PDF" },
  png: { mediaType: "image/png", extension: "png", label: "PNG image" },
  jpeg: { mediaType: "image/jpeg", extension: "jpg", label: "JPEG image" },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
    label: "Word document",
  },
} as const satisfies Record<string, SniffedType>;

/** For the file input's accept attribute: a hint to the browser, not a check. */
export const ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png," + ACCEPTED_TYPES.docx.mediaType;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ACCEPTED_TYPES.pdf; // %PDF-
  if (startsWith(bytes, PNG_SIGNATURE)) return ACCEPTED_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ACCEPTED_TYPES.jpeg;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && isWordDocument(zipEntryNames(bytes))) return ACCEPTED_TYPES.docx;
  return null;
}

function isWordDocument(names: string[] | null): boolean {
  if (!names) return false;
  return names.includes("[Content_Types].xml") && names.some((n) => n.startsWith("word/"));
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const MAX_ENTRIES_READ = 5000;

/**
 * The names in a ZIP's central directory, or null when the archive is not well formed.
 * Reads only the directory, never decompresses anything.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > eocd) return null;

  const names: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let p = offset;
  for (let n = 0; n < Math.min(entries, MAX_ENTRIES_READ); n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_HEADER_SIGNATURE) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > eocd) return null;
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * A name safe to store and to send back in Content-Disposition: no folders, no control
 * characters, no leading dots, at most 120 characters, and the extension of what the
 * content really is.
 */
export function sanitiseFilename(original: string, type: SniffedType): string {
  const base = original.split(/[/\\]/).pop() ?? "";
  let name = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"<>:|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  name = name.replace(/\.[A-Za-z0-9]{1,8}$/, "").trim();
  if (!name) name = "supporting-file";
  name = name.slice(0, 110);
  return `${name}.${type.extension}`;
}

/** The Content-Disposition header for a download: always an attachment. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
