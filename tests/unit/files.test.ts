import { describe, expect, test } from "vitest";
import { attachmentDisposition, sanitiseFilename, sniffFileType, zipEntryNames, ACCEPTED_TYPES } from "~/domain/files";

/** A stored (uncompressed) ZIP with the given entry names, built by hand like a real one. */
function zip(names: string[], comment = ""): Uint8Array {
  const enc = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (v: number) => [v & 0xff, (v >> 8) & 0xff];
  const u32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
  for (const name of names) {
    const n = [...enc.encode(name)];
    const data = [...enc.encode("<x/>")];
    const offset = locals.length;
    locals.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(data.length), ...u32(data.length), ...u16(n.length), ...u16(0), ...n, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(data.length), ...u32(data.length), ...u16(n.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...n);
  }
  const c = [...enc.encode(comment)];
  const eocd = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(names.length), ...u16(names.length), ...u32(central.length), ...u32(locals.length), ...u16(c.length), ...c];
  return new Uint8Array([...locals, ...central, ...eocd]);
}

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe("sniffFileType: by content, never by name", () => {
  test.each([
    ["PDF", text("%PDF-1.4\n..."), ACCEPTED_TYPES.pdf],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), ACCEPTED_TYPES.png],
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), ACCEPTED_TYPES.jpeg],
    ["DOCX", zip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]), ACCEPTED_TYPES.docx],
    ["DOCX with an archive comment", zip(["[Content_Types].xml", "word/document.xml"], "made by hand"), ACCEPTED_TYPES.docx],
    ["XLSX (a ZIP, but not Word)", zip(["[Content_Types].xml", "xl/workbook.xml"]), null],
    ["a plain ZIP", zip(["notes.txt"]), null],
    ["a truncated ZIP", zip(["[Content_Types].xml", "word/document.xml"]).subarray(0, 60), null],
    ["HTML", text("<html><script>alert(1)</script>"), null],
    ["PDF-like text", text("PDF-1.4"), null],
    ["empty", bytes(), null],
    ["a short PNG prefix", bytes(0x89, 0x50, 0x4e), null],
    ["GIF", text("GIF89a"), null],
  ])("%s", (_name, content, expected) => expect(sniffFileType(content)).toEqual(expected));

  test("the central directory is read, not the local headers", () => {
    expect(zipEntryNames(zip(["a", "word/b"]))).toEqual(["a", "word/b"]);
    expect(zipEntryNames(text("PK\u0003\u0004 but nothing else"))).toBeNull();
  });
});

describe("filenames", () => {
  test.each([
    ["letter.pdf", ACCEPTED_TYPES.pdf, "letter.pdf"],
    ["../../etc/passwd.pdf", ACCEPTED_TYPES.pdf, "passwd.pdf"],
    ["C:\\Users\\me\\photo.JPG", ACCEPTED_TYPES.jpeg, "photo.jpg"],
    ["evil.exe", ACCEPTED_TYPES.png, "evil.png"],
    ["name\u0000with\u001fcontrol\".pdf", ACCEPTED_TYPES.pdf, "namewithcontrol.pdf"],
    [".hidden", ACCEPTED_TYPES.pdf, "hidden.pdf"],
    ["...", ACCEPTED_TYPES.pdf, "supporting-file.pdf"],
    ["", ACCEPTED_TYPES.docx, "supporting-file.docx"],
  ])("%j becomes %j", (original, type, expected) => expect(sanitiseFilename(original, type)).toBe(expected));

  test("long names are cut", () => {
    expect(sanitiseFilename("x".repeat(500) + ".pdf", ACCEPTED_TYPES.pdf).length).toBeLessThanOrEqual(120);
  });

  test("downloads are attachments, with a UTF-8 name beside an ASCII one", () => {
    expect(attachmentDisposition("Lettre été.pdf")).toBe(`attachment; filename="Lettre _t_.pdf"; filename*=UTF-8''Lettre%20%C3%A9t%C3%A9.pdf`);
  });
});
