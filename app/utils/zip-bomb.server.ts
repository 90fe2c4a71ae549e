/**
 * A DOCX is a ZIP. The portal never unpacks one, but the judges' and administrators' word
 * processors do: a "zip bomb" (a few MB that inflate to gigabytes) must be refused at
 * upload. Every entry is really inflated, with a cap on the total output, so a directory
 * that lies about sizes does not get through.
 */
import { inflateRawSync } from "node:zlib";
import { zipEntryNames } from "~/domain/files";

export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5000;

export function isZipBomb(bytes: Uint8Array): boolean {
  try {
    return unpacksTooFar(bytes);
  } catch (error) {
    // A directory pointing past the end of the file (an end record claiming one more entry
    // than there is, say) is not a document we take, and not a server error.
    if (error instanceof RangeError) return true;
    throw error;
  }
}

function unpacksTooFar(bytes: Uint8Array): boolean {
  const names = zipEntryNames(bytes);
  if (!names || names.length > MAX_ENTRIES) return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return true;
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  let budget = MAX_UNPACKED_BYTES;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return true;
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    p += 46 + nameLength + extraLength + commentLength;
    // ZIP64 (sizes that need 64 bits) has no place in a 10 MB Word document.
    if (compressed === 0xffffffff || local === 0xffffffff) return true;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return true;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
    if (method === 0) {
      budget -= data.length;
    } else if (method === 8) {
      try {
        budget -= inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch {
        // Over the cap, or not inflatable at all: either way, not a document we take.
        return true;
      }
    } else {
      return true;
    }
    if (budget < 0) return true;
  }
  return false;
}
